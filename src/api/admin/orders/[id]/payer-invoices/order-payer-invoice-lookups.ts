import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { payerInvoiceModule } from "../../../../../modules/payer-invoice"

/** The order with its fulfillment ids; 404 when it does not exist. */
export async function orderWithFulfillments(
  scope: MedusaContainer,
  orderId: string,
): Promise<{ id: string; fulfillment_ids: string[] }> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "fulfillments.id"], filters: { id: orderId } })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  return {
    id: order.id,
    fulfillment_ids: ((order.fulfillments ?? []) as Array<{ id: string } | null>).flatMap((f) => (f ? [f.id] : [])),
  }
}

/** Every Payer record of an order with its lines. */
export async function payerRecordsOfOrder(scope: MedusaContainer, orderId: string) {
  return payerInvoiceModule(scope).listOrderInvoiceRecords(orderId)
}
