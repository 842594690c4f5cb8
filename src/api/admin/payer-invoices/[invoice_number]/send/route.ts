import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendPayerInvoiceCopyWorkflow } from "../../../../../workflows/payer/send-invoice-copy"
import { optionalIdempotencyKey } from "../../idempotency"
import type { AdminPayerSendInvoiceType } from "../../payer-invoice-validators"

/** POST /admin/payer-invoices/:invoice_number/send { delivery_type }: Payer sends a copy (NONE is refused). */
export async function POST(req: AuthenticatedMedusaRequest<AdminPayerSendInvoiceType>, res: MedusaResponse) {
  const key = optionalIdempotencyKey(req)
  await sendPayerInvoiceCopyWorkflow(req.scope).run({
    input: { invoice_number: req.params.invoice_number, delivery_type: req.validatedBody.delivery_type, key },
  })
  res.json({ sent: true })
}
