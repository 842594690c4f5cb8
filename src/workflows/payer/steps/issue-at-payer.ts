import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayerInvoicePlan } from "../../../lib/mapping/payer-invoice-plan"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

export const issueAtPayerStepId = "payer-issue-at-payer"

/**
 * Issues the record's invoice at Payer, continuing from the step it reached (create the Payer order, approve it,
 * create the invoice; see the module's issueInvoiceRecordAtPayer). No compensation: a Payer order or invoice is
 * kept and continued from, never thrown away (an invoice cannot be deleted at Payer, only credited).
 */
export const issueAtPayerStep = createStep(
  issueAtPayerStepId,
  async (input: { record_id: string; plan: PayerInvoicePlan }, { container }) => {
    await payerInvoiceModule(container).issueInvoiceRecordAtPayer(input.record_id, input.plan)
    return new StepResponse({ record_id: input.record_id })
  },
)
