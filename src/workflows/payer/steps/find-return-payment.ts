import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { livePaymentOf, type OrderPayment } from "../../../lib/medusa/order-lookups"
import { PAYER_B2B_PROVIDER_IDENTIFIER } from "../../../modules/payer-invoice"

export const findPayerPaymentStepId = "payer-find-return-payment"

/** The order's live payer-b2b payment, if it has one. Reads only: nothing to undo. */
export const findPayerPaymentStep = createStep(
  findPayerPaymentStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "currency_code",
        "payment_collections.payments.id",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.canceled_at",
      ],
      filters: { id: input.order_id },
    })
    const payment = livePaymentOf<OrderPayment>(order, PAYER_B2B_PROVIDER_IDENTIFIER)
    return new StepResponse(payment ? { payment_id: payment.id, currency_code: order.currency_code } : undefined)
  },
)
