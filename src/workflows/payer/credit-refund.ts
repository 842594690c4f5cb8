import { MedusaError } from "@medusajs/framework/utils"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CreditRequestError, planRefundCredits } from "../../lib/mapping/payer-credits"
import { creditableInvoices, orderRecords, payerInvoices } from "./steps/credit-records"
import { resolveOpenCredits } from "./steps/credit-outcome"
import { ensureCreditRecord, issuePayerCreditsStep, payerCreditsLockKey } from "./steps/issue-credit"

export const creditPayerRefundWorkflowId = "payer-credit-refund"

export interface CreditPayerRefundInput {
  order_id: string
  payment_id: string
  refund_id: string
  /** The Medusa refund in the order currency's minor units. */
  amount_minor: number
}

/** `refund:<id>` for the first credit of a refund, `refund:<id>:2`... for the next ones. */
export function refundSource(refundId: string, index = 0): string {
  return index === 0 ? `refund:${refundId}` : `refund:${refundId}:${index + 1}`
}

/**
 * Plans the credits of a refund and writes them as pending records; a refund that already has records
 * (the same refund handled again) keeps its first plan, so nothing is credited twice.
 */
export const planPayerRefundCreditsStep = createStep(
  "payer-plan-refund-credits",
  async (input: CreditPayerRefundInput, { container }) => {
    const service = payerInvoices(container)
    let records = await orderRecords(service, input.order_id)
    const own = (r: { kind: string; source: string }) =>
      r.kind === "credit" && (r.source === refundSource(input.refund_id) || r.source.startsWith(`${refundSource(input.refund_id)}:`))
    const existing = records.filter(own)
    if (existing.length) return new StepResponse({ credit_ids: existing.map((r) => r.id) })

    // Open credits of the order are resolved first (their Medusa refunds, if any, are recorded by the admin
    // and return workflows: a refund cannot record another refund on the same payment from inside the provider).
    await resolveOpenCredits(container, input.order_id)
    records = await orderRecords(service, input.order_id)
    let plan
    try {
      plan = planRefundCredits(creditableInvoices(records), input.amount_minor, "Refund")
    } catch (e) {
      if (e instanceof CreditRequestError) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Cannot credit this refund at Payer: ${e.message}`)
      }
      throw e
    }
    const ids: string[] = []
    for (const [index, planned] of plan.entries()) {
      const original = records.find((r) => r.id === planned.invoice_id)!
      const credit = await ensureCreditRecord(container, {
        original,
        source: refundSource(input.refund_id, index),
        plan: planned,
        payment_id: input.payment_id,
      })
      ids.push(credit.id)
    }
    return new StepResponse({ credit_ids: ids })
  }
)

/**
 * A Medusa refund on a payer-b2b payment (admin refund, order cancel, return) as Payer credits: full
 * credits of the oldest invoices the refund covers, manual lines with the VAT split for the rest. Called
 * by the provider's refundPayment, so Medusa records the refund itself (the records are marked recorded).
 */
export const creditPayerRefundWorkflow = createWorkflow(creditPayerRefundWorkflowId, (input: CreditPayerRefundInput) => {
  const key = transform({ input }, ({ input }) => payerCreditsLockKey(input.order_id))
  acquireLockStep({ key, timeout: 60, ttl: 120 })
  const planned = planPayerRefundCreditsStep(input)
  // accept_unknown: the Medusa refund stands for a credit whose answer was lost; it stays held back and is
  // made exactly once when resolved, instead of failing the refund and inviting a second one.
  const credits = issuePayerCreditsStep({ credit_ids: planned.credit_ids, mark_recorded: true, accept_unknown: true })
  releaseLockStep({ key })
  return new WorkflowResponse(credits)
})
