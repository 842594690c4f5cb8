import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnits } from "../../../lib/money"
import { payeeReferenceFor } from "../../../lib/payex"
import type { PayexSessionData } from "../../../lib/payex-invoice/payex-session-data"
import { signHandover } from "../../../lib/payex-invoice/session-trust"
import { payexTokenFor } from "./payex-provider-token"
import type { PreparedFulfillmentCapture } from "./prepare-fulfillment-capture"
import { updatePaymentData } from "../../../lib/medusa/payment-data"

/**
 * Runs while the workflow holds the payment's lock. Hands the fulfillment's lines to the provider through
 * the payment data, then asks Medusa to capture that amount: Medusa records the capture and the provider
 * makes exactly one PayEx capture, with the payeeReference of this fulfillment. A fulfillment already
 * captured (the event delivered twice) is skipped.
 */
export const captureFulfillmentStep = createStep(
  "payex-capture-fulfillment",
  async (input: PreparedFulfillmentCapture, { container }) => {
    const paymentModule = container.resolve(Modules.PAYMENT)
    const payment = await paymentModule.retrievePayment(input.payment_id, { select: ["id", "data", "provider_id"] })
    const data = (payment.data ?? {}) as PayexSessionData
    const reference = payeeReferenceFor("FC", input.pending.fulfillment_id)
    if (data.captures?.[reference]) return new StepResponse({ captured: false })

    // Signed for this payment, so the provider can tell it from a planted one (lib/payex-invoice/session-trust.ts).
    const pending = signHandover(
      payexTokenFor(container, payment.provider_id),
      "pending_capture",
      payment.id,
      input.pending,
    )
    await updatePaymentData(paymentModule, payment.id, { ...data, pending_capture: pending })
    try {
      await capturePaymentWorkflow(container).run({
        input: { payment_id: payment.id, amount: fromMinorUnits(input.pending.amount_minor, input.currency_code) },
      })
    } catch (e) {
      // Payment data is merged on update: null (not a missing key) clears the hand-over.
      const latest = await paymentModule.retrievePayment(payment.id, { select: ["id", "data"] })
      await updatePaymentData(paymentModule, payment.id, { ...(latest.data ?? {}), pending_capture: null })
      throw e
    }
    return new StepResponse({ captured: true })
  },
)
