/**
 * order.payer_invoices (src/links/order-payer-invoice.ts) is written by the application's link service, which a
 * module cannot reach from its own container: whoever creates records with the module service links them with
 * this, passing the application's container (a workflow step's, or the provider's).
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PAYER_INVOICE_MODULE } from "./names"
import type { Resolver } from "./records/record-types"

function orderLinks(orderId: string, recordIds: string[]) {
  return recordIds.map((id) => ({
    [Modules.ORDER]: { order_id: orderId },
    [PAYER_INVOICE_MODULE]: { payer_invoice_id: id },
  }))
}

/** Links records to their order so `order.payer_invoices` lists them (the link service upserts: a link that exists stays). */
export async function linkRecordsToOrder(container: Resolver, orderId: string, recordIds: string[]): Promise<void> {
  if (recordIds.length) await container.resolve(ContainerRegistrationKeys.LINK).create(orderLinks(orderId, recordIds))
}

/** Removes the links of records to their order (before or after the records themselves are deleted). */
export async function unlinkRecordsFromOrder(container: Resolver, orderId: string, recordIds: string[]): Promise<void> {
  if (recordIds.length) await container.resolve(ContainerRegistrationKeys.LINK).dismiss(orderLinks(orderId, recordIds))
}
