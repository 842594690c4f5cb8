import { container as appContainer } from "@medusajs/framework"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { pendingRefundProblem } from "../mapping/payer-refund-marker"
import { payerInvoiceModule } from "../../modules/payer-invoice"
import { payerCreditsLockKey } from "../../modules/payer-invoice/lock-keys"
import { linkRecordsToOrder } from "../../modules/payer-invoice/order-link"
import { orderIdOfPaymentCollection } from "../medusa/order-lookups"
import { PaymentModuleRecords, type PaymentProviderCradle } from "../medusa/payment-records"

/**
 * A Medusa refund on a payer-b2b payment that did not come from the plugin's own credit routes (admin
 * refund, order cancel, return) becomes Payer credits. The refund id is the idempotency key, so a retried
 * refund never credits twice.
 *
 * Why the provider calls the invoice module instead of running a workflow: the provider is a Medusa-facing
 * piece at the top of the layers, and every arrow from it points down (module service, locking module, link
 * service); it used to `require` creditPayerRefundWorkflow lazily, an arrow back up that hid the dependency.
 * The work is the same as that workflow's: under the order's credits lock (the admin, return and resolve
 * workflows take the same key), plan the refund's credit records, link them to the order, issue them at
 * Payer marked as recorded (Medusa is recording this refund right now). A Payer refusal throws out of
 * refundPayment, so Medusa does not record the refund; a lost answer does not: the refund stands and its
 * credit stays "unknown", held back and made exactly once when resolved.
 */
export async function creditRefundThroughPayer(
  cradle: PaymentProviderCradle,
  input: { refund_id: string; amount_minor: number },
) {
  const refund = await new PaymentModuleRecords(cradle).refund(input.refund_id)
  const orderId = await orderIdOfPaymentCollection(refund.payment_collection_id ?? undefined)
  if (!orderId) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No order found for this Payer B2B payment")
  const service = payerInvoiceModule(appContainer)
  const credit = {
    order_id: orderId,
    payment_id: refund.payment_id,
    refund_id: input.refund_id,
    amount_minor: input.amount_minor,
  }
  await appContainer.resolve(Modules.LOCKING).execute(
    payerCreditsLockKey(orderId),
    async () => {
      const creditIds = await service.planRefundCreditRecords(credit)
      await linkRecordsToOrder(appContainer, orderId, creditIds)
      await service.issueCreditRecords({ credit_ids: creditIds, mark_recorded: true, accept_unknown: true })
    },
    { timeout: 60 },
  )
}

/**
 * Whether a `pending_refund` marker in the payment data is the plugin's hand-over for this very refund:
 * signed for this payment and amount (see payer-refund-marker.ts), and naming an issued credit invoice of
 * this payment whose refund is not recorded yet. Answers why not, or null when it is.
 */
export async function pendingRefundVerdict(
  cradle: PaymentProviderCradle,
  input: { marker: unknown; refund_id: string; amount_minor: number },
): Promise<string | null> {
  const refund = await new PaymentModuleRecords(cradle).refund(input.refund_id)
  const service = payerInvoiceModule(appContainer)
  if (!service.isConfigured()) return "Payer is not configured"
  const problem = pendingRefundProblem(
    service.getPayerOptions().clientSecret,
    input.marker,
    refund.payment_id,
    input.amount_minor,
  )
  if (problem) return problem
  const number = (input.marker as { credit_invoice_number: string }).credit_invoice_number
  const [credit] = await service.listPayerInvoices({ invoice_number: number, kind: "credit" }, { take: 1 })
  if (!credit || credit.payment_id !== refund.payment_id || credit.status !== "issued" || credit.medusa_recorded) {
    return "no unrecorded credit invoice of this payment"
  }
  return null
}
