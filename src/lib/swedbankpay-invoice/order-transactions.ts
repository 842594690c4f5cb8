import { MedusaError } from "@medusajs/framework/utils"
import { PayexProblemError } from "../payex"
import { payexToMedusaError } from "../payex-invoice/medusa-errors"
import { mayHideDoneWork } from "../payex-invoice/replayable-transactions"
import {
  financialTransactionsOf,
  type SwedbankPayClient,
  type SwedbankPayPaymentOrderResponse,
  type SwedbankPayTransactionRequest,
} from "../swedbankpay"

type TransactionRel = "capture" | "cancel" | "reversal"
const TYPE_OF: Record<TransactionRel, string> = { capture: "Capture", cancel: "Cancellation", reversal: "Reversal" }

/** Reads the payment order with what the plugin acts on: the authorization and the financial transactions. */
export function readOrder(client: SwedbankPayClient, orderId: string): Promise<SwedbankPayPaymentOrderResponse> {
  return client.getPaymentOrder(orderId, ["paid", "financialtransactions"]).catch((e) => {
    throw payexToMedusaError(e)
  })
}

/**
 * A capture, cancellation or reversal of the payment order, made at most once: the payeeReference is derived from
 * the Medusa id (or place) it serves, so Swedbank Pay refuses a replay. After that refusal, or after any failure
 * that may hide done work (every answer lost, a timeout, a 5xx), the order's financial transactions are read, and
 * one of this type under this payeeReference is the answer, as if the first attempt had succeeded. Otherwise the
 * failure stands: a 502/503 saying to try again, or Swedbank Pay's refusal with its own text.
 */
export async function transactOnce(
  client: SwedbankPayClient,
  order: SwedbankPayPaymentOrderResponse,
  rel: TransactionRel,
  body: SwedbankPayTransactionRequest,
): Promise<SwedbankPayPaymentOrderResponse> {
  const { payeeReference } = body.transaction
  try {
    return await client.perform(order, rel, body)
  } catch (e) {
    const replay = e instanceof PayexProblemError && e.isPayeeReferenceReplay
    if (replay || mayHideDoneWork(e)) {
      const now = await client.getPaymentOrder(order.paymentOrder.id, ["financialtransactions"]).catch((err) => {
        throw payexToMedusaError(replay ? err : e)
      })
      const done = financialTransactionsOf(now.paymentOrder).find(
        (t) => t.payeeReference === payeeReference && String(t.type).toLowerCase() === TYPE_OF[rel].toLowerCase(),
      )
      if (done) return now
      if (replay) {
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `Swedbank Pay has seen payeeReference ${payeeReference} but holds no ${TYPE_OF[rel]} under it; it was not repeated. Check the payment order in Swedbank Pay's portal before trying again.`,
        )
      }
    }
    throw payexToMedusaError(e)
  }
}

/** Whether the payment order offers an operation now (capture, cancel, reversal, abort). */
export const offers = (order: SwedbankPayPaymentOrderResponse, rel: string) =>
  order.operations.some((o) => o.rel === rel)
