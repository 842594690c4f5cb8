import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  fulfillmentSelection,
  type FulfillmentLike,
  grossLinesForItems,
  type OrderLike,
} from "../../../lib/mapping/order-lines"
import { sumAmounts } from "../../../lib/money"
import { ORDER_LINE_FIELDS, orderWithLivePayment } from "../../../lib/medusa/order-lookups"
import { PAYEX_INVOICE_PROVIDER_IDENTIFIER } from "../../../lib/payex-invoice/provider-options"
import { SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER } from "../../../lib/swedbankpay-invoice/provider-options"
import type { PayexSessionData, PendingCapture } from "../../../lib/payex-invoice/payex-session-data"

export interface PreparedFulfillmentCapture {
  payment_id: string
  currency_code: string
  pending: PendingCapture
}

/**
 * Works out what a fulfillment bills at PayEx: exactly the fulfilled units (continuing after the units
 * earlier fulfillments billed, so a line's slices add up to its total), plus shipping on the first
 * fulfillment. Returns undefined when the order is not paid with PayEx or Swedbank Pay invoice, or captures manually.
 */
export const prepareFulfillmentCaptureStep = createStep(
  "payex-prepare-fulfillment-capture",
  async (input: { order_id: string; fulfillment_id: string }, { container }) => {
    const { order, payment } = await orderWithLivePayment(container, {
      order_id: input.order_id,
      // Both invoice providers capture per fulfillment the same way: the lines it ships, under FC<fulfillment>.
      identifier: [PAYEX_INVOICE_PROVIDER_IDENTIFIER, SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER],
      fields: [
        ...ORDER_LINE_FIELDS,
        "fulfillments.id",
        "fulfillments.created_at",
        "fulfillments.canceled_at",
        "fulfillments.items.line_item_id",
        "fulfillments.items.quantity",
      ],
    })
    if (
      !order ||
      !payment ||
      ((payment.data as PayexSessionData | undefined)?.capture_on ?? "fulfillment") !== "fulfillment"
    ) {
      return new StepResponse(undefined)
    }
    const selected = fulfillmentSelection(
      (order.fulfillments ?? []) as unknown as FulfillmentLike[],
      input.fulfillment_id,
    )
    if (!selected) return new StepResponse(undefined)
    const lines = grossLinesForItems(order as unknown as OrderLike, selected.selection, {
      includeShipping: selected.first,
    })
    const amount = sumAmounts(lines)
    if (amount <= 0) return new StepResponse(undefined)
    const prepared: PreparedFulfillmentCapture = {
      payment_id: payment.id,
      currency_code: order.currency_code,
      pending: { fulfillment_id: input.fulfillment_id, amount_minor: amount, lines },
    }
    return new StepResponse(prepared)
  },
)
