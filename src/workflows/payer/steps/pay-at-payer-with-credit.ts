import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import type { PayWithCreditInput } from "../../../modules/payer-invoice/records/credit-payments"

export const payAtPayerWithCreditStepId = "payer-pay-with-credit"

/**
 * Pays the invoice with the credit's outstanding amount at Payer, once per Idempotency-Key, and answers both
 * records as Payer now has them (see the module's payWithCredit). No compensation: Payer has no call that takes
 * a payment with a credit back; the stored receipt is what a retry with the same key finds.
 */
export const payAtPayerWithCreditStep = createStep(
  payAtPayerWithCreditStepId,
  async (input: PayWithCreditInput, { container }) => {
    return new StepResponse(await payerInvoiceModule(container).payWithCredit(input))
  },
)
