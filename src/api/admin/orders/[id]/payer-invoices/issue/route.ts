import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { serializePayerInvoice } from "../../../../../../lib/mapping/payer-invoice-response"
import { payerInvoiceModule } from "../../../../../../modules/payer-invoice"
import { fulfillmentSource } from "../../../../../../modules/payer-invoice/records/sources"
import { issuePayerInvoiceWorkflow } from "../../../../../../workflows/payer/issue-invoice"
import { orderWithFulfillments } from "../order-payer-invoice-lookups"
import type { AdminIssuePayerInvoiceType } from "../order-payer-invoice-validators"

/**
 * POST /admin/orders/:id/payer-invoices/issue { fulfillment_id }: issues (or continues issuing) the Payer
 * invoice of a fulfillment, e.g. after a failure, and answers its record. When Payer fails again the answer
 * is 502 with the record, whose last_error says why.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminIssuePayerInvoiceType>, res: MedusaResponse) {
  const { fulfillment_id } = req.validatedBody
  const order = await orderWithFulfillments(req.scope, req.params.id)
  const service = payerInvoiceModule(req.scope)
  const [existing] = await service.listPayerInvoices({ source: fulfillmentSource(fulfillment_id) }, { take: 1 })
  if (existing ? existing.order_id !== order.id : !order.fulfillment_ids.includes(fulfillment_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order.id} has no fulfillment ${fulfillment_id}`)
  }
  service.getPayerClient() // 400 when Payer is not configured

  const { result, errors } = await issuePayerInvoiceWorkflow(req.scope).run({
    input: { order_id: order.id, fulfillment_id },
    throwOnError: false,
  })
  const id = result?.payer_invoice_id ?? existing?.id
  const record = id ? (await service.listPayerInvoices({ id }, { relations: ["lines"], take: 1 }))[0] : undefined
  if (errors?.length) {
    const error = errors[0].error as { type?: string; message?: string } | undefined
    if (record?.status === "failed") {
      res.status(502).json({
        type: "payer_error",
        message: record.last_error ?? error?.message,
        payer_invoice: serializePayerInvoice(record),
      })
      return
    }
    throw error instanceof Error
      ? error
      : new MedusaError(
          error?.type ?? MedusaError.Types.UNEXPECTED_STATE,
          error?.message ?? "Issuing the Payer invoice failed",
        )
  }
  if (!record) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Order ${order.id} is not paid with Payer B2B, or fulfillment ${fulfillment_id} bills nothing`,
    )
  }
  res.json({ payer_invoice: serializePayerInvoice(record) })
}
