import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payerCreditsLockKey } from "../../modules/payer-invoice/lock-keys"
import type { RefundCreditsInput } from "../../modules/payer-invoice/records/credit-batches"
import { issuePayerCreditsStep } from "./steps/issue-credits"
import { planPayerRefundCreditsStep } from "./steps/plan-refund-credits"

export { refundSource } from "../../modules/payer-invoice/records/sources"
export { planPayerRefundCreditsStep } from "./steps/plan-refund-credits"

export const creditPayerRefundWorkflowId = "payer-credit-refund"

export type CreditPayerRefundInput = RefundCreditsInput

/**
 * A Medusa refund on a payer-b2b payment (admin refund, order cancel, return) as Payer credits: full
 * credits of the oldest invoices the refund covers, manual lines with the VAT split for the rest, marked
 * recorded (the refund is Medusa's own). The payer-b2b provider does not run this workflow: it makes the same
 * module calls under the same lock itself (see lib/payer-b2b/refund-credits.ts), so that provider code never
 * imports a workflow. This workflow stays for hosts that credit a refund they recorded some other way.
 */
export const creditPayerRefundWorkflow = createWorkflow(
  creditPayerRefundWorkflowId,
  (input: CreditPayerRefundInput) => {
    const key = transform({ input }, ({ input }) => payerCreditsLockKey(input.order_id))
    acquireLockStep({ key, timeout: 60, ttl: 120 })
    const planned = planPayerRefundCreditsStep(input)
    // accept_unknown: the Medusa refund stands for a credit whose answer was lost; it stays held back and is
    // made exactly once when resolved, instead of failing the refund and inviting a second one.
    const credits = issuePayerCreditsStep({ credit_ids: planned.credit_ids, mark_recorded: true, accept_unknown: true })
    releaseLockStep({ key })
    return new WorkflowResponse(credits)
  },
)
