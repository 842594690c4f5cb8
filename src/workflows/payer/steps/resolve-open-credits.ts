import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

export const resolvePayerCreditsStepId = "payer-resolve-open-credits"

/**
 * Resolves the order's open credits (see the module's resolveOpenCredits); answers the ones to record in
 * Medusa and their payment. No compensation: what Payer is found to have made is a fact, not a change to undo.
 */
export const resolvePayerCreditsStep = createStep(
  resolvePayerCreditsStepId,
  async (input: { order_id: string }, { container }) => {
    const service = payerInvoiceModule(container)
    const toRecord = await service.resolveOpenCredits(input.order_id)
    const records = toRecord.length ? await service.listPayerInvoices({ id: toRecord }) : []
    const paymentId = records.find((r) => r.payment_id)?.payment_id ?? null
    return new StepResponse({ to_record: toRecord, payment_id: paymentId })
  },
)
