import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { creditPayerReturnWorkflow } from "../workflows/payer/credit-return"

/**
 * A received return of an order paid with payer-b2b -> Payer credits by the positions of the returned
 * items, recorded as refunds in Medusa. A failure is logged and stays on the credit record (last_error);
 * the event delivered again resumes it.
 */
export default async function payerCreditOnReturn({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  try {
    await creditPayerReturnWorkflow(container).run({ input: { order_id: data.order_id, return_id: data.return_id } })
  } catch (error) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.error(
      `Payer: crediting return ${data.return_id} of order ${data.order_id} failed: ${(error as Error)?.message ?? String(error)}`,
    )
  }
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.RETURN_RECEIVED,
  context: { subscriberId: "payer-credit-on-return" },
}
