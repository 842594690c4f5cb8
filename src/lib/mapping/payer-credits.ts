/**
 * Pure credit planning for Payer B2B invoices: no HTTP, no Medusa containers.
 *
 * - planRefundCredits: a Medusa refund (minor units) -> the Payer credits that carry it. Invoices are
 *   credited oldest first; each invoice whose remaining amount the refund still covers gets a full credit,
 *   and what is left after that becomes manual credit lines on the next invoice, split over the VAT rates
 *   of what is still uncredited on it. A refund larger than everything that remains is refused.
 * - validateCreditRequest: an admin credit (`full`, `partial` by position, `manual` lines in major units)
 *   checked against one invoice, BEFORE anything is sent to Payer. Errors name the offending field.
 *
 * Amounts are integer minor units incl. VAT; VAT rates are basis points (25 % = 2500), as in the records.
 */
import { sliceOfTotal } from "../money/allocate"
import { formatMinorUnits } from "../money/minor-units"
import { summarizeVat } from "../money/vat"
import { manualCreditItems, MAX_DESCRIPTION_LENGTH } from "../payer/items"
import type { PayerItem } from "../payer/payer-api-types"
import type { PayerInvoiceLineRow, RowWith } from "./payer-invoice-rows"
import {
  AdminInputError,
  parseBoundedList,
  parseMajorAmount,
  parsePositiveInteger,
  parseVatPercent,
} from "./admin-amounts"

/** What crediting reads of an invoice line (a payer_invoice_line row). */
export type CreditableLine = RowWith<
  PayerInvoiceLineRow,
  "position" | "quantity" | "credited_quantity" | "unit_amount" | "total_amount" | "vat_basis_points"
>

/** An issued invoice as far as crediting is concerned (a payer_invoice record of kind "invoice"). */
export interface CreditableInvoice {
  id: string
  invoice_number: string
  /** For messages in the merchant's terms (major units); amounts here are minor units. */
  currency_code?: string
  total_amount: number
  /** Everything credited so far, standalone credits included (Payer counts those too). */
  credited_amount: number
  lines: CreditableLine[]
}

export type PlannedCredit =
  | { type: "full"; invoice_id: string; invoice_number: string; amount: number }
  | {
      type: "partial"
      invoice_id: string
      invoice_number: string
      amount: number
      items: Array<{ position: number; quantity: number }>
    }
  | { type: "manual"; invoice_id: string; invoice_number: string; amount: number; items: PayerItem[] }

export type AdminCreditRequest =
  | { type: "full" }
  | { type: "partial"; items: Array<{ position: unknown; quantity: unknown }> }
  | {
      type: "manual"
      lines: Array<{ description: unknown; quantity: unknown; unit_amount: unknown; vat_percent: unknown }>
    }

/** A request that must not reach Payer; `field` is the path of what is wrong (`items[0].quantity`). */
export const CreditRequestError = AdminInputError
export type CreditRequestError = AdminInputError

const isPositiveInteger = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0

/** What can still be credited on an invoice, never negative. */
export function remainingToCredit(invoice: Pick<CreditableInvoice, "total_amount" | "credited_amount">): number {
  return Math.max(0, invoice.total_amount - invoice.credited_amount)
}

/** Units of a position not yet credited by position (full or partial credits). */
export function remainingQuantity(line: Pick<CreditableLine, "quantity" | "credited_quantity">): number {
  return Math.max(0, line.quantity - Math.min(line.quantity, Math.max(0, line.credited_quantity ?? 0)))
}

/** The uncredited amount of a position: its total minus the slice of the units already credited. */
function remainingLineAmount(line: CreditableLine): number {
  const credited = line.quantity - remainingQuantity(line)
  return line.total_amount - sliceOfTotal(line.total_amount, line.quantity, 0, credited)
}

/**
 * VAT groups to split a manual credit of this invoice over: what is still uncredited per rate (positions
 * credited by a full or partial credit no longer weigh in), or the invoice's own groups if nothing is left
 * per position. Throws when the invoice has no lines at all.
 */
export function remainingVatGroups(invoice: CreditableInvoice): Array<{ amount: number; vatPercent: number }> {
  if (!invoice.lines?.length) {
    throw new Error(`Invoice ${invoice.invoice_number} has no lines to split a credit's VAT over`)
  }
  const remaining = summarizeVat(
    invoice.lines.map((l) => ({ amount: remainingLineAmount(l), vatBasisPoints: l.vat_basis_points })),
  ).filter((g) => g.amount > 0)
  const groups = remaining.length
    ? remaining
    : summarizeVat(invoice.lines.map((l) => ({ amount: l.total_amount, vatBasisPoints: l.vat_basis_points })))
  return groups.filter((g) => g.amount > 0).map(({ amount, vatPercent }) => ({ amount, vatPercent }))
}

const byInvoiceNumber = (a: CreditableInvoice, b: CreditableInvoice) =>
  Number(a.invoice_number) - Number(b.invoice_number)

/**
 * The credits that carry a refund of `amountMinor`: full credits of the oldest invoices it covers, then
 * manual lines (VAT split) on the next one. Throws (field `amount`) when the refund is not positive or
 * exceeds everything that remains to be credited.
 */
export function planRefundCredits(
  invoices: CreditableInvoice[],
  amountMinor: number,
  description = "Refund",
): PlannedCredit[] {
  if (!isPositiveInteger(amountMinor)) {
    throw new CreditRequestError("amount", `must be a positive whole number of minor units, got ${amountMinor}`)
  }
  const open = [...invoices].sort(byInvoiceNumber).filter((inv) => remainingToCredit(inv) > 0)
  const available = open.reduce((sum, inv) => sum + remainingToCredit(inv), 0)
  if (amountMinor > available) {
    const currency = invoices.find((inv) => inv.currency_code)?.currency_code
    throw new CreditRequestError(
      "amount",
      `the refund of ${shownAmount(amountMinor, currency)} exceeds what remains to credit on the order's Payer invoices (${shownAmount(available, currency)})`,
    )
  }
  const plan: PlannedCredit[] = []
  let rest = amountMinor
  for (const inv of open) {
    if (rest === 0) break
    const remaining = remainingToCredit(inv)
    const base = { invoice_id: inv.id, invoice_number: inv.invoice_number }
    if (rest >= remaining) {
      plan.push({ type: "full", ...base, amount: remaining })
      rest -= remaining
    } else {
      const items = manualCreditItems(rest, remainingVatGroups(inv), description)
      plan.push({ type: "manual", ...base, amount: rest, items })
      rest = 0
    }
  }
  return plan
}

function fullCredit(invoice: CreditableInvoice): PlannedCredit {
  const remaining = remainingToCredit(invoice)
  if (remaining <= 0) {
    throw new CreditRequestError("type", `invoice ${invoice.invoice_number} is fully credited; nothing remains`)
  }
  return { type: "full", invoice_id: invoice.id, invoice_number: invoice.invoice_number, amount: remaining }
}

function partialCredit(invoice: CreditableInvoice, rawItems: unknown): PlannedCredit {
  parseBoundedList(rawItems, "items", "{ position, quantity }")
  const seen = new Set<number>()
  let amount = 0
  const items = (rawItems as unknown[]).map((raw, i) => {
    const { position: rawPosition, quantity: rawQuantity } = (raw ?? {}) as { position?: unknown; quantity?: unknown }
    const position = parsePositiveInteger(rawPosition, `items[${i}].position`)
    const line = invoice.lines.find((l) => l.position === position)
    if (!line) {
      throw new CreditRequestError(
        `items[${i}].position`,
        `invoice ${invoice.invoice_number} has no position ${position}`,
      )
    }
    if (seen.has(position)) {
      throw new CreditRequestError(`items[${i}].position`, `position ${position} is listed more than once`)
    }
    seen.add(position)
    const quantity = parsePositiveInteger(rawQuantity, `items[${i}].quantity`)
    const left = remainingQuantity(line)
    if (quantity > left) {
      throw new CreditRequestError(
        `items[${i}].quantity`,
        `${quantity} exceeds what remains to credit on position ${position} (${left})`,
      )
    }
    // As Payer: unit price x quantity, except the part completing a position takes exactly what is left.
    amount +=
      quantity === left ? line.total_amount - line.unit_amount * (line.quantity - left) : line.unit_amount * quantity
    return { position, quantity }
  })
  assertWithinRemaining(invoice, amount, "items")
  return { type: "partial", invoice_id: invoice.id, invoice_number: invoice.invoice_number, amount, items }
}

function manualCredit(invoice: CreditableInvoice, rawLines: unknown, currencyCode: string): PlannedCredit {
  parseBoundedList(rawLines, "lines", "{ description, quantity, unit_amount, vat_percent }")
  const items: PayerItem[] = (rawLines as unknown[]).map((raw, i) => {
    const line = (raw ?? {}) as Record<string, unknown>
    const description = typeof line.description === "string" ? line.description.replace(/\s+/g, " ").trim() : ""
    if (!description) throw new CreditRequestError(`lines[${i}].description`, "is required")
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      throw new CreditRequestError(`lines[${i}].description`, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`)
    }
    const quantity = parsePositiveInteger(line.quantity, `lines[${i}].quantity`)
    const unitPrice = parseMajorAmount(line.unit_amount, currencyCode, `lines[${i}].unit_amount`)
    const vatPercentage = parseVatPercent(line.vat_percent, `lines[${i}].vat_percent`)
    const subtotalPrice = unitPrice * quantity
    if (!Number.isSafeInteger(subtotalPrice)) {
      throw new CreditRequestError(`lines[${i}].quantity`, "quantity times unit_amount is too large")
    }
    return {
      itemType: "FREEFORM" as const,
      position: i + 1,
      description,
      quantity,
      unit: "pcs" as const,
      unitPrice,
      subtotalPrice,
      vatPercentage,
    }
  })
  const amount = items.reduce((sum, item) => sum + item.subtotalPrice, 0)
  assertWithinRemaining(invoice, amount, "lines")
  return { type: "manual", invoice_id: invoice.id, invoice_number: invoice.invoice_number, amount, items }
}

function assertWithinRemaining(invoice: CreditableInvoice, amount: number, field: string): void {
  const remaining = remainingToCredit(invoice)
  if (amount > remaining) {
    throw new CreditRequestError(
      field,
      `the credit of ${shownAmount(amount, invoice.currency_code)} exceeds what remains to credit on invoice ${invoice.invoice_number} (${shownAmount(remaining, invoice.currency_code)})`,
    )
  }
}

/** An amount as the merchant reads it ("322.34 SEK"); the bare minor units where the currency is not known. */
function shownAmount(minor: number, currencyCode: string | undefined): string {
  return currencyCode ? formatMinorUnits(minor, currencyCode) : String(minor)
}

/**
 * Checks an admin credit request against one invoice and returns exactly what will be sent to Payer
 * (amounts in minor units). Throws CreditRequestError naming the field; nothing may be sent then.
 */
export function validateCreditRequest(
  invoice: CreditableInvoice,
  request: AdminCreditRequest,
  currencyCode: string,
): PlannedCredit {
  switch ((request as { type?: unknown })?.type) {
    case "full":
      return fullCredit(invoice)
    case "partial":
      return partialCredit(invoice, (request as { items?: unknown }).items)
    case "manual":
      return manualCredit(invoice, (request as { lines?: unknown }).lines, currencyCode)
    default:
      throw new CreditRequestError("type", `must be "full", "partial" or "manual"`)
  }
}
