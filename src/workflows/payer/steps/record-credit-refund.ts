import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import type { IPaymentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fromMinorUnits } from "../../../lib/money"
import { signPendingRefund } from "../../../lib/mapping/payer-refund-marker"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import type { InvoiceRecord } from "../../../modules/payer-invoice/records/record-types"
import { updatePaymentData } from "../../../lib/medusa/payment-data"

/**
 * Removes the marker whether or not the provider consumed it. Payment data is a JSON column that Medusa
 * MERGES on update, so a key left out survives: it has to be set to null explicitly.
 */
async function clearMarker(paymentModule: IPaymentModuleService, paymentId: string): Promise<void> {
  const latest = await paymentModule.retrievePayment(paymentId, { select: ["id", "data"] })
  await updatePaymentData(paymentModule, paymentId, { ...(latest.data ?? {}), pending_refund: null })
}

/** Tags the Medusa refund that stands for a credit invoice, so a retry after a crash finds it. */
export function refundNote(invoiceNumber: string | null | undefined): string {
  return `Payer credit invoice ${invoiceNumber}`
}

async function recordCreditAsRefund(container: MedusaContainer, creditId: string): Promise<InvoiceRecord> {
  const service = payerInvoiceModule(container)
  const credit = await service.retrieveInvoiceRecord(creditId)
  if (credit.medusa_recorded) return credit
  if (!credit.payment_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Credit invoice ${credit.invoice_number} has no Medusa payment to record a refund on`,
    )
  }
  const paymentModule = container.resolve(Modules.PAYMENT)
  const payment = await paymentModule.retrievePayment(credit.payment_id, {
    select: ["id", "data"],
    relations: ["refunds"],
  })
  const note = refundNote(credit.invoice_number)
  if (!(payment.refunds ?? []).some((r) => r.note === note)) {
    const pending = signPendingRefund(service.getPayerOptions().clientSecret, {
      payment_id: payment.id,
      amount_minor: Number(credit.total_amount),
      credit_invoice_number: String(credit.invoice_number),
    })
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
      await service.updatePayerInvoices({ id: credit.id, last_error: message })
      throw new MedusaError(failure?.type ?? MedusaError.Types.UNEXPECTED_STATE, message)
    }
    await clearMarker(paymentModule, payment.id)
  }
  await service.updatePayerInvoices({ id: credit.id, medusa_recorded: true, last_error: null })
  return service.retrieveInvoiceRecord(credit.id)
}

/**
 * Records issued credits as refunds on the Medusa payment WITHOUT a second Payer call: the payment data
 * gets a signed `pending_refund` marker (bound to the payment, amount and credit invoice; see
 * lib/mapping/payer-refund-marker.ts) that the payer-b2b provider's refundPayment verifies and
 * consumes instead of crediting. Runs under the workflow's lock of the payment; if Medusa refuses a
 * refund, the marker is removed again and the credit record says why.
 */
export const recordPayerCreditRefundsStep = createStep(
  "payer-record-credit-refunds",
  async (input: { credit_ids: string[] }, { container }) => {
    const recorded: InvoiceRecord[] = []
    for (const id of input.credit_ids) recorded.push(await recordCreditAsRefund(container, id))
    return new StepResponse(recorded)
  },
)
