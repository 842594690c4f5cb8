import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { handlePayerEventStep } from "./steps/handle-payer-event"

export const handlePayerEventWorkflowId = "payer-handle-event"

export type { PayerEventOutcome } from "../../modules/payer-invoice/records/payer-events"

/**
 * A Payer event notification (POST/GET /hooks/payer/events?token=...): the event is fetched from Payer by its
 * token, the invoice records it names are brought up to date from Payer, and the event is acknowledged; a
 * redelivered event changes nothing. The outcome says which of these happened (see PayerEventOutcome).
 */
export const handlePayerEventWorkflow = createWorkflow(handlePayerEventWorkflowId, (input: { token: string }) => {
  return new WorkflowResponse(handlePayerEventStep(input))
})
