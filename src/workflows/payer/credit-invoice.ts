import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AdminCreditRequest, CreditRequestError, validateCreditRequest } from "../../lib/mapping/payer-credits"
import { creditableOf, orderRecords, payerInvoices, recordByNumber } from "./steps/credit-records"
import { ensureCreditRecord, issuePayerCreditsStep } from "./steps/issue-credit"
import { recordPayerCreditRefundsStep } from "./steps/record-credit-refund"

export const creditPayerInvoiceWorkflowId = "payer-credit-invoice"

export interface CreditPayerInvoiceInput {
  invoice_number: string
  credit: AdminCreditRequest
  standalone?: boolean
  /**
   * Identifies this credit request: the same key again finds the credit already made instead of making a
   * second one (the admin route passes the Idempotency-Key header, else a fresh id).
   */
  key: string
}

/**
 * Validates the request against the invoice record BEFORE anything reaches Payer (400 naming the field,
 * nothing sent), then writes the pending credit record.
 */
export const preparePayerCreditStep = createStep(
  "payer-prepare-admin-credit",
  async (input: CreditPayerInvoiceInput, { container }) => {
    const service = payerInvoices(container)
    const original = await recordByNumber(service, input.invoice_number)
    const source = `credit:${original.id}:${input.key}`
    const [existing] = await service.listPayerInvoices({ source }, { take: 1 })
    if (existing) return new StepResponse({ credit_id: existing.id, payment_id: existing.payment_id as string })

    if (original.kind !== "invoice") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payer invoice ${input.invoice_number} is a credit invoice; credit the original invoice instead`)
    }
    if (original.status !== "issued") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payer invoice ${input.invoice_number} is not issued yet`)
    }
    if (!original.payment_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payer invoice ${input.invoice_number} has no Medusa payment to record the credit on`)
    }
    let plan
    try {
      const records = await orderRecords(service, original.order_id)
      plan = validateCreditRequest(creditableOf(original, records), input.credit, original.currency_code)
    } catch (e) {
      if (e instanceof CreditRequestError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      throw e
    }
    const credit = await ensureCreditRecord(container, { original, source, plan, standalone: !!input.standalone })
    return new StepResponse({ credit_id: credit.id, payment_id: original.payment_id })
  }
)

/**
 * Admin credit of one Payer invoice (full, partial by position, manual lines), recorded as a refund on
 * the Medusa payment without a second Payer call so that Medusa's order balance stays true. Refunds of
 * one payment are recorded one at a time (a lock per payment).
 */
export const creditPayerInvoiceWorkflow = createWorkflow(creditPayerInvoiceWorkflowId, (input: CreditPayerInvoiceInput) => {
  const prepared = preparePayerCreditStep(input)
  const ids = transform({ prepared }, ({ prepared }) => [prepared.credit_id])
  issuePayerCreditsStep({ credit_ids: ids })
  const key = transform({ prepared }, ({ prepared }) => `payer-payment:${prepared.payment_id}`)
  acquireLockStep({ key, timeout: 60, ttl: 120 })
  const recorded = recordPayerCreditRefundsStep({ credit_ids: ids })
  releaseLockStep({ key })
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded[0]))
})
