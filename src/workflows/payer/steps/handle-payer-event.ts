import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

export const handlePayerEventStepId = "payer-handle-event"

/**
 * Fetches, deduplicates, applies and acknowledges one Payer event (see the module's handlePayerEvent). No
 * compensation: the records only mirror Payer, and a failed run keeps nothing (its claim is given back).
 */
export const handlePayerEventStep = createStep(
  handlePayerEventStepId,
  async (input: { token: string }, { container }) => {
    return new StepResponse(await payerInvoiceModule(container).handlePayerEvent(input.token))
  },
)
