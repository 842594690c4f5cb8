import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { reversePayexFulfillmentWorkflow } from "../workflows/payex/reverse-fulfillment"

/** Thin: a canceled fulfillment that PayEx captured -> a reversal of exactly that capture, recorded as a refund. */
export default async function payexReversalOnFulfillmentCanceled({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const logger = container.resolve("logger")
  try {
    await reversePayexFulfillmentWorkflow(container).run({
      input: { order_id: data.order_id, fulfillment_id: data.fulfillment_id },
    })
  } catch (e) {
    logger.error(
      `PayEx reversal of canceled fulfillment ${data.fulfillment_id} (order ${data.order_id}) failed: ${(e as Error).message}`,
    )
  }
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CANCELED,
  context: { subscriberId: "payex-reversal-on-fulfillment-canceled" },
}
