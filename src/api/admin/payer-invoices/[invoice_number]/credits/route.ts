import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayerInvoice } from "../../../../../lib/mapping/payer-invoice-response"
import { creditPayerInvoiceWorkflow } from "../../../../../workflows/payer/credit-invoice"
import { requireIdempotencyKey } from "../../idempotency"
import type { AdminPayerCreditType } from "../../validators"

/**
 * POST /admin/payer-invoices/:invoice_number/credits: a full, partial (by position) or manual credit of
 * an invoice, checked against what remains BEFORE Payer is called (400 naming the field, nothing sent),
 * and recorded as a refund on the Medusa payment. Amounts in the order currency's major units.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPayerCreditType>, res: MedusaResponse) {
  const key = requireIdempotencyKey(req) // 400 naming the header before anything else happens
  const { standalone, ...credit } = req.validatedBody
  const { result } = await creditPayerInvoiceWorkflow(req.scope).run({
    input: { invoice_number: req.params.invoice_number, credit: credit as any, standalone, key },
  })
  res.json({ payer_invoice: serializePayerInvoice(result as any) })
}
