import { container as appContainer } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Payment providers run inside the payment module, whose container cannot see orders. Both providers
 * need the order of a payment collection now and then (lines to capture, an order to credit), so this
 * one lookup reads the order <-> payment collection link through the application's `query`.
 */
export async function orderIdOfPaymentCollection(paymentCollectionId: string | undefined): Promise<string | null> {
  if (!paymentCollectionId) return null
  const query = appContainer.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  return links[0]?.order_id ?? null
}

/** The order's live payment made with the provider of `identifier` (for example "payex-invoice"). */
export function livePaymentOf<P extends { provider_id?: string | null; canceled_at?: unknown }>(
  order: { payment_collections?: Array<{ payments?: P[] | null } | null> | null } | null | undefined,
  identifier: string
): P | undefined {
  return (order?.payment_collections ?? [])
    .flatMap((pc) => pc?.payments ?? [])
    .find((p) => !!p?.provider_id?.startsWith(`pp_${identifier}_`) && !p.canceled_at)
}
