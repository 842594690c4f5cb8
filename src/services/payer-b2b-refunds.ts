import { container as appContainer } from "@medusajs/framework"
import { MedusaError } from "@medusajs/framework/utils"
import { pendingRefundProblem } from "../lib/mapping/payer-refund-marker"
import { PAYER_INVOICE_MODULE } from "../modules/payer-invoice"
import type PayerInvoiceModuleService from "../modules/payer-invoice/service"
import { orderIdOfPaymentCollection } from "./medusa-order-lookup"

/**
 * A Medusa refund on a payer-b2b payment that did not come from the plugin's own credit routes (admin
 * refund, order cancel, return): find the order and let the credit workflow turn it into Payer credits.
 * The refund id is the idempotency key, so a retried refund never credits twice.
 */
export async function creditRefundThroughPayer(cradle: Record<string, any>, input: { refund_id: string; amount_minor: number }) {
  const refund = await cradle.refundService.retrieve(input.refund_id, { relations: ["payment"] })
  const orderId = await orderIdOfPaymentCollection(refund.payment?.payment_collection_id)
  if (!orderId) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No order found for this Payer B2B payment")
  // Required lazily: the workflow module imports this provider's types. (A dynamic import() would be left
  // as an ESM import by tsc under node16 module resolution and then needs a file extension.)
  const { creditPayerRefundWorkflow } = require("../workflows/payer/credit-refund") as typeof import("../workflows/payer/credit-refund")
  await creditPayerRefundWorkflow(appContainer).run({
    input: { order_id: orderId, payment_id: refund.payment_id ?? refund.payment?.id, refund_id: input.refund_id, amount_minor: input.amount_minor },
  })
}

/**
 * Whether a `pending_refund` marker in the payment data is the plugin's hand-over for this very refund:
 * signed for this payment and amount (see payer-refund-marker.ts), and naming an issued credit invoice of
 * this payment whose refund is not recorded yet. Answers why not, or null when it is.
 */
export async function pendingRefundVerdict(
  cradle: Record<string, any>,
  input: { marker: unknown; refund_id: string; amount_minor: number }
): Promise<string | null> {
  const refund = await cradle.refundService.retrieve(input.refund_id, { select: ["id", "payment_id"] })
  const service = appContainer.resolve(PAYER_INVOICE_MODULE) as PayerInvoiceModuleService
  if (!service.isConfigured()) return "Payer is not configured"
  const problem = pendingRefundProblem(service.getPayerOptions().clientSecret, input.marker, refund.payment_id, input.amount_minor)
  if (problem) return problem
  const number = (input.marker as { credit_invoice_number: string }).credit_invoice_number
  const [credit] = await service.listPayerInvoices({ invoice_number: number, kind: "credit" }, { take: 1 })
  if (!credit || credit.payment_id !== refund.payment_id || credit.status !== "issued" || credit.medusa_recorded) {
    return "no unrecorded credit invoice of this payment"
  }
  return null
}
