import { container as appContainer } from "@medusajs/framework"
import { MedusaError } from "@medusajs/framework/utils"
import { orderIdOfPaymentCollection } from "./medusa-order-lookup"

/**
 * A Medusa refund on a payer-b2b payment that did not come from the plugin's own credit routes (admin
 * refund, order cancel, return): find the order and let the credit workflow turn it into Payer credits.
 * The refund id is the idempotency key, so a retried refund never credits twice.
 */
export async function creditRefundThroughPayer(cradle: Record<string, any>, input: { refund_id: string; amount_minor: number }) {
  const refund = await cradle.refundService.retrieve(input.refund_id, { relations: ["payment"] })
  const orderId = await orderIdOfPaymentCollection(refund.payment?.payment_collection_id)
  if (!orderId) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No order found for this Payer B2B payment")
  // Required lazily: the workflow module imports this provider's types. (A dynamic import() would be left
  // as an ESM import by tsc under node16 module resolution and then needs a file extension.)
  const { creditPayerRefundWorkflow } = require("../workflows/payer/credit-refund") as typeof import("../workflows/payer/credit-refund")
  await creditPayerRefundWorkflow(appContainer).run({
    input: { order_id: orderId, payment_id: refund.payment_id ?? refund.payment?.id, refund_id: input.refund_id, amount_minor: input.amount_minor },
  })
}
