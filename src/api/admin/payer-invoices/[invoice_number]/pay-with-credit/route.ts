import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayerInvoice } from "../../../../../lib/mapping/payer-invoice-response"
import { payPayerInvoiceWithCreditWorkflow } from "../../../../../workflows/payer/pay-invoice-with-credit"
import { requireIdempotencyKey } from "../../idempotency"
import type { AdminPayerPayWithCreditType } from "../../payer-invoice-validators"

/**
 * POST /admin/payer-invoices/:credit_invoice_number/pay-with-credit { to_invoice_number, amount }: uses
 * the credit invoice's outstanding amount (major units) to pay another invoice; answers both as Payer now has them.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPayerPayWithCreditType>, res: MedusaResponse) {
  const key = requireIdempotencyKey(req) // 400 naming the header before anything else happens
  const { to_invoice_number, amount } = req.validatedBody
  const { result } = await payPayerInvoiceWithCreditWorkflow(req.scope).run({
    input: { invoice_number: req.params.invoice_number, to_invoice_number, amount, key },
  })
  res.json({ credit_invoice: serializePayerInvoice(result.credit), invoice: serializePayerInvoice(result.invoice) })
}
