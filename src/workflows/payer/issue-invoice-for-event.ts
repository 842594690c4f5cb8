import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { payerInvoiceModule } from "../../modules/payer-invoice"
import type PayerInvoiceModuleService from "../../modules/payer-invoice/service"
import { issuePayerInvoiceWorkflow } from "./issue-invoice"

/** The order a fulfillment belongs to (shipment.created only carries the fulfillment id). */
export async function orderIdOfFulfillment(container: MedusaContainer, fulfillmentId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_fulfillment",
    fields: ["order_id"],
    filters: { fulfillment_id: fulfillmentId },
  })
  return (data[0] as { order_id?: string } | undefined)?.order_id ?? null
}

/**
 * What both invoice subscribers do: act only when Payer is configured and invoices on this event
 * (`invoiceOn`), then run the workflow. Errors are logged, never thrown back into the event bus: the
 * record says what failed and the admin retry route continues from there.
 */
export async function issuePayerInvoiceForEvent(
  container: MedusaContainer,
  on: "fulfillment" | "shipment",
  input: { order_id?: string; fulfillment_id: string },
): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let service: PayerInvoiceModuleService
  try {
    service = payerInvoiceModule(container)
  } catch {
    return // the plugin's invoice module is not loaded in this application
  }
  if (!service.isConfigured() || service.getPayerOptions().invoiceOn !== on) return
  try {
    const orderId = input.order_id ?? (await orderIdOfFulfillment(container, input.fulfillment_id))
    if (!orderId) return
    await issuePayerInvoiceWorkflow(container).run({
      input: { order_id: orderId, fulfillment_id: input.fulfillment_id },
    })
  } catch (e) {
    logger.error(`Payer invoice for fulfillment ${input.fulfillment_id} failed: ${(e as Error).message}`)
  }
}
