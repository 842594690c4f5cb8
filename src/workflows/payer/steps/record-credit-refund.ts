import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnits } from "../../../lib/money"
import { updatePaymentData } from "../../../lib/medusa/payment-data"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import type { InvoiceRecord } from "../../../modules/payer-invoice/records/record-types"
import { refundNote } from "../../../modules/payer-invoice/records/sources"

export const recordPayerCreditRefundsStepId = "payer-record-credit-refunds"

/**
 * Removes the marker whether or not the provider consumed it. Payment data is a JSON column that Medusa
 * MERGES on update, so a key left out survives: it has to be set to null explicitly.
 */
async function clearMarker(paymentModule: IPaymentModuleService, paymentId: string): Promise<void> {
  const latest = await paymentModule.retrievePayment(paymentId, { select: ["id", "data"] })
  await updatePaymentData(paymentModule, paymentId, { ...(latest.data ?? {}), pending_refund: null })
}

/** Medusa's side of one credit: its refund, made through the signed hand-over unless the payment has it. */
async function refundOnce(container: MedusaContainer, credit: InvoiceRecord, paymentId: string): Promise<void> {
  const service = payerInvoiceModule(container)
  const paymentModule = container.resolve(Modules.PAYMENT)
  const payment = await paymentModule.retrievePayment(paymentId, { select: ["id", "data"], relations: ["refunds"] })
  const note = refundNote(credit.invoice_number)
  if ((payment.refunds ?? []).some((r) => r.note === note)) return
  const pending = service.pendingRefundMarkerFor(credit, payment.id)
  await updatePaymentData(paymentModule, payment.id, { ...(payment.data ?? {}), pending_refund: pending })
  try {
    await refundPaymentWorkflow(container).run({
      input: {
        payment_id: payment.id,
        amount: fromMinorUnits(Number(credit.total_amount), credit.currency_code),
        note,
      },
    })
  } catch (error) {
    await clearMarker(paymentModule, payment.id)
    const failure = error as { message?: string; type?: string } | undefined // a MedusaError, or whatever the workflow threw
    const message = `Credit invoice ${credit.invoice_number} was issued at Payer, but Medusa did not record the refund: ${failure?.message ?? String(error)}`
    await service.noteInvoiceRecordError(credit.id, message)
    throw new MedusaError(failure?.type ?? MedusaError.Types.UNEXPECTED_STATE, message)
  }
  await clearMarker(paymentModule, payment.id)
}

/**
 * Records issued credits as refunds on the Medusa payment WITHOUT a second Payer call: the payment data
 * gets a signed `pending_refund` marker (bound to the payment, amount and credit invoice; see
 * lib/mapping/payer-refund-marker.ts) that the payer-b2b provider's refundPayment verifies and
 * consumes instead of crediting. Runs under the workflow's lock of the payment; if Medusa refuses a
 * refund, the marker is removed again and the credit record says why. Medusa's refund workflow runs inside this
 * step, one credit after the other, because each refund needs its own marker set and cleared around it. No
 * compensation: a recorded refund is Medusa's own record of a credit Payer made, which cannot be taken back.
 */
export const recordPayerCreditRefundsStep = createStep(
  recordPayerCreditRefundsStepId,
  async (input: { credit_ids: string[] }, { container }) => {
    const service = payerInvoiceModule(container)
    const recorded: InvoiceRecord[] = []
    for (const id of input.credit_ids) {
      const credit = await service.retrieveInvoiceRecord(id)
      if (credit.medusa_recorded) {
        recorded.push(credit)
        continue
      }
      if (!credit.payment_id) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Credit invoice ${credit.invoice_number} has no Medusa payment to record a refund on`,
        )
      }
      await refundOnce(container, credit, credit.payment_id)
      recorded.push(await service.markCreditRefundRecorded(credit.id))
    }
    return new StepResponse(recorded)
  },
)
