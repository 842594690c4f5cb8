import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayerInvoice } from "../../../../../lib/mapping/payer-invoice-response"
import { payWithCredit } from "../../actions"
import { requireIdempotencyKey } from "../../idempotency"
import type { AdminPayerPayWithCreditType } from "../../validators"

/**
 * POST /admin/payer-invoices/:credit_invoice_number/pay-with-credit { to_invoice_number, amount }: uses
 * the credit invoice's outstanding amount (major units) to pay another invoice; answers both as Payer now has them.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPayerPayWithCreditType>, res: MedusaResponse) {
  const key = requireIdempotencyKey(req) // 400 naming the header before anything else happens
  const { credit, invoice } = await payWithCredit(req.scope, req.params.invoice_number, req.validatedBody, key)
  res.json({ credit_invoice: serializePayerInvoice(credit), invoice: serializePayerInvoice(invoice) })
}
