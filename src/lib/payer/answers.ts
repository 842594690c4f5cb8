/**
 * Tolerant readers of Payer's invoice-returning answers.
 *
 * The API text does not show the bodies of the credit calls and of the invoice lookups ("Returns a credit
 * invoice", "Returns an invoice"); Payer's WooCommerce integration reads invoice creation as
 * `{ invoice: {...} }`. So every answer that carries one invoice is accepted in both shapes: the invoice at
 * the top level or under `invoice`. Unknown fields and enum values pass through untouched (Payer says new
 * ones may appear at any time); only what the plugin relies on is checked: a positive integer invoiceNumber.
 */
import type { PayerInvoice, PayerInvoiceBatch } from "./payer-api-types"

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value)
}

/** Payer's invoice numbers are int64; the plugin handles them as safe integers (a digit string is accepted). */
function invoiceNumberOf(value: unknown): number | null {
  const n = typeof value === "string" && /^\d{1,16}$/.test(value.trim()) ? Number(value.trim()) : value
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null
}

function asInvoice(value: unknown): PayerInvoice | null {
  if (!isObject(value)) return null
  const invoiceNumber = invoiceNumberOf(value.invoiceNumber)
  if (invoiceNumber === null) return null
  return (invoiceNumber === value.invoiceNumber ? value : { ...value, invoiceNumber }) as unknown as PayerInvoice
}

/**
 * The one invoice of an answer: `{ invoice: {...} }` or the invoice itself; null when neither shape holds
 * an invoice. A wrapper wins over top-level fields, so `{ invoice, invoiceNumber }` reads the wrapped one.
 */
export function invoiceFromAnswer(body: unknown): PayerInvoice | null {
  if (!isObject(body)) return null
  return asInvoice(body.invoice) ?? asInvoice(body)
}

/** A list answer: `{ invoices: [...] }` or a bare array, each entry in either shape; entries without an invoice are left out. */
export function invoicesFromAnswer(body: unknown): PayerInvoice[] {
  const list = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.invoices) ? body.invoices : []
  const invoices: PayerInvoice[] = []
  for (const entry of list) {
    const invoice = invoiceFromAnswer(entry)
    if (invoice) invoices.push(invoice)
  }
  return invoices
}

/** A page of the batch / reg-number listings; nextInvoiceNumber null when Payer gave none (or nothing usable). */
export function invoicePageFromAnswer(body: unknown): PayerInvoiceBatch {
  const next = isObject(body) ? invoiceNumberOf(body.nextInvoiceNumber) : null
  return { invoices: invoicesFromAnswer(body), nextInvoiceNumber: next }
}
