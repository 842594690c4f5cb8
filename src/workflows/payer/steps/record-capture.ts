import { capturePaymentWorkflow, type CapturePaymentWorkflowInput } from "@medusajs/medusa/core-flows"
import type { CreateCaptureDTO, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnits } from "../../../lib/money"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { captureMarker } from "../../../modules/payer-invoice/records/sources"

export const recordPayerCaptureStepId = "payer-record-invoice-capture"

/**
 * Medusa 2.21's workflow input type lacks is_captured, which the workflow hands on to the payment module's
 * capturePayment (CreateCaptureDTO has it): with it, the capture is recorded without calling a provider.
 */
type RecordedCaptureInput = CapturePaymentWorkflowInput & Pick<CreateCaptureDTO, "is_captured">

type IssuedRecord = { id: string; invoice_number: string | null; total_amount: number; currency_code: string }

/** Medusa's side: one capture tagged with the record (capture.created_by), made unless the payment has it. */
async function captureOnce(container: MedusaContainer, record: IssuedRecord, paymentId: string): Promise<boolean> {
  if (!record.invoice_number) throw new Error("The invoice has not been issued at Payer yet")
  const payment = await container.resolve(Modules.PAYMENT).retrievePayment(paymentId, { relations: ["captures"] })
  const marker = captureMarker(record.id)
  if ((payment.captures ?? []).some((c) => c.created_by === marker)) return false
  if (Number(record.total_amount) > 0) {
    const capture: RecordedCaptureInput = {
      payment_id: paymentId,
      amount: fromMinorUnits(Number(record.total_amount), record.currency_code),
      captured_by: marker,
      is_captured: true,
    }
    await capturePaymentWorkflow(container).run({ input: capture })
  }
  return true
}

/**
 * Records the invoiced amount as a capture on the Medusa payment, without calling any provider (`is_captured`:
 * the invoice is the capture), then marks the record recorded; a failure is written on the record (what the
 * admin issue route answers). Runs under the workflow's lock per payment. The capture is tagged with the record,
 * so a run that crashed after capturing but before marking the record does not capture twice. Medusa's capture
 * workflow runs inside this step (not as a nested step) so that its failure reaches the record. No compensation:
 * a capture cannot be undone (Medusa does not compensate captures either).
 */
export const recordPayerCaptureStep = createStep(
  recordPayerCaptureStepId,
  async (input: { record_id: string; payment_id: string }, { container }) => {
    const service = payerInvoiceModule(container)
    const record = await service.retrievePayerInvoice(input.record_id)
    if (record.medusa_recorded) return new StepResponse({ record_id: record.id, captured: false })
    try {
      const captured = await captureOnce(container, record, input.payment_id)
      await service.markInvoiceRecorded(record.id)
      return new StepResponse({ record_id: record.id, captured })
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
