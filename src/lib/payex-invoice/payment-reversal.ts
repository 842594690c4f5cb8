import { buildReversalRequest, mergeVatSummaries } from "../mapping/payex-transactions"
import type { PaymentModuleRecords } from "../medusa/payment-records"
import { toMinorUnits, type VatGroup } from "../money"
import type { PayexClient, PayexPaymentResponse, PayexTransaction } from "../payex"
import { payeeReferenceFor, payeeReferenceForNth } from "../payex"
import { onKeptOrRead } from "./kept-payment"
import type { CaptureRecord, PayexSessionData, PendingReversal } from "./payex-session-data"
import { paymentAndTransactions } from "./payment-reads"
import { completedOfType, reverseFulfillmentCapture, withReplayRecovery } from "./replayable-transactions"

export interface RefundAtPayex {
  /** How many refunds of the payment Medusa recorded before this one (the reference is the n-th refund's). */
  place: number
  /** The Medusa payment refunded. */
  paymentId: string
  amount: number
  /** A canceled fulfillment's capture to reverse exactly, handed over by its workflow (already verified). */
  pending?: PendingReversal
}

/**
 * Reverses at PayEx, in one request when the payment data already says what the reversal needs: the kept
 * `create-reversal` operation (known-operations.ts) and the VAT of what was captured, which the plugin keeps
 * per capture (`captures[ref].vat_summary`) and which covers everything captured when Medusa's recorded captures
 * add up to the plugin's own. Otherwise (a capture made in PayEx's portal, data from before the VAT was kept, a
 * refused kept operation) PayEx's item descriptions of the captures are read as before.
 *
 * Answers the reversal and the payeeReference it was made under (FR<fulfillment>, or RF for the payment's n-th refund of this amount): a retry after a
 * lost answer sends the same one and takes the earlier reversal over.
 */
export async function refundAtPayex(
  client: PayexClient,
  records: PaymentModuleRecords,
  data: PayexSessionData,
  refund: RefundAtPayex,
): Promise<{ tx: PayexTransaction; payeeReference: string }> {
  const { pending } = refund
  if (pending && pending.amount_minor === refund.amount) {
    // A canceled fulfillment: exactly its capture's amount and VAT.
    const payeeReference = payeeReferenceFor("FR", pending.fulfillment_id)
    const own = Object.values(data.captures ?? {}).find(
      (c) => c.number === pending.capture_number && c.amount === pending.amount_minor && Array.isArray(c.vat_summary),
    )
    const request = (captured: VatGroup[]) =>
      buildReversalRequest({ amount: pending.amount_minor, captured, payeeReference, description: "Canceled shipment" })
    const afterRead = async () => {
      const { payment, transactions } = await paymentAndTransactions(client, data)
      return reverseFulfillmentCapture(client, payment, completedOfType(transactions, "Capture"), pending)
    }
    const tx = own
      ? await onKeptOrRead(
          data,
          "create-reversal",
          (kept) => reverse(client, kept, request(own.vat_summary!)),
          afterRead,
        )
      : await afterRead()
    return { tx, payeeReference }
  }

  const payeeReference = payeeReferenceForNth("RF", refund.paymentId, refund.place, refund.amount)
  const request = (captured: VatGroup[]) =>
    buildReversalRequest({ amount: refund.amount, captured, payeeReference, description: "Refund" })
  const afterRead = async () => {
    const { payment, transactions } = await paymentAndTransactions(client, data)
    const summaries = await Promise.all(
      completedOfType(transactions, "Capture").map((c) =>
        client.getItemDescriptions(c.id).then((r) => r.itemDescriptions.vatSummary),
      ),
    )
    return reverse(client, payment, request(mergeVatSummaries(summaries)))
  }
  const captured = await capturedVatFromData(records, data, refund.paymentId)
  const tx = captured
    ? await onKeptOrRead(data, "create-reversal", (kept) => reverse(client, kept, request(captured)), afterRead)
    : await afterRead()
  return { tx, payeeReference }
}

function reverse(client: PayexClient, payment: PayexPaymentResponse, body: ReturnType<typeof buildReversalRequest>) {
  return withReplayRecovery(client, payment, "create-reversal", body, "Reversal")
}

/** The VAT of all that is captured, from the plugin's own capture records, when they are all Medusa recorded. */
async function capturedVatFromData(
  records: PaymentModuleRecords,
  data: PayexSessionData,
  paymentId: string,
): Promise<VatGroup[] | undefined> {
  const own: CaptureRecord[] = Object.values(data.captures ?? {})
  if (!own.length || own.some((c) => !Array.isArray(c.vat_summary))) return undefined
  const { total } = await records.capturedTotal({ id: paymentId })
  const ownTotal = own.reduce((sum, c) => sum + c.amount, 0)
  if (ownTotal !== toMinorUnits(total, data.currency_code!)) return undefined
  return mergeVatSummaries(own.map((c) => c.vat_summary!))
}
