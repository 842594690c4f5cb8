import { container as appContainer } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { OrderLike } from "../mapping/order-lines"

/**
 * The order-side lookups both payment providers and their workflows need, in one place.
 *
 * Payment providers run inside the payment module, whose container cannot see orders. Both providers
 * need the order of a payment collection now and then (lines to capture, an order to credit), so these
 * lookups read the order <-> payment collection link and the order through the application's `query`.
 */

// Totals are computed by the order module, and only when the order's own `total` and the base fields
// ("items.*") are asked for beside "items.total". Every reader of invoice lines (PayEx captures, Payer
// invoices) asks for these, so `grossLinesForOrder` gets the same shape everywhere.
export const ORDER_LINE_FIELDS = [
  "id",
  "currency_code",
  "total",
  "items.*",
  "items.total",
  "items.tax_lines.rate",
  "shipping_methods.*",
  "shipping_methods.total",
  "shipping_methods.tax_lines.rate",
]

/** The id of the order a payment collection pays for, or null when it belongs to none (yet). */
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

/** The order a payment collection pays for, with the fields invoice lines need (ORDER_LINE_FIELDS). */
export async function orderWithLinesOfPaymentCollection(paymentCollectionId: string): Promise<OrderLike | null> {
  const orderId = await orderIdOfPaymentCollection(paymentCollectionId)
  if (!orderId) return null
  const query = appContainer.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ORDER_LINE_FIELDS, filters: { id: orderId } })
  // query.graph types the row from the entity's full model; OrderLike is the subset ORDER_LINE_FIELDS selects.
  return (orders[0] as unknown as OrderLike) ?? null
}

/**
 * The cart a payment collection pays for, with the fields invoice lines need (the same as an order's): the lines
 * a payment order lists at checkout. Null when the collection belongs to no cart.
 */
export async function cartWithLinesOfPaymentCollection(paymentCollectionId: string): Promise<OrderLike | null> {
  const query = appContainer.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  const cartId = links[0]?.cart_id
  if (!cartId) return null
  const { data: carts } = await query.graph({ entity: "cart", fields: ORDER_LINE_FIELDS, filters: { id: cartId } })
  // A cart's lines have the shape of an order's (OrderLike) for the fields ORDER_LINE_FIELDS selects.
  return (carts[0] as unknown as OrderLike) ?? null
}

/** A payment as an order query reads it (ORDER_PAYMENT_FIELDS). */
export type OrderPayment = {
  id: string
  data?: unknown
  provider_id?: string | null
  currency_code?: string | null
  canceled_at?: unknown
}

/** The order's live payment made with the provider of `identifier` (for example "payex-invoice"), or of one of them. */
export function livePaymentOf<P extends { provider_id?: string | null; canceled_at?: unknown }>(
  order: { payment_collections?: Array<{ payments?: P[] | null } | null> | null } | null | undefined,
  identifier: string | string[],
): P | undefined {
  const identifiers = ([] as string[]).concat(identifier)
  return (order?.payment_collections ?? [])
    .flatMap((pc) => pc?.payments ?? [])
    .find((p) => identifiers.some((id) => !!p?.provider_id?.startsWith(`pp_${id}_`)) && !p.canceled_at)
}

/** What `livePaymentOf` reads of an order's payments. */
export const ORDER_PAYMENT_FIELDS = [
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.currency_code",
  "payment_collections.payments.data",
  "payment_collections.payments.canceled_at",
]

/** An order read with ORDER_PAYMENT_FIELDS beside its own `fields`: the rest of the row is the caller's to type. */
export type OrderWithPayments = {
  id: string
  currency_code: string
  payment_collections?: Array<{ payments?: OrderPayment[] | null } | null> | null
} & Record<string, unknown>

/**
 * An order (its id, currency, `fields` and payments) and its live payment made with the provider of
 * `identifier`, through `query` of the given container (a step's, a route's). Undefined order when it does
 * not exist; undefined payment when it has none of that provider.
 */
export async function orderWithLivePayment(
  container: MedusaContainer,
  input: { order_id: string; identifier: string | string[]; fields?: string[] },
): Promise<{ order?: OrderWithPayments; payment?: OrderPayment }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [...new Set(["id", "currency_code", ...(input.fields ?? []), ...ORDER_PAYMENT_FIELDS])],
    filters: { id: input.order_id },
  })
  // query.graph types the row from the order's full model; OrderWithPayments is what the fields above select.
  const order = data[0] as unknown as OrderWithPayments | undefined
  return { order, payment: livePaymentOf<OrderPayment>(order, input.identifier) }
}
