/** Invoice lookups, sending a copy, and the public invoice page behind publicInvoiceUrl. */
import type { Route } from "../../shared/server"
import { sendInvoice } from "../domain/payments"
import { batch, byRegNumber, creditsOfOrder, findInvoice, type InvoicePage } from "../domain/lookups"
import { shaped } from "../answer-shapes"
import { errorResponse } from "../errors"
import { toInvoice, type StoredInvoice } from "../state"
import { escapeHtml } from "../util"
import { queryInt, queryStr } from "../request-fields"
import { validateSend } from "../validation-credits"
import { apiRoute, ok, type PayerContext } from "./common"

function money(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency}`
}

function invoicePage(invoice: StoredInvoice): string {
  const rows = invoice.items
    .map(
      (i) =>
        `<tr><td>${i.position}</td><td>${escapeHtml(i.description)}</td><td>${i.quantity}</td>` +
        `<td>${money(i.subtotalPrice, invoice.currencyCode)}</td><td>${i.vatPercentage / 100} %</td></tr>`,
    )
    .join("")
  const title = `${invoice.type === "CREDIT" ? "Credit invoice" : "Invoice"} ${invoice.invoiceNumber}`
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1><p>Payer sandbox &middot; not a real invoice</p>
<p>OCR: ${invoice.referenceNumber} &middot; Date: ${invoice.invoiceDate} &middot; Due: ${invoice.dueDate} &middot; Status: ${invoice.status}</p>
<table border="1"><tr><th>Pos</th><th>Description</th><th>Qty</th><th>Amount</th><th>VAT</th></tr>${rows}</table>
<p>Total: ${money(invoice.totalAmount, invoice.currencyCode)} (VAT ${money(invoice.totalVatAmount, invoice.currencyCode)})</p>
<p>Outstanding: ${money(invoice.outstandingAmount, invoice.currencyCode)}</p>
</body></html>`
}

export function invoiceRoutes(ctx: PayerContext): Route[] {
  const { store } = ctx
  const lookedUp = (i: StoredInvoice) => shaped(ctx.config.answerShapes.lookups, toInvoice(i, ctx.baseUrl()))
  const pageBody = (p: InvoicePage) => ({
    invoices: p.invoices.map(lookedUp),
    nextInvoiceNumber: p.nextInvoiceNumber,
  })
  return [
    apiRoute(ctx, "GET", "/api/v2/orders/invoices", (req) => {
      const invoice = findInvoice(store, {
        invoiceNumber: queryInt(req.query, "invoiceNumber"),
        referenceId: queryStr(req.query, "referenceId", 64),
        externalInvoiceNumber: queryStr(req.query, "externalInvoiceNumber"),
      })
      return ok(lookedUp(invoice))
    }),
    apiRoute(ctx, "GET", "/api/v2/orders/invoices/batch", (req) =>
      ok(pageBody(batch(store, queryInt(req.query, "fromInvoiceNumber")))),
    ),
    apiRoute(ctx, "GET", "/api/v2/orders/invoices/reg-number", (req) =>
      ok(
        pageBody(
          byRegNumber(
            store,
            queryStr(req.query, "regNumber"),
            queryStr(req.query, "customerVatId"),
            queryInt(req.query, "fromInvoiceNumber"),
          ),
        ),
      ),
    ),
    apiRoute(ctx, "GET", "/api/v2/orders/invoices/credit", (req) => {
      const credits = creditsOfOrder(store, queryInt(req.query, "orderId"), queryStr(req.query, "orderReferenceId", 48))
      return ok({ invoices: credits.map(lookedUp) })
    }),
    apiRoute(
      ctx,
      "PUT",
      "/api/v2/orders/invoices/send",
      (req) => {
        const { invoiceNumber, deliveryType } = validateSend(req.body)
        sendInvoice(store, invoiceNumber, deliveryType)
        return ok()
      },
      { jsonBody: true },
    ),
    {
      // public, no auth: what publicInvoiceUrl points at
      method: "GET",
      pattern: "/invoices/:invoiceNumber/:token",
      handler: (req, params) => {
        const invoice = /^\d+$/.test(params.invoiceNumber)
          ? store.invoices.get(Number(params.invoiceNumber))
          : undefined
        if (!invoice || invoice.publicToken !== params.token) return errorResponse(404, "Invoice not found", req.path)
        return { status: 200, body: invoicePage(invoice), headers: { "content-type": "text/html; charset=utf-8" } }
      },
    },
  ]
}
