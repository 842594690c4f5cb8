/** The payments of an order as the dashboard's order page loads them (`payment_collections.payments`). */
export type OrderWithPayments = {
  payment_collections?: Array<{
    payments?: Array<{ provider_id?: string | null; canceled_at?: unknown } | null> | null
  } | null> | null
}

/**
 * Whether the order has a payment of the provider `identifier` ("payex-invoice", "payer-b2b"): Medusa registers
 * it as `pp_<identifier>_<id>`, whatever id the host chose. `liveOnly` skips canceled payments.
 */
export function hasPaymentOf(order: OrderWithPayments | null | undefined, identifier: string, liveOnly = false) {
  return (order?.payment_collections ?? [])
    .flatMap((collection) => collection?.payments ?? [])
    .some((p) => !!p?.provider_id?.startsWith(`pp_${identifier}_`) && (!liveOnly || !p.canceled_at))
}

export const PAYEX_INVOICE_IDENTIFIER = "payex-invoice"
export const PAYER_B2B_IDENTIFIER = "payer-b2b"
