import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

export const payoutPayerCreditStepId = "payer-payout-credit"

/**
 * Pays the credit's outstanding amount back to the customer at Payer, once per Idempotency-Key (see the module's
 * payoutCredit). No compensation: money paid out to a bank account cannot be called back by Payer's API; the
 * stored receipt is what a retry with the same key answers.
 */
export const payoutPayerCreditStep = createStep(
  payoutPayerCreditStepId,
  async (input: { credit_id: string; key: string }, { container }) => {
    return new StepResponse(await payerInvoiceModule(container).payoutCredit(input))
  },
)
