import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

export const findIssuedPayerCreditStepId = "payer-find-issued-credit"

/** The issued credit invoice of a number (404 unknown, 400 not an issued credit). Reads only: nothing to undo. */
export const findIssuedPayerCreditStep = createStep(
  findIssuedPayerCreditStepId,
  async (input: { invoice_number: string }, { container }) => {
    return new StepResponse(await payerInvoiceModule(container).retrieveIssuedCreditByNumber(input.invoice_number))
  },
)
