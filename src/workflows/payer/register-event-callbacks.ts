import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../modules/payer-invoice"

export const registerPayerEventCallbacksWorkflowId = "payer-register-event-callbacks"

/** Payer is asked once per handled type; nothing to undo (registering again is harmless). */
const registerPayerEventCallbacksStep = createStep(
  "payer-register-event-callbacks",
  async (_input: undefined, { container }) => {
    return new StepResponse(await payerInvoiceModule(container).registerEventCallbacks())
  },
)

/** Registers the `payer.eventsCallbackUrl` option at Payer for the event types the plugin handles. */
export const registerPayerEventCallbacksWorkflow = createWorkflow(registerPayerEventCallbacksWorkflowId, () => {
  return new WorkflowResponse(registerPayerEventCallbacksStep())
})
