/**
 * Invoice lines in gross minor units, and the operations a capture needs on
 * them: scaling to a partial amount with an exact sum, summing, and fitting
 * descriptions into the API's length limits.
 */
import { allocateProportionally } from "./allocate"

/** One invoice line: `amount` is gross (VAT included) in minor units; the rate is in basis points. */
export type GrossLine = {
  reference: string
  description: string
  amount: number
  vatBasisPoints: number
}

/** Exact integer sum; throws rather than return an amount a JS number cannot hold to the öre. */
export function sumAmounts(lines: { amount: number }[]): number {
  let sum = 0
  lines.forEach((line, i) => {
    if (!Number.isSafeInteger(line.amount)) {
      throw new Error(`lines[${i}].amount must be a safe integer, got ${line.amount}`)
    }
    sum += line.amount
    if (!Number.isSafeInteger(sum)) {
      throw new Error("Sum of line amounts exceeds the safe integer range")
    }
  })
  return sum
}

/**
 * Lines for a partial capture of `targetAmount` out of the lines' total: the
 * target is spread over the lines in proportion to their amounts, so the
 * returned amounts add up to `targetAmount` exactly and PayEx's
 * sum(itemDescriptions.amount) == amount check holds. Lines that end up at 0
 * are dropped (an invoice row of 0 kr says nothing).
 *
 * Lines must be non-negative: a discount must already be folded into the lines
 * it reduces (Medusa's item totals are after discounts), because a proportional
 * split over mixed signs has no well-defined largest remainder.
 */
export function scaleLines(lines: GrossLine[], targetAmount: number): GrossLine[] {
  if (!Number.isSafeInteger(targetAmount)) {
    throw new Error(`targetAmount must be a safe integer, got ${targetAmount}`)
  }
  const total = sumAmounts(lines)
  lines.forEach((line, i) => {
    if (line.amount < 0) {
      throw new Error(`lines[${i}] has a negative amount (${line.amount}); fold discounts into lines before scaling`)
    }
  })
  if (targetAmount < 0 || targetAmount > total) {
    throw new Error(`Cannot scale lines totalling ${total} to ${targetAmount}: target must be within 0..${total}`)
  }
  if (targetAmount === 0) {
    return []
  }
  const parts = allocateProportionally(
    targetAmount,
    lines.map((line) => line.amount),
  )
  return lines.map((line, i) => ({ ...line, amount: parts[i] })).filter((line) => line.amount !== 0)
}

const ELLIPSIS = "…"

/**
 * Fits free text into an API field of at most `max` characters (PayEx: 40 on
 * the payment description). Whitespace runs (including newlines from product
 * titles) collapse to one space. When cut, the text ends in "…" and is still
 * at most `max` UTF-16 units long (what JS and most JSON validators count),
 * without splitting a surrogate pair. Empty text becomes "-" because the APIs
 * reject empty descriptions.
 */
export function truncateDescription(text: string, max: number): string {
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`max must be a positive integer, got ${max}`)
  }
  const clean = String(text ?? "")
    .replace(/\s+/g, " ")
    .trim()
  if (clean === "") {
    return "-"
  }
  if (clean.length <= max) {
    return clean
  }
  const codePoints = Array.from(clean)
  let cut = ""
  for (const cp of codePoints) {
    if (cut.length + cp.length + ELLIPSIS.length > max) {
      break
    }
    cut += cp
  }
  cut = cut.trimEnd()
  return cut + ELLIPSIS
}
