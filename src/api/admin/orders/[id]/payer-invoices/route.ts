import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayerInvoices } from "../../../../../lib/mapping/payer-invoice-response"
import { orderWithFulfillments, payerRecordsOfOrder } from "./order-payer-invoice-lookups"

/** GET /admin/orders/:id/payer-invoices: the order's Payer invoices and credit invoices, newest last. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const order = await orderWithFulfillments(req.scope, req.params.id)
  const records = await payerRecordsOfOrder(req.scope, order.id)
  res.json({ payer_invoices: serializePayerInvoices(records) })
}
