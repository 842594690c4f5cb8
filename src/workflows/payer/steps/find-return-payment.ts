import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderWithLivePayment } from "../../../lib/medusa/order-lookups"
import { PAYER_B2B_PROVIDER_IDENTIFIER } from "../../../modules/payer-invoice"

export const findPayerPaymentStepId = "payer-find-return-payment"

/** The order's live payer-b2b payment, if it has one. Reads only: nothing to undo. */
export const findPayerPaymentStep = createStep(
  findPayerPaymentStepId,
  async (input: { order_id: string }, { container }) => {
    const { order, payment } = await orderWithLivePayment(container, {
      order_id: input.order_id,
      identifier: PAYER_B2B_PROVIDER_IDENTIFIER,
    })
    return new StepResponse(
      payment && order ? { payment_id: payment.id, currency_code: order.currency_code } : undefined,
    )
  },
)
