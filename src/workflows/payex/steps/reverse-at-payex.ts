import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnits } from "../../../lib/money"
import { signHandover } from "../../../lib/payex-invoice/session-trust"
import { payexTokenFor } from "./payex-provider-token"
import type { PreparedFulfillmentReversal } from "./prepare-fulfillment-reversal"
import { updatePaymentData } from "../../../lib/medusa/payment-data"

/** Tags the Medusa refund that stands for a canceled fulfillment, so the event delivered again finds it. */
export function fulfillmentReversalNote(fulfillmentId: string): string {
  return `PayEx reversal of canceled fulfillment ${fulfillmentId}`
}

async function clearHandover(paymentModule: IPaymentModuleService, paymentId: string) {
  // Payment data is merged on update: null (not a missing key) clears the hand-over.
  const latest = await paymentModule.retrievePayment(paymentId, { select: ["id", "data"] })
  await updatePaymentData(paymentModule, paymentId, { ...(latest.data ?? {}), pending_refund: null })
}

/**
 * Runs while the workflow holds the payment's lock. Hands the capture to reverse to the provider in a
 * signed `pending_refund`, then asks Medusa to refund that amount: Medusa records the refund and the
 * provider makes one PayEx reversal of exactly that capture, referenced by the fulfillment (so a crash
 * after PayEx answered is picked up, not repeated). A fulfillment whose refund is recorded is skipped.
 */
export const reverseFulfillmentStep = createStep(
  "payex-reverse-fulfillment",
  async (input: PreparedFulfillmentReversal, { container }) => {
    const paymentModule = container.resolve(Modules.PAYMENT)
    const payment = await paymentModule.retrievePayment(input.payment_id, {
      select: ["id", "data", "provider_id"],
      relations: ["refunds"],
    })
    const note = fulfillmentReversalNote(input.pending.fulfillment_id)
    if ((payment.refunds ?? []).some((r) => r.note === note)) return new StepResponse({ reversed: false })

    const pending = signHandover(
      payexTokenFor(container, payment.provider_id),
      "pending_refund",
      payment.id,
      input.pending,
    )
    await updatePaymentData(paymentModule, payment.id, { ...(payment.data ?? {}), pending_refund: pending })
    try {
      await refundPaymentWorkflow(container).run({
        input: {
          payment_id: payment.id,
          amount: fromMinorUnits(input.pending.amount_minor, input.currency_code),
          note,
        },
      })
    } catch (e) {
      await clearHandover(paymentModule, payment.id)
      throw e
    }
    return new StepResponse({ reversed: true })
  },
)
