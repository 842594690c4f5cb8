import type { PayexClient, PayexPaymentResponse, PayexTransaction } from "../lib/payex"
import { PayexProblemError } from "../lib/payex"
import { payexToMedusaError } from "./payex-errors"

/** The completed transactions of one type: only those moved money (or reserved it). */
export function completedOfType(txs: PayexTransaction[], type: string): PayexTransaction[] {
  return txs.filter((t) => t.type === type && t.state === "Completed")
}

/** Everything PayEx holds as captured on a payment, in minor units. */
export function completedCaptureTotal(txs: PayexTransaction[]): number {
  return completedOfType(txs, "Capture").reduce((sum, t) => sum + t.amount, 0)
}

/**
 * Performs a transaction-creating operation. If PayEx says the payeeReference was already used, an earlier
 * attempt (a retry after a lost answer, or a crash) did the work: the existing transaction is returned
 * instead of doing it twice.
 */
export async function withReplayRecovery(
  client: PayexClient,
  payment: PayexPaymentResponse,
  rel: string,
  body: { transaction: { payeeReference: string } & Record<string, unknown> },
  type: string
): Promise<PayexTransaction> {
  try {
    const res = await client.perform<Record<string, { transaction?: PayexTransaction }>>(payment.operations, rel, body)
    const tx = Object.values(res).find((v) => v && typeof v === "object" && "transaction" in v)?.transaction
    if (!tx) throw new PayexProblemError(rel, "http", { detail: "PayEx answered without a transaction" })
    if (tx.state === "Failed") throw new PayexProblemError(rel, "http", { title: "Transaction failed", detail: tx.failedReason || "no reason given" })
    return tx
  } catch (e) {
    if (e instanceof PayexProblemError && e.isPayeeReferenceReplay) {
      const existing = (await client.listTransactions(payment.payment)).find(
        (t) => t.type === type && t.payeeReference === body.transaction.payeeReference
      )
      if (existing) return existing
    }
    throw payexToMedusaError(e)
  }
}
