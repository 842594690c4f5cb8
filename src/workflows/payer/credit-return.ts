import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payerCreditsLockKey, payerPaymentLockKey } from "../../modules/payer-invoice/lock-keys"
import { findPayerPaymentStep } from "./steps/find-return-payment"
import { issuePayerCreditsStep } from "./steps/issue-credits"
import { planPayerReturnCreditsStep } from "./steps/plan-return-credits"
import { recordPayerCreditRefundsStep } from "./steps/record-credit-refund"

export { findPayerPaymentStep } from "./steps/find-return-payment"
export { planPayerReturnCreditsStep } from "./steps/plan-return-credits"

export const creditPayerReturnWorkflowId = "payer-credit-return"

export interface CreditPayerReturnInput {
  order_id: string
  return_id: string
}

/**
 * order.return_received on an order paid with payer-b2b: the received units are credited at Payer by the
 * positions that invoiced them, and each credit is recorded as a refund on the Medusa payment (no second
 * Payer call), all under the payment's lock.
 */
export const creditPayerReturnWorkflow = createWorkflow(
  creditPayerReturnWorkflowId,
  (input: CreditPayerReturnInput) => {
    const payment = findPayerPaymentStep(input)
    const result = when("payer-return-is-payer-b2b", { payment }, ({ payment }) => !!payment).then(() => {
      const key = transform({ payment }, ({ payment }) => payerPaymentLockKey(payment!.payment_id))
      acquireLockStep({ key, timeout: 120, ttl: 180 })
      const creditsKey = transform({ input }, ({ input }) => payerCreditsLockKey(input.order_id))
      acquireLockStep({ key: creditsKey, timeout: 60, ttl: 120 }).config({ name: "payer-lock-order-credits" })
      const planned = planPayerReturnCreditsStep(
        transform({ input, payment }, ({ input, payment }) => ({
          ...input,
          payment_id: payment!.payment_id,
          currency_code: payment!.currency_code,
        })),
      )
      issuePayerCreditsStep({ credit_ids: planned.credit_ids })
      releaseLockStep({ key: creditsKey }).config({ name: "payer-unlock-order-credits" })
      const recorded = recordPayerCreditRefundsStep({ credit_ids: planned.credit_ids })
      releaseLockStep({ key })
      return recorded
    })
    return new WorkflowResponse(transform({ result }, ({ result }) => result ?? []))
  },
)
