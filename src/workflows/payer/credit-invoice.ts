import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payerCreditsLockKey, payerPaymentLockKey } from "../../modules/payer-invoice/lock-keys"
import type { AdminCreditInput } from "../../modules/payer-invoice/records/admin-credits"
import { findCreditedInvoiceStep } from "./steps/find-credited-invoice"
import { issuePayerCreditsStep } from "./steps/issue-credits"
import { preparePayerCreditStep } from "./steps/prepare-admin-credit"
import { recordPayerCreditRefundsStep } from "./steps/record-credit-refund"

export { adminCreditSource } from "../../modules/payer-invoice/records/sources"
export { findCreditedInvoiceStep } from "./steps/find-credited-invoice"
export { preparePayerCreditStep } from "./steps/prepare-admin-credit"

export const creditPayerInvoiceWorkflowId = "payer-credit-invoice"

/**
 * `key` identifies the credit request: the same key again finds the credit already made instead of making a
 * second one (the admin route passes the Idempotency-Key header).
 */
export type CreditPayerInvoiceInput = AdminCreditInput

/**
 * Admin credit of one Payer invoice (full, partial by position, manual lines), recorded as a refund on
 * the Medusa payment without a second Payer call so that Medusa's order balance stays true. Refunds of
 * one payment are recorded one at a time (a lock per payment).
 */
export const creditPayerInvoiceWorkflow = createWorkflow(
  creditPayerInvoiceWorkflowId,
  (input: CreditPayerInvoiceInput) => {
    const target = findCreditedInvoiceStep(input)
    // What remains is checked and consumed one credit at a time per order (the refund path takes this lock too).
    const creditsKey = transform({ target }, ({ target }) => payerCreditsLockKey(target.order_id))
    acquireLockStep({ key: creditsKey, timeout: 60, ttl: 120 }).config({ name: "payer-lock-order-credits" })
    const prepared = preparePayerCreditStep(input)
    const ids = transform({ prepared }, ({ prepared }) => [prepared.credit_id])
    issuePayerCreditsStep({ credit_ids: ids })
    releaseLockStep({ key: creditsKey }).config({ name: "payer-unlock-order-credits" })
    const paymentKey = transform({ prepared }, ({ prepared }) => payerPaymentLockKey(prepared.payment_id))
    acquireLockStep({ key: paymentKey, timeout: 60, ttl: 120 })
    // The credit, and admin/return credits that resolving found made at Payer but not yet refunded in Medusa.
    const toRecord = transform({ prepared }, ({ prepared }) => [prepared.credit_id, ...prepared.also_record])
    const recorded = recordPayerCreditRefundsStep({ credit_ids: toRecord })
    releaseLockStep({ key: paymentKey })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded[0]))
  },
)
