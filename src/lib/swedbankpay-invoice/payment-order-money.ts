import { MedusaError } from "@medusajs/framework/utils"
import { orderItemsFor } from "../mapping/swedbankpay-order-items"
import { grossLinesForOrder } from "../mapping/order-lines"
import type { PaymentModuleRecords } from "../medusa/payment-records"
import { toMinorUnits } from "../money"
import { payeeReferenceFor, payeeReferenceForNth } from "../payex"
import type { PendingCapture, PendingReversal } from "../payex-invoice/payex-session-data"
import { financialTransactionsOf } from "../swedbankpay"
import { offers, readOrder, transactOnce } from "./order-transactions"
import type { SwedbankPaySessionData } from "./session-data"

/** The order's lines, scaled to `amount`, as the orderItems of a capture or reversal (exact sums). */
async function itemsFor(records: PaymentModuleRecords, paymentCollectionId: string | null, amount: number) {
  const order = paymentCollectionId ? await records.orderOfPaymentCollection(paymentCollectionId) : null
  if (!order) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "No order found for this payment; Swedbank Pay needs the order lines (they are the invoice's lines)",
    )
  }
  return orderItemsFor(grossLinesForOrder(order), amount)
}

/**
 * A capture of the Medusa capture `captureId`: its amount, with the order's lines (scaled to it) as the invoice's
 * lines. The reference is the payment's n-th capture of that amount, so a merchant's retry after a failure takes
 * over what a lost attempt captured. Answers the capture to keep, by payeeReference, or null when Swedbank Pay
 * already holds it.
 */
export async function captureOrder(
  client: Parameters<typeof readOrder>[0],
  records: PaymentModuleRecords,
  orderId: string,
  data: SwedbankPaySessionData,
  captureId: string,
  /** The fulfillment's hand-over when its signature holds for the capture's payment (the caller checks). */
  handover: (paymentId: string) => PendingCapture | undefined,
): Promise<NonNullable<SwedbankPaySessionData["captures"]>> {
  const capture = await records.capture(captureId)
  const amount = toMinorUnits(capture.amount, data.currency_code!)
  const pending = handover(capture.payment_id)
  const fromFulfillment = pending && pending.amount_minor === amount ? pending : undefined
  // A fulfillment's capture lists exactly what it ships, under its own reference (the event delivered twice
  // captures once); an admin capture the order's lines scaled to its amount, as the payment's n-th capture.
  const payeeReference = fromFulfillment
    ? payeeReferenceFor("FC", fromFulfillment.fulfillment_id)
    : payeeReferenceForNth(
        "CP",
        capture.payment_id,
        await records.placeOf("captures", capture.payment_id, captureId),
        amount,
      )
  const { items, vatAmount } = fromFulfillment
    ? orderItemsFor(fromFulfillment.lines)
    : await itemsFor(records, capture.payment_collection_id, amount)
  const order = await readOrder(client, orderId)
  const done = financialTransactionsOf(order.paymentOrder).some((t) => t.payeeReference === payeeReference)
  if (!done) {
    if (!offers(order, "capture")) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Swedbank Pay offers no capture on this payment order now (status ${order.paymentOrder.status ?? "unknown"})`,
      )
    }
    const description = fromFulfillment ? "Capture of a shipment" : "Capture"
    const transaction = { description, amount, vatAmount, payeeReference, orderItems: items }
    await transactOnce(client, order, "capture", { transaction })
  }
  // A fulfillment's capture keeps its items: the reversal of a canceled fulfillment names exactly them.
  return { [payeeReference]: fromFulfillment ? { amount, items } : { amount } }
}

/**
 * A reversal of `amount` for the Medusa refund `refundId`: a canceled fulfillment's (`pending`, checked by the
 * caller) reverses exactly the items its capture listed, under FR<fulfillment>; any other refund the order's lines
 * scaled to the amount, as the payment's n-th refund of that amount.
 */
export async function refundOrder(
  client: Parameters<typeof readOrder>[0],
  records: PaymentModuleRecords,
  orderId: string,
  data: SwedbankPaySessionData,
  refund: { refundId: string; amount: number; pending?: PendingReversal },
): Promise<void> {
  const { payment_id: paymentId, payment_collection_id } = await records.refund(refund.refundId)
  const captured = refund.pending && data.captures?.[payeeReferenceFor("FC", refund.pending.fulfillment_id)]
  const fulfillment =
    refund.pending && captured?.items && captured.amount === refund.amount ? refund.pending : undefined
  const payeeReference = fulfillment
    ? payeeReferenceFor("FR", fulfillment.fulfillment_id)
    : payeeReferenceForNth("RF", paymentId, await records.placeOf("refunds", paymentId, refund.refundId), refund.amount)
  const { items, vatAmount } = fulfillment
    ? { items: captured!.items!, vatAmount: captured!.items!.reduce((sum, i) => sum + i.vatAmount, 0) }
    : await itemsFor(records, payment_collection_id, refund.amount)
  const order = await readOrder(client, orderId)
  if (financialTransactionsOf(order.paymentOrder).some((t) => t.payeeReference === payeeReference)) return
  const description = fulfillment ? "Canceled shipment" : "Refund"
  const transaction = { description, amount: refund.amount, vatAmount, payeeReference, orderItems: items }
  await transactOnce(client, order, "reversal", { transaction })
}
