import type { PaymentModuleRecords } from "../medusa/payment-records"
import { toMinorUnits } from "../money"
import type { PayexCaptureRequest, PayexClient, PayexTransaction } from "../payex"
import { onKeptOrRead } from "./kept-payment"
import type { PayexSessionData } from "./payex-session-data"
import { paymentAndTransactions } from "./payment-reads"
import { completedCaptureTotal, withReplayRecovery } from "./replayable-transactions"

export interface CaptureAtPayex {
  /** The Medusa capture being served, and the payment it belongs to. */
  captureId: string
  paymentId: string
  amount: number
  request: PayexCaptureRequest
  /**
   * Read PayEx before capturing: for a capture Medusa records without anybody asking PayEx for one (a callback's
   * `successful` for a capture made in PayEx's portal), the money is usually there already.
   */
  readFirst?: boolean
}

/**
 * Captures at PayEx with the `create-capture` operation kept from the read at cart completion: one request. The
 * payeeReference is derived from the Medusa id the capture serves, so a retry after a lost answer is PayEx's
 * replay answer and takes over the earlier capture (withReplayRecovery) instead of capturing twice.
 *
 * Only when PayEx refuses (or nothing is kept) is the payment read: money PayEx already holds as captured that
 * Medusa has not recorded (a capture made in PayEx's portal before its callback was handled) is then recorded
 * instead of captured again. Answers the capture made, or undefined when nothing was captured.
 */
export async function captureAtPayex(
  client: PayexClient,
  records: PaymentModuleRecords,
  data: PayexSessionData,
  capture: CaptureAtPayex,
): Promise<PayexTransaction | undefined> {
  const afterRead = async () => {
    const { payment, transactions } = await paymentAndTransactions(client, data)
    const { total } = await records.capturedTotal({ id: capture.paymentId }, capture.captureId)
    const uncounted = completedCaptureTotal(transactions) - toMinorUnits(total, data.currency_code!)
    if (uncounted >= capture.amount) return undefined
    return withReplayRecovery(client, payment, "create-capture", capture.request, "Capture")
  }
  if (capture.readFirst) return afterRead()
  return onKeptOrRead(
    data,
    "create-capture",
    (kept) => withReplayRecovery(client, kept, "create-capture", capture.request, "Capture"),
    afterRead,
  )
}
