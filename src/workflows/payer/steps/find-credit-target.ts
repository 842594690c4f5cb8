import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import type { PayWithCreditRequest } from "../../../modules/payer-invoice/records/credit-payments"
import type { InvoiceRecord } from "../../../modules/payer-invoice/records/record-types"

export const findPayerCreditTargetStepId = "payer-find-credit-target"

/**
 * The invoice the credit is to pay and the amount in minor units, checked as the admin sent them (400 naming the
 * field; see the module's payWithCreditTarget). Reads only: nothing to undo.
 */
export const findPayerCreditTargetStep = createStep(
  findPayerCreditTargetStepId,
  async (input: { credit: InvoiceRecord; request: PayWithCreditRequest }, { container }) => {
    return new StepResponse(await payerInvoiceModule(container).payWithCreditTarget(input.credit, input.request))
  },
)
