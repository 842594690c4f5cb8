import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { capturePayexFulfillmentWorkflow } from "../workflows/payex/capture-fulfillment"

/** Thin: a fulfillment of an order paid by PayEx invoice -> capture exactly what it ships. */
export default async function payexCaptureOnFulfillment({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const logger = container.resolve("logger")
  try {
    await capturePayexFulfillmentWorkflow(container).run({
      input: { order_id: data.order_id, fulfillment_id: data.fulfillment_id },
    })
  } catch (e) {
    logger.error(
      `PayEx capture of fulfillment ${data.fulfillment_id} (order ${data.order_id}) failed: ${(e as Error).message}`,
    )
  }
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
  context: { subscriberId: "payex-capture-on-fulfillment" },
}
