import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

export const sendPayerInvoiceCopyStepId = "payer-send-invoice-copy-at-payer"

export interface SendPayerInvoiceCopyInput {
  invoice_number: string
  delivery_type: string
  /** The request's Idempotency-Key, when the admin sent one: the same key sends one copy. */
  key?: string
}

/**
 * Payer sends a copy of the invoice (see the module's sendInvoiceCopy). No compensation: a copy that went out
 * by e-mail, post or e-invoice cannot be called back, and it moves no money.
 */
export const sendPayerInvoiceCopyStep = createStep(
  sendPayerInvoiceCopyStepId,
  async (input: SendPayerInvoiceCopyInput, { container }) => {
    await payerInvoiceModule(container).sendInvoiceCopy(input.invoice_number, input.delivery_type, input.key)
    return new StepResponse({ sent: true as const })
  },
)
