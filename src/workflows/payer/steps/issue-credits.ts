import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import type { IssueCreditsInput } from "../../../modules/payer-invoice/records/credit-batches"

export const issuePayerCreditsStepId = "payer-issue-credits"

/**
 * Issues the given credit records at Payer one after the other (see the module's issueCreditRecords). No
 * compensation: a credit Payer made cannot be taken back, and the record says what happened, so a retry of
 * the workflow continues from it instead of crediting twice.
 */
export const issuePayerCreditsStep = createStep(
  issuePayerCreditsStepId,
  async (input: IssueCreditsInput, { container }) => {
    return new StepResponse(await payerInvoiceModule(container).issueCreditRecords(input))
  },
)
