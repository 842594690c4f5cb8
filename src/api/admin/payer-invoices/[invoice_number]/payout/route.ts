import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayerInvoice } from "../../../../../lib/mapping/payer-invoice-response"
import { payoutPayerCreditWorkflow } from "../../../../../workflows/payer/payout-credit"
import { requireIdempotencyKey } from "../../idempotency"

/** POST /admin/payer-invoices/:credit_invoice_number/payout: pays the credit's outstanding amount back out. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const key = requireIdempotencyKey(req) // 400 naming the header before anything else happens
  const { result } = await payoutPayerCreditWorkflow(req.scope).run({
    input: { invoice_number: req.params.invoice_number, key },
  })
  res.json({ payout: result.payout, credit_invoice: serializePayerInvoice(result.record) })
}
