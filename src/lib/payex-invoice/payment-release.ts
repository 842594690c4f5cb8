import type { PayexClient, PayexPaymentResponse } from "../payex"
import { payexToMedusaError } from "./medusa-errors"
import { withReplayRecovery } from "./replayable-transactions"

const offers = (payment: PayexPaymentResponse, rel: string) => payment.operations.some((o) => o.rel === rel)

/** Releases what an authorization holds of the shopper's credit, once per payeeReference (replay-safe). */
export async function cancelAuthorization(client: PayexClient, payment: PayexPaymentResponse, payeeReference: string) {
  await withReplayRecovery(
    client,
    payment,
    "create-cancellation",
    { transaction: { activity: "FinancingConsumer", payeeReference, description: "Order canceled" } },
    "Cancellation",
  )
}

/** Cancels what is not captured yet; nothing to do when PayEx offers no cancellation (all captured or released). */
export async function cancelUncaptured(client: PayexClient, payment: PayexPaymentResponse, payeeReference: string) {
  if (offers(payment, "create-cancellation")) await cancelAuthorization(client, payment, payeeReference)
}

/**
 * A payment whose session goes away: aborted while PayEx still allows that, otherwise an authorization already
 * made is canceled (it would hold the shopper's credit).
 */
export async function abortOrCancel(client: PayexClient, payment: PayexPaymentResponse, payeeReference: string) {
  if (offers(payment, "update-payment-abort")) {
    await client
      .perform(payment.operations, "update-payment-abort", {
        payment: { operation: "Abort", abortReason: "CancelledByConsumer" },
      })
      .catch(async (e) => {
        // An earlier attempt may have aborted the payment and lost the answer (the client's own retry, or the
        // shopper's, then finds nothing to abort): an aborted payment is what was asked for, so that is success.
        const now = await client.getPayment(payment.payment.id).catch(() => undefined)
        if (now?.payment?.state !== "Aborted") throw payexToMedusaError(e)
      })
  } else {
    await cancelUncaptured(client, payment, payeeReference)
  }
}
