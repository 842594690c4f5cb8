import { capturePaymentWorkflow, type CapturePaymentWorkflowInput } from "@medusajs/medusa/core-flows"
import type { CreateCaptureDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnits } from "../../../lib/money"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { ISSUE_STEPS } from "../../../modules/payer-invoice/records/sources"

/**
 * Medusa 2.21's workflow input type lacks is_captured, which the workflow hands on to the payment module's
 * capturePayment (CreateCaptureDTO has it): with it, the capture is recorded without calling a provider.
 */
type RecordedCaptureInput = CapturePaymentWorkflowInput & Pick<CreateCaptureDTO, "is_captured">

/** Marks the Medusa capture that stands for one Payer invoice (capture.created_by), so it is made once. */
export function captureMarker(recordId: string): string {
  return `payer-invoice:${recordId}`
}

/**
 * Records the invoiced amount as a capture on the Medusa payment, without calling any provider
 * (`is_captured`: the invoice is the capture). Runs under the workflow's lock per payment. The capture is
 * tagged with the record, so a run that crashed after capturing but before setting medusa_recorded does
 * not capture twice. A capture cannot be undone (Medusa does not compensate captures either): no compensation.
 */
export const recordPayerCaptureStep = createStep(
  "payer-record-invoice-capture",
  async (input: { record_id: string; payment_id: string }, { container }) => {
    const service = payerInvoiceModule(container)
    const record = await service.retrievePayerInvoice(input.record_id)
    if (record.medusa_recorded) return new StepResponse({ record_id: record.id, captured: false })
    try {
      if (!record.invoice_number) throw new Error("The invoice has not been issued at Payer yet")
      const paymentModule = container.resolve(Modules.PAYMENT)
      const payment = await paymentModule.retrievePayment(input.payment_id, { relations: ["captures"] })
      const marker = captureMarker(record.id)
      const already = (payment.captures ?? []).some((c) => c.created_by === marker)
      if (!already && Number(record.total_amount) > 0) {
        const capture: RecordedCaptureInput = {
          payment_id: input.payment_id,
          amount: fromMinorUnits(Number(record.total_amount), record.currency_code),
          captured_by: marker,
          is_captured: true,
        }
        await capturePaymentWorkflow(container).run({ input: capture })
      }
      await service.updatePayerInvoices({
        id: record.id,
        status: "issued",
        medusa_recorded: true,
        step: ISSUE_STEPS.recorded,
        last_error: null,
      })
      return new StepResponse({ record_id: record.id, captured: !already })
    } catch (e) {
      await service.markInvoiceRecordFailed(
        record.id,
        e,
        "Recording the invoice as a capture on the Medusa payment failed",
      )
      throw e
    }
  },
)
