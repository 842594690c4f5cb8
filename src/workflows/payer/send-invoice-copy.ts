import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendPayerInvoiceCopyStep, type SendPayerInvoiceCopyInput } from "./steps/send-invoice-copy-at-payer"

export type { SendPayerInvoiceCopyInput } from "./steps/send-invoice-copy-at-payer"

export const sendPayerInvoiceCopyWorkflowId = "payer-send-invoice-copy"

/**
 * Payer sends a copy of an issued invoice by the delivery type asked for (NONE is refused: it sends nothing).
 * Moves no money, so the Idempotency-Key is optional: with one, the same key sends one copy.
 */
export const sendPayerInvoiceCopyWorkflow = createWorkflow(
  sendPayerInvoiceCopyWorkflowId,
  (input: SendPayerInvoiceCopyInput) => {
    return new WorkflowResponse(sendPayerInvoiceCopyStep(input))
  },
)
