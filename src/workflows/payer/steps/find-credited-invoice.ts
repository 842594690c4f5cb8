import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

export const findCreditedInvoiceStepId = "payer-find-credited-invoice"

/** The order of the invoice (404 for an unknown number), to lock the order's credits by. Reads only: nothing to undo. */
export const findCreditedInvoiceStep = createStep(
  findCreditedInvoiceStepId,
  async (input: { invoice_number: string }, { container }) => {
    const original = await payerInvoiceModule(container).retrieveInvoiceRecordByNumber(input.invoice_number)
    return new StepResponse({ order_id: original.order_id })
  },
)
