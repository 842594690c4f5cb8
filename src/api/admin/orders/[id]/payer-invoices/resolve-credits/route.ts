import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayerInvoices } from "../../../../../../lib/mapping/payer-invoice-response"
import { resolvePayerCreditsWorkflow } from "../../../../../../workflows/payer/resolve-credits"
import { payerInvoiceModule } from "../../../../../../modules/payer-invoice"
import { orderWithFulfillments, payerRecordsOfOrder } from "../order-payer-invoice-lookups"

/**
 * POST /admin/orders/:id/payer-invoices/resolve-credits: settles the order's credits whose outcome is
 * "unknown" (Payer's answer was lost) by looking them up at Payer (one not there is sent once more under the same
 * Payer-Request-ID: it was already counted as made); it starts no new credit, so it needs
 * no Idempotency-Key. Answers the order's records; a credit Payer still cannot be asked about stays "unknown".
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const order = await orderWithFulfillments(req.scope, req.params.id)
  payerInvoiceModule(req.scope).getPayerClient() // 400 when Payer is not configured
  await resolvePayerCreditsWorkflow(req.scope).run({ input: { order_id: order.id } })
  const records = await payerRecordsOfOrder(req.scope, order.id)
  res.json({ payer_invoices: serializePayerInvoices(records) })
}
