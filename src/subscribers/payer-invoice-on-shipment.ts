import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { issuePayerInvoiceForEvent } from "../workflows/payer/issue-invoice-for-event"

/** Thin: a shipped fulfillment of an order paid with payer-b2b -> its Payer invoice (invoiceOn "shipment"). */
export default async function payerInvoiceOnShipment({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await issuePayerInvoiceForEvent(container, "shipment", { fulfillment_id: data.id })
}

export const config: SubscriberConfig = {
  event: FulfillmentWorkflowEvents.SHIPMENT_CREATED,
  context: { subscriberId: "payer-invoice-on-shipment" },
}
