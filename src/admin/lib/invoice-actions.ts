/**
 * Which actions the Payer card offers on a record. Pure. Amounts are compared in integer minor units (shifted
 * exactly from the answer's major units); the server checks everything again.
 */
import type { PayerInvoice } from "./api-types"
import { majorToMinorUnits } from "./money-format"

export type PayerInvoiceAction = "credit" | "sendCopy" | "payWithCredit" | "payout" | "retry"

const positive = (amount: number, digits: number) => (majorToMinorUnits(amount, digits) ?? 0) > 0

/** What remains to credit on an invoice, in minor units: its total less what is credited already. */
export function uncreditedMinorUnits(invoice: Pick<PayerInvoice, "total" | "credited">, digits: number): number {
  const total = majorToMinorUnits(invoice.total, digits) ?? 0
  const credited = majorToMinorUnits(invoice.credited, digits) ?? 0
  return Math.max(0, total - credited)
}

export function invoiceActions(invoice: PayerInvoice, digits: number): PayerInvoiceAction[] {
  const actions: PayerInvoiceAction[] = []
  const issued = invoice.status === "issued" && !!invoice.number
  if (invoice.kind === "invoice" && issued && uncreditedMinorUnits(invoice, digits) > 0) actions.push("credit")
  if (issued) actions.push("sendCopy")
  if (invoice.kind === "credit" && issued && positive(invoice.outstanding, digits)) {
    actions.push("payWithCredit", "payout")
  }
  if (invoice.kind === "invoice" && invoice.status === "failed" && invoice.fulfillment_id) actions.push("retry")
  return actions
}

/** Invoices of the order a credit invoice can pay: issued invoices with something outstanding. */
export function payableInvoices(invoices: PayerInvoice[], digits: number): PayerInvoice[] {
  return invoices.filter(
    (i) => i.kind === "invoice" && i.status === "issued" && !!i.number && positive(i.outstanding, digits),
  )
}

/** The row's stable key: the invoice number, or the record id while it has none (pending, failed). */
export const rowKey = (invoice: Pick<PayerInvoice, "number" | "id">) => invoice.number ?? invoice.id
