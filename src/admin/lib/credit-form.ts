/**
 * The credit drawer's form -> the body of POST /admin/payer-invoices/:number/credits. Pure. Quantities are
 * whole numbers, amounts stay the decimal text the merchant typed (the route parses it exactly), and nothing
 * is offered beyond what remains: by line, at most the uncredited quantity of each position.
 */
import type { PayerCreditBody, PayerInvoice, PayerInvoiceLine } from "./api-types"
import { decimalToMinorUnits } from "./money-format"

export type CreditMode = "full" | "by-line" | "manual"

export type ManualLineDraft = { description: string; quantity: string; unitAmount: string; vatPercent: string }

/** Units of a line not credited yet. */
export function remainingQuantity(line: Pick<PayerInvoiceLine, "quantity" | "credited_quantity">): number {
  return Math.max(0, line.quantity - (line.credited_quantity ?? 0))
}

/** The invoice's VAT rates (percent), highest first: a manual credit line may only use one of them. */
export function invoiceVatRates(invoice: Pick<PayerInvoice, "lines">): number[] {
  return [...new Set(invoice.lines.map((line) => line.vat_percent))].sort((a, b) => b - a)
}

/** A whole number of units from what was typed, or null ("", "1.5", "-1", "abc"). */
export function wholeQuantity(text: string): number | null {
  return /^(0|[1-9]\d{0,5})$/.test(text.trim()) ? Number(text.trim()) : null
}

/** By line: a typed quantity is fine when it is a whole number from 0 to what remains of the position. */
export function lineQuantityProblem(text: string, remaining: number): "not-whole" | "too-many" | null {
  if (text.trim() === "") return null
  const quantity = wholeQuantity(text)
  if (quantity === null) return "not-whole"
  return quantity > remaining ? "too-many" : null
}

export function emptyManualLine(vatRates: number[]): ManualLineDraft {
  return {
    description: "",
    quantity: "1",
    unitAmount: "",
    vatPercent: vatRates[0] === undefined ? "" : String(vatRates[0]),
  }
}

/** A manual line is complete: a description, at least one unit, a positive plain decimal, one of the rates. */
export function isManualLineValid(line: ManualLineDraft, digits: number, vatRates: number[]): boolean {
  const quantity = wholeQuantity(line.quantity)
  const unit = decimalToMinorUnits(line.unitAmount.trim(), digits)
  return (
    line.description.trim().length > 0 &&
    quantity !== null &&
    quantity >= 1 &&
    unit !== null &&
    unit > 0 &&
    vatRates.some((rate) => String(rate) === line.vatPercent)
  )
}

/** The request body for the form's state, or null while it is not complete (the submit button stays disabled). */
export function creditBody(input: {
  mode: CreditMode
  invoice: Pick<PayerInvoice, "lines">
  quantities: Record<number, string>
  manualLines: ManualLineDraft[]
  digits: number
}): PayerCreditBody | null {
  if (input.mode === "full") return { type: "full" }
  if (input.mode === "by-line") {
    const items: Array<{ position: number; quantity: number }> = []
    for (const line of input.invoice.lines) {
      const text = input.quantities[line.position] ?? ""
      if (lineQuantityProblem(text, remainingQuantity(line))) return null
      const quantity = wholeQuantity(text) ?? 0
      if (quantity > 0) items.push({ position: line.position, quantity })
    }
    return items.length ? { type: "partial", items } : null
  }
  const rates = invoiceVatRates(input.invoice)
  if (!input.manualLines.length || !input.manualLines.every((l) => isManualLineValid(l, input.digits, rates))) {
    return null
  }
  return {
    type: "manual",
    lines: input.manualLines.map((line) => ({
      description: line.description.trim(),
      quantity: Number(line.quantity.trim()),
      unit_amount: line.unitAmount.trim(),
      vat_percent: Number(line.vatPercent),
    })),
  }
}
