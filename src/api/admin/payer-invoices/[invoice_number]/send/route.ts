import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestKey, sendInvoiceCopy } from "../../actions"
import type { AdminPayerSendInvoiceType } from "../../validators"

/** POST /admin/payer-invoices/:invoice_number/send { delivery_type }: Payer sends a copy (NONE is refused). */
export async function POST(req: AuthenticatedMedusaRequest<AdminPayerSendInvoiceType>, res: MedusaResponse) {
  await sendInvoiceCopy(req.scope, req.params.invoice_number, req.validatedBody.delivery_type, requestKey(req))
  res.json({ sent: true })
}
