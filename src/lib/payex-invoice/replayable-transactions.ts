import { MedusaError } from "@medusajs/framework/utils"
import { buildReversalRequest } from "../mapping/payex-transactions"
import type { PayexClient, PayexPaymentResponse, PayexTransaction } from "../payex"
import { payeeReferenceFor, PayexProblemError } from "../payex"
import { payexToMedusaError } from "./medusa-errors"
import type { PendingReversal } from "./payex-session-data"

/** The completed transactions of one type: only those moved money (or reserved it). */
export function completedOfType(txs: PayexTransaction[], type: string): PayexTransaction[] {
  return txs.filter((t) => t.type === type && t.state === "Completed")
}

/** Everything PayEx holds as captured on a payment, in minor units. */
export function completedCaptureTotal(txs: PayexTransaction[]): number {
  return completedOfType(txs, "Capture").reduce((sum, t) => sum + t.amount, 0)
}

/**
 * Whether a failed request may hide work PayEx did: every failure but PayEx's refusal (4xx). A 503 or a refused
 * connection did nothing itself, but the client's last error can follow an earlier attempt whose answer was lost.
 */
export function mayHideDoneWork(error: unknown): boolean {
  return error instanceof PayexProblemError && (error.code !== "http" || (error.status ?? 0) >= 500)
}

/**
 * Performs a transaction-creating operation so that a lost answer never does the work twice nor fails work that
 * was done. The payeeReference is derived from the Medusa id served, so:
 * - PayEx saying the payeeReference was already used means an earlier attempt (a retry after a lost answer, or a
 *   crash) made a transaction under it;
 * - a failure that may hide a done request (every answer lost, a timeout, a 5xx) may have made one too.
 * Either way PayEx's transactions are read, and a `Completed` one under this payeeReference is the answer, as if
 * the first attempt had succeeded. When the read finds none after a possibly-done failure, the failure stands (a
 * 502/503 saying to try again); the retry sends the same reference.
 *
 * An earlier transaction in any other state fails the step with its state named, and is NOT retried under
 * a new reference: an `Initialized` or `AwaitingActivity` one may still complete at PayEx, and a second one
 * next to it could capture or reverse the money twice; a `Failed` one is reported with PayEx's reason, so
 * the merchant sees why instead of the plugin guessing. A later attempt (Medusa's retry, the event
 * delivered again) finds the transaction once PayEx has completed it.
 */
export async function withReplayRecovery(
  client: PayexClient,
  payment: PayexPaymentResponse,
  rel: string,
  body: { transaction: { payeeReference: string } & Record<string, unknown> },
  type: string,
): Promise<PayexTransaction> {
  try {
    const res = await client.perform<Record<string, { transaction?: PayexTransaction }>>(payment.operations, rel, body)
    const tx = Object.values(res).find((v) => v && typeof v === "object" && "transaction" in v)?.transaction
    if (!tx) throw new PayexProblemError(rel, "http", { detail: "PayEx answered without a transaction" })
    if (tx.state === "Failed")
      throw new PayexProblemError(rel, "http", {
        title: "Transaction failed",
        detail: tx.failedReason || "no reason given",
      })
    return tx
  } catch (e) {
    const replay = e instanceof PayexProblemError && e.isPayeeReferenceReplay
    if (replay || mayHideDoneWork(e)) {
      const { payeeReference } = body.transaction
      // After a possibly-done failure an unreadable PayEx leaves that failure as the answer.
      const listed = await client.listTransactions(payment.payment).catch((err) => {
        throw payexToMedusaError(replay ? err : e)
      })
      const earlier = listed.filter((t) => t.type === type && t.payeeReference === payeeReference)
      const completed = earlier.find((t) => t.state === "Completed")
      if (completed) return completed
      const [existing] = earlier
      if (existing) {
        const reason = existing.failedReason ? `: ${existing.failedReason}` : ""
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `PayEx already has a ${type} with payeeReference ${payeeReference}, but it is ${existing.state}${reason}; it was not repeated. Check the payment in PayEx before trying again.`,
        )
      }
    }
    throw payexToMedusaError(e)
  }
}

/**
 * The reversal of one canceled fulfillment's capture: exactly that capture's amount and VAT (PayEx's own
 * item descriptions of the capture), referenced by the fulfillment so the event delivered twice reverses once.
 */
export async function reverseFulfillmentCapture(
  client: PayexClient,
  payment: PayexPaymentResponse,
  captures: PayexTransaction[],
  pending: PendingReversal,
): Promise<PayexTransaction> {
  const capture = captures.find((c) => c.number === pending.capture_number)
  if (!capture || capture.amount !== pending.amount_minor) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `PayEx holds no completed capture ${pending.capture_number} of ${pending.amount_minor} to reverse for fulfillment ${pending.fulfillment_id}`,
    )
  }
  const { itemDescriptions } = await client.getItemDescriptions(capture.id).catch((e) => {
    throw payexToMedusaError(e)
  })
  const request = buildReversalRequest({
    amount: capture.amount,
    captured: itemDescriptions.vatSummary,
    payeeReference: payeeReferenceFor("FR", pending.fulfillment_id),
    description: "Canceled shipment",
  })
  return withReplayRecovery(client, payment, "create-reversal", request, "Reversal")
}
