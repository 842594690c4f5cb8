import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { issuePayerInvoiceForEvent } from "../workflows/payer/issue-invoice-for-event"

/** Thin: a fulfillment of an order paid with payer-b2b -> a Payer invoice of exactly what it ships (invoiceOn "fulfillment"). */
export default async function payerInvoiceOnFulfillment({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  await issuePayerInvoiceForEvent(container, "fulfillment", {
    order_id: data.order_id,
    fulfillment_id: data.fulfillment_id,
  })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "payer-invoice-on-fulfillment" },
}
