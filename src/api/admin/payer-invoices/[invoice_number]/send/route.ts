import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendInvoiceCopy } from "../../actions"
import { optionalIdempotencyKey } from "../../idempotency"
import type { AdminPayerSendInvoiceType } from "../../validators"

/** POST /admin/payer-invoices/:invoice_number/send { delivery_type }: Payer sends a copy (NONE is refused). */
export async function POST(req: AuthenticatedMedusaRequest<AdminPayerSendInvoiceType>, res: MedusaResponse) {
  await sendInvoiceCopy(
    req.scope,
    req.params.invoice_number,
    req.validatedBody.delivery_type,
    optionalIdempotencyKey(req),
  )
  res.json({ sent: true })
}
