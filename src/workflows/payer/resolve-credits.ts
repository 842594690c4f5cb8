import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payerCreditsLockKey, payerPaymentLockKey } from "../../modules/payer-invoice/lock-keys"
import { recordPayerCreditRefundsStep } from "./steps/record-credit-refund"
import { resolvePayerCreditsStep } from "./steps/resolve-open-credits"

export { resolvePayerCreditsStep } from "./steps/resolve-open-credits"

export const resolvePayerCreditsWorkflowId = "payer-resolve-credits"

/**
 * Settles an order's Payer credits whose outcome is open (answer lost, crashed run) without crediting
 * anything new: found at Payer -> issued, not there -> sent once more under the same Payer-Request-ID.
 * Admin and return credits found this way are recorded as Medusa refunds (refund credits already are).
 */
export const resolvePayerCreditsWorkflow = createWorkflow(
  resolvePayerCreditsWorkflowId,
  (input: { order_id: string }) => {
    const creditsKey = transform({ input }, ({ input }) => payerCreditsLockKey(input.order_id))
    acquireLockStep({ key: creditsKey, timeout: 60, ttl: 120 }).config({ name: "payer-lock-order-credits" })
    const resolved = resolvePayerCreditsStep(input)
    releaseLockStep({ key: creditsKey }).config({ name: "payer-unlock-order-credits" })
    const recorded = when(
      "payer-resolved-credits-to-record",
      { resolved },
      ({ resolved }) => resolved.to_record.length > 0 && !!resolved.payment_id,
    ).then(() => {
      const paymentKey = transform({ resolved }, ({ resolved }) => payerPaymentLockKey(resolved.payment_id!))
      acquireLockStep({ key: paymentKey, timeout: 60, ttl: 120 })
      const done = recordPayerCreditRefundsStep({ credit_ids: resolved.to_record })
      releaseLockStep({ key: paymentKey })
      return done
    })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => (recorded ?? []).map((r) => r.id)))
  },
)
