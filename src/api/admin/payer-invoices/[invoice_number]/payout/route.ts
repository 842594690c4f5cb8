import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayerInvoice } from "../../../../../lib/mapping/payer-invoice-response"
import { payoutCredit, requestKey } from "../../actions"

/** POST /admin/payer-invoices/:credit_invoice_number/payout: pays the credit's outstanding amount back out. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { payout, record } = await payoutCredit(req.scope, req.params.invoice_number, requestKey(req))
  res.json({ payout, credit_invoice: serializePayerInvoice(record as any) })
}
