import { MedusaError } from "@medusajs/framework/utils"
import { grossLinesForOrder } from "../mapping/order-lines"
import type { PaymentModuleRecords } from "../medusa/payment-records"
import type { PayexClient, PayexPaymentResponse } from "../payex"
import { payexToMedusaError } from "./medusa-errors"
import type { PayexSessionData } from "./payex-session-data"
import { isPayexPaymentId } from "./session-trust"

/** The session's PayEx payment as PayEx has it now; a PayEx failure is a MedusaError keeping PayEx's text. */
export async function fetchPayment(client: PayexClient, d: PayexSessionData): Promise<PayexPaymentResponse> {
  return client.getPayment(checkedPaymentId(d)).catch((e) => {
    throw payexToMedusaError(e)
  })
}

function checkedPaymentId(d: PayexSessionData): string {
  if (!d?.payex_payment_id)
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment has no PayEx payment id")
  // Never a URL or a path elsewhere: only the shape PayEx gives its invoice payments (session-trust.ts).
  if (!isPayexPaymentId(d.payex_payment_id))
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "This payment's payex_payment_id is not a PayEx invoice payment id",
    )
  return d.payex_payment_id
}

/** The session's PayEx payment and all its transactions, in one read: what capture, refund and status decide on. */
export async function paymentAndTransactions(client: PayexClient, d: PayexSessionData) {
  return client.getPaymentWithTransactions(checkedPaymentId(d)).catch((e) => {
    throw payexToMedusaError(e)
  })
}

/** The whole order's lines, for a capture that no fulfillment handed over (the admin's Capture button). */
export async function orderLinesToCapture(records: PaymentModuleRecords, paymentCollectionId: string) {
  const order = await records.orderOfPaymentCollection(paymentCollectionId)
  if (!order)
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "No order found for this payment; PayEx needs the order lines to capture",
    )
  return grossLinesForOrder(order)
}
