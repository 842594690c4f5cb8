import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYER_B2B_PROVIDER_IDENTIFIER } from "../../../modules/payer-invoice"

export const findPayerPaymentStepId = "payer-find-return-payment"

type OrderPayment = { id: string; provider_id?: string | null; canceled_at?: unknown }

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
    const collections = (order?.payment_collections ?? []) as Array<{
      payments?: Array<OrderPayment | null> | null
    } | null>
    const payment = collections
      .flatMap((pc) => pc?.payments ?? [])
      .find(
        (p): p is OrderPayment =>
          !!p && String(p.provider_id).startsWith(`pp_${PAYER_B2B_PROVIDER_IDENTIFIER}_`) && !p.canceled_at,
      )
    return new StepResponse(
      payment ? { payment_id: payment.id, currency_code: order!.currency_code as string } : undefined,
    )
  },
)
