import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { payerInvoiceModule } from "../modules/payer-invoice"
import { fulfillmentSource } from "../modules/payer-invoice/records/sources"
import { creditPayerInvoiceWorkflow } from "../workflows/payer/credit-invoice"

/**
 * A canceled fulfillment that was already invoiced through Payer -> a full credit of what remains on its
 * invoice, recorded as a refund on the Medusa payment. Keyed by the fulfillment, so the event delivered
 * twice credits once.
 */
export default async function payerCreditOnFulfillmentCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = payerInvoiceModule(container)
  if (!service.isConfigured()) return
  const [invoice] = await service.listPayerInvoices(
    { source: fulfillmentSource(data.fulfillment_id), kind: "invoice" },
    { take: 1 },
  )
  if (!invoice) return
  if (invoice.status !== "issued" || !invoice.invoice_number) {
    logger.warn(
      `Payer: fulfillment ${data.fulfillment_id} was canceled while its invoice is ${invoice.status}; nothing was credited`,
    )
    return
  }
  if (invoice.total_amount - invoice.credited_amount <= 0) return
  try {
    await creditPayerInvoiceWorkflow(container).run({
      input: {
        invoice_number: invoice.invoice_number,
        credit: { type: "full" },
        key: `fulfillment-canceled:${data.fulfillment_id}`,
      },
    })
  } catch (error) {
    logger.error(
      `Payer: crediting canceled fulfillment ${data.fulfillment_id} of order ${data.order_id} failed: ${(error as Error)?.message ?? String(error)}`,
    )
  }
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CANCELED,
  context: { subscriberId: "payer-credit-on-fulfillment-canceled" },
}
