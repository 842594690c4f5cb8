import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePayerInvoice } from "../../../../../lib/mapping/payer-invoice-response"
import { MedusaError } from "@medusajs/framework/utils"
import { adminCreditSource, creditPayerInvoiceWorkflow } from "../../../../../workflows/payer/credit-invoice"
import { payerInvoiceModule } from "../../../../../modules/payer-invoice"
import { CREDIT_OUTCOME_UNKNOWN } from "../../../../../modules/payer-invoice/records/failures"
import { requireIdempotencyKey } from "../../idempotency"
import type { AdminPayerCreditType } from "../../payer-invoice-validators"

/**
 * POST /admin/payer-invoices/:invoice_number/credits: a full, partial (by position) or manual credit of
 * an invoice, checked against what remains BEFORE Payer is called (400 naming the field, nothing sent),
 * and recorded as a refund on the Medusa payment. Amounts in the order currency's major units. Requires an
 * Idempotency-Key: the same key answers the same credit; when Payer's answer was lost (502, record "unknown")
 * the same key again looks the credit up at Payer instead of making a second one.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminPayerCreditType>, res: MedusaResponse) {
  const key = requireIdempotencyKey(req) // 400 naming the header before anything else happens
  const { standalone, ...credit } = req.validatedBody
  const { result, errors } = await creditPayerInvoiceWorkflow(req.scope).run({
    input: { invoice_number: req.params.invoice_number, credit, standalone, key },
    throwOnError: false,
  })
  if (errors?.length) {
    const error = errors[0].error as { type?: string; message?: string; code?: string } | undefined
    if (error?.code === CREDIT_OUTCOME_UNKNOWN) {
      // Sent, answer lost: 502 with the record ("unknown"), so the admin repeats the request with the same key.
      const service = payerInvoiceModule(req.scope)
      const original = await service.retrieveInvoiceRecordByNumber(req.params.invoice_number)
      const [record] = await service.listPayerInvoices(
        { source: adminCreditSource(original.id, key) },
        { relations: ["lines"], take: 1 },
      )
      res.status(502).json({
        type: CREDIT_OUTCOME_UNKNOWN,
        message: error.message,
        payer_invoice: record ? serializePayerInvoice(record) : null,
      })
      return
    }
    throw error instanceof Error
      ? error
      : new MedusaError(
          error?.type ?? MedusaError.Types.UNEXPECTED_STATE,
          error?.message ?? "Crediting the Payer invoice failed",
        )
  }
  res.json({ payer_invoice: serializePayerInvoice(result) })
}
