import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

export const syncOpenPayerInvoiceRecordsStepId = "payer-sync-open-invoice-records"

/**
 * One bounded run over the open records, continuing at the stored cursor (see the module's
 * syncOpenInvoiceRecords). No compensation: it only mirrors Payer, and every page's updates are kept even
 * when a later page fails.
 */
export const syncOpenPayerInvoiceRecordsStep = createStep(
  syncOpenPayerInvoiceRecordsStepId,
  async (input: { max_calls: number; max_seconds: number }, { container }) => {
    const outcome = await payerInvoiceModule(container).syncOpenInvoiceRecords({
      maxCalls: input.max_calls,
      maxSeconds: input.max_seconds,
    })
    return new StepResponse(outcome)
  },
)
