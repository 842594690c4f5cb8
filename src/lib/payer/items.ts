/**
 * Pure mapping from invoice lines to Payer items. No HTTP, no Medusa.
 *
 * Payer prices are incl. VAT, in cents, and Payer checks
 * subtotalPrice == unitPrice * quantity exactly: it does not round for us. A
 * line of 3 units for 100.00 therefore cannot be one item (33.33 * 3 = 99.99)
 * and becomes two: 2 x 33.33 + 1 x 33.34. Partial credits address items by
 * position, so a caller keeps lineItemId -> positions (one line may own two).
 */
import { allocateProportionally } from "../money/allocate"
import { basisPointsToPercent, isBasisPoints, vatOfGross } from "../money/vat"
import type { PayerItem } from "./payer-api-types"

/** Payer's limit for articleNumber. */
export const MAX_ARTICLE_NUMBER_LENGTH = 64
/** A conservative limit for descriptions (Payer does not publish one). */
export const MAX_DESCRIPTION_LENGTH = 255

export interface InvoiceLineInput {
  /** Medusa line item id; carried through so positions can be traced back. */
  lineItemId?: string
  articleNumber?: string
  description: string
  /** Positive integer. */
  quantity: number
  /** Total incl. VAT for the whole quantity, integer cents, >= 0. */
  grossAmount: number
  /** 25 % = 2500. */
  vatBasisPoints: number
}

export type MappedPayerItem = PayerItem & { lineItemId?: string }

function assertInteger(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${what} must be an integer >= ${min}, got ${value}`)
  }
}

function assertBasisPoints(value: number, what: string): void {
  if (!isBasisPoints(value)) {
    throw new Error(`${what} must be an integer number of basis points in 0..10000 (25 % = 2500), got ${value}`)
  }
}

/**
 * Cuts to at most `max` UTF-16 units (how a Java backend counts length)
 * without splitting a surrogate pair; `marker` shows that text was cut.
 */
function truncate(text: string, max: number, marker = ""): string {
  if (text.length <= max) {
    return text
  }
  let end = max - marker.length
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) {
    end -= 1 // would leave half an emoji behind
  }
  return text.slice(0, end) + marker
}

function cleanDescription(description: string, what: string): string {
  const text = typeof description === "string" ? description.replace(/\s+/g, " ").trim() : ""
  if (text === "") {
    throw new Error(`${what}: description is required`)
  }
  return truncate(text, MAX_DESCRIPTION_LENGTH, "…")
}

/**
 * Payer items for `lines`, positions firstPosition, firstPosition + 1, ...
 * A line whose grossAmount is not divisible by its quantity becomes two items
 * (floor price, then floor + 1 cent) whose subtotals add up to grossAmount.
 */
export function buildPayerItems(lines: InvoiceLineInput[], firstPosition = 1): MappedPayerItem[] {
  assertInteger(firstPosition, "firstPosition", 1)
  const items: MappedPayerItem[] = []
  let position = firstPosition

  lines.forEach((line, index) => {
    const what = `Invoice line ${index}${line.lineItemId ? ` (${line.lineItemId})` : ""}`
    assertInteger(line.quantity, `${what}: quantity`, 1)
    assertInteger(line.grossAmount, `${what}: grossAmount (cents incl. VAT)`, 0)
    assertBasisPoints(line.vatBasisPoints, `${what}: vatBasisPoints`)

    const common = {
      itemType: "FREEFORM" as const,
      ...(line.lineItemId !== undefined && { lineItemId: line.lineItemId }),
      ...(line.articleNumber && { articleNumber: truncate(line.articleNumber.trim(), MAX_ARTICLE_NUMBER_LENGTH) }),
      description: cleanDescription(line.description, what),
      unit: "pcs" as const,
      vatPercentage: line.vatBasisPoints,
    }
    const unitPrice = Math.floor(line.grossAmount / line.quantity)
    const unitsAtOneCentMore = line.grossAmount - unitPrice * line.quantity
    const unitsAtFloor = line.quantity - unitsAtOneCentMore

    if (unitsAtFloor > 0) {
      items.push({
        ...common,
        position: position++,
        quantity: unitsAtFloor,
        unitPrice,
        subtotalPrice: unitPrice * unitsAtFloor,
      })
    }
    if (unitsAtOneCentMore > 0) {
      const price = unitPrice + 1
      items.push({
        ...common,
        position: position++,
        quantity: unitsAtOneCentMore,
        unitPrice: price,
        subtotalPrice: price * unitsAtOneCentMore,
      })
    }
  })
  return items
}

/**
 * Totals of items as Payer will see them: the gross total and the VAT, rounded
 * per item (Payer shows a vatAmount per item, so that is what must add up).
 */
export function sumItems(items: Array<Pick<PayerItem, "subtotalPrice" | "vatPercentage">>): {
  total: number
  vat: number
} {
  let total = 0
  let vat = 0
  for (const item of items) {
    assertInteger(item.subtotalPrice, "subtotalPrice", Number.MIN_SAFE_INTEGER)
    assertBasisPoints(item.vatPercentage, "vatPercentage")
    total += item.subtotalPrice
    vat += vatOfGross(item.subtotalPrice, item.vatPercentage)
  }
  return { total, vat }
}

/**
 * Lines for a manual credit of `amount` (cents incl. VAT, > 0): one line per
 * VAT rate, quantity 1, the amount shared between rates in proportion to
 * what was paid at each rate (`groups`, e.g. the invoice's VAT groups), with
 * the parts adding up to `amount` exactly. `vatPercent` is in basis points
 * (2500), as everywhere else in this plugin. Rates that would get 0 are left out.
 */
export function manualCreditItems(
  amount: number,
  groups: Array<{ amount: number; vatPercent: number }>,
  description: string,
): PayerItem[] {
  assertInteger(amount, "Credit amount (cents incl. VAT)", 1)
  if (!Array.isArray(groups) || groups.length === 0) {
    throw new Error("manualCreditItems needs at least one VAT group")
  }

  // Merge groups of the same rate first: one credit line per rate.
  const paidByRate = new Map<number, number>()
  groups.forEach((group, i) => {
    assertInteger(group.amount, `VAT group ${i}: amount`, 0)
    assertBasisPoints(group.vatPercent, `VAT group ${i}: vatPercent`)
    paidByRate.set(group.vatPercent, (paidByRate.get(group.vatPercent) ?? 0) + group.amount)
  })
  // Highest rate first, as invoices usually list them; makes the output stable.
  const rates = [...paidByRate.keys()].sort((a, b) => b - a)
  const shares = allocateProportionally(
    amount,
    rates.map((rate) => paidByRate.get(rate) as number),
  )

  const text = cleanDescription(description, "Manual credit")
  const lines = rates.map((rate, i) => ({ rate, share: shares[i] })).filter(({ share }) => share > 0)
  return lines.map(({ rate, share }, i) => {
    // With several lines the rate tells them apart for the reader of the invoice,
    // so the rate survives truncation and the text gives way.
    const suffix = lines.length > 1 ? ` (${basisPointsToPercent(rate)} % VAT)` : ""
    return {
      itemType: "FREEFORM" as const,
      position: i + 1,
      description: truncate(text, MAX_DESCRIPTION_LENGTH - suffix.length, "…") + suffix,
      quantity: 1,
      unit: "pcs" as const,
      unitPrice: share,
      subtotalPrice: share,
      vatPercentage: rate,
    }
  })
}
