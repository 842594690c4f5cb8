import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payeeReferenceFor } from "../../../lib/payex"
import { orderWithLivePayment } from "../../../lib/medusa/order-lookups"
import { PAYEX_INVOICE_PROVIDER_IDENTIFIER } from "../../../lib/payex-invoice/provider-options"
import { SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER } from "../../../lib/swedbankpay-invoice/provider-options"
import type { CaptureRecord, PayexSessionData, PendingReversal } from "../../../lib/payex-invoice/payex-session-data"

export interface PreparedFulfillmentReversal {
  payment_id: string
  currency_code: string
  pending: PendingReversal
}

/**
 * Finds the PayEx (or Swedbank Pay) capture a canceled fulfillment made (the provider keeps the captures it made by their
 * payeeReference, which derives from the fulfillment). Undefined when the order is not paid with PayEx
 * invoice or the fulfillment was never captured (manual captures, a capture that failed): nothing to undo.
 */
export const prepareFulfillmentReversalStep = createStep(
  "payex-prepare-fulfillment-reversal",
  async (input: { order_id: string; fulfillment_id: string }, { container }) => {
    const { order, payment } = await orderWithLivePayment(container, {
      order_id: input.order_id,
      identifier: [PAYEX_INVOICE_PROVIDER_IDENTIFIER, SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER],
    })
    const capture = (payment?.data as PayexSessionData | undefined)?.captures?.[
      payeeReferenceFor("FC", input.fulfillment_id)
    ] as (CaptureRecord & { items?: unknown[] }) | undefined
    // A PayEx capture is known by its transaction number; a Swedbank Pay one by the items it listed (no number).
    const known = !!capture && (Number.isInteger(capture.number) || Array.isArray(capture.items))
    if (!order || !payment || !capture || !known || !(capture.amount > 0)) return new StepResponse(undefined)
    const prepared: PreparedFulfillmentReversal = {
      payment_id: payment.id,
      currency_code: order.currency_code,
      pending: {
        fulfillment_id: input.fulfillment_id,
        amount_minor: capture.amount,
        capture_number: Number.isInteger(capture.number) ? capture.number : 0,
      },
    }
    return new StepResponse(prepared)
  },
)
