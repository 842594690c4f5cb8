import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payerPaymentLockKey } from "../../modules/payer-invoice/lock-keys"
import { ensurePayerInvoiceRecordStep } from "./steps/ensure-record"
import { issueAtPayerStep } from "./steps/issue-at-payer"
import type { PayerInvoiceInput, PayerInvoicePlan } from "../../lib/mapping/payer-invoice-plan"
import { preparePayerInvoiceStep } from "./steps/prepare-invoice"
import { recordPayerCaptureStep } from "./steps/record-capture"

export const issuePayerInvoiceWorkflowId = "payer-issue-invoice"

// Re-exported from its one home: the workflows' public surface offered it from here before.
export { payerPaymentLockKey }

export interface IssuePayerInvoiceResult {
  /** The fulfillment's invoice record; undefined when the order is not paid with payer-b2b or nothing is billed. */
  payer_invoice_id?: string
}

/**
 * One fulfillment of an order paid with payer-b2b -> one Payer invoice of exactly what it ships, recorded as a
 * capture on the Medusa payment. Runs again safely: the record (unique per fulfillment) remembers how far it
 * got, and an issued, recorded invoice makes a run do nothing. Runs for one payment are serialised by a lock,
 * so a duplicate event waits and then finds the finished record instead of calling Payer again.
 */
export const issuePayerInvoiceWorkflow = createWorkflow(issuePayerInvoiceWorkflowId, (input: PayerInvoiceInput) => {
  const plan = preparePayerInvoiceStep(input)
  const issued = when("payer-invoice-has-work", { plan }, ({ plan }) => !!plan && !plan.done).then(() => {
    const key = transform({ plan }, ({ plan }) => payerPaymentLockKey((plan as PayerInvoicePlan).payment_id))
    acquireLockStep({ key, timeout: 120, ttl: 180 })
    const record = ensurePayerInvoiceRecordStep(plan as PayerInvoicePlan)
    const atPayer = issueAtPayerStep(
      transform({ record, plan }, ({ record, plan }) => ({
        record_id: record.record_id,
        plan: plan as PayerInvoicePlan,
      })),
    )
    const recorded = recordPayerCaptureStep(
      transform({ atPayer, plan }, ({ atPayer, plan }) => ({
        record_id: atPayer.record_id,
        payment_id: (plan as PayerInvoicePlan).payment_id,
      })),
    )
    releaseLockStep({ key })
    return recorded
  })
  const result = transform({ plan, issued }, ({ plan, issued }): IssuePayerInvoiceResult => ({
    payer_invoice_id: issued?.record_id ?? plan?.record_id ?? undefined,
  }))
  return new WorkflowResponse(result)
})
