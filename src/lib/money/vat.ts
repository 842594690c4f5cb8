/**
 * VAT in the shape PayEx wants it: rates as integer basis points (25 % = 2500)
 * and amounts as gross (VAT included) integer minor units.
 *
 * PayEx checks sum(vatSummary.amount) == amount and
 * sum(vatSummary.vatAmount) == vatAmount, so VAT is computed once per rate
 * group from the group's gross total, never summed from per-line roundings.
 */
import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { allocateProportionally, assertSafeInteger } from "./allocate"

/** Rates the PayEx invoice API accepts, in basis points. */
export const PAYEX_VAT_BASIS_POINTS: readonly number[] = Object.freeze([
  0, 600, 800, 1000, 1200, 1400, 1500, 2200, 2400, 2500,
])

/** True when PayEx accepts this rate (e.g. 2500); lets callers fail before the HTTP call. */
export function isPayexVatBasisPoints(basisPoints: number): boolean {
  return PAYEX_VAT_BASIS_POINTS.includes(basisPoints)
}

/** One VAT rate's share of an amount. `amount` includes VAT; `vatPercent` is in basis points. */
export type VatGroup = { amount: number; vatPercent: number; vatAmount: number }

/** A VAT rate as this plugin stores it: whole basis points from 0 % to 100 % (25 % = 2500). */
export function isBasisPoints(basisPoints: number): boolean {
  return Number.isInteger(basisPoints) && basisPoints >= 0 && basisPoints <= 10000
}

function assertBasisPoints(basisPoints: number): void {
  if (!isBasisPoints(basisPoints)) {
    throw new Error(`VAT rate must be an integer number of basis points in 0..10000, got ${basisPoints}`)
  }
}

/** Basis points -> percent, shifted in decimal (1250 -> 12.5), for answers and messages. */
export function basisPointsToPercent(basisPoints: number | string): number {
  return MathBN.convert(basisPoints).shiftedBy(-2).toNumber()
}

/**
 * Medusa tax rate in percent (25, "12.5", BigNumber) -> basis points (2500, 1250).
 * Decimal-exact via MathBN, so 12.34 becomes 1234 and not 1233.9999.
 * A rate with a fraction of a basis point cannot be sent to PayEx and throws.
 */
export function percentToBasisPoints(rate: BigNumberInput): number {
  if (rate === null || rate === undefined) {
    throw new Error(`Invalid VAT rate: ${rate}`)
  }
  const bp = MathBN.mult(rate, 100)
  if (bp.isNaN() || !bp.isFinite()) {
    throw new Error(`Invalid VAT rate: ${String(rate)}`)
  }
  if (!bp.isInteger()) {
    throw new Error(`VAT rate ${bp.shiftedBy(-2).toFixed()} % is not a whole number of basis points`)
  }
  const result = bp.toNumber()
  assertBasisPoints(result)
  return result === 0 ? 0 : result
}

/**
 * VAT contained in a gross amount: gross * bp / (10000 + bp), halves rounded
 * away from zero, in BigInt so no float ever touches the amount.
 * 125 öre at 25 % -> 25; 1 öre at 25 % -> 0 (0.2 rounds down).
 * A negative gross (credit) gives exactly the negated VAT of the positive gross.
 */
export function vatOfGross(grossMinor: number, basisPoints: number): number {
  assertSafeInteger(grossMinor, "grossMinor")
  assertBasisPoints(basisPoints)
  const negative = grossMinor < 0
  const gross = BigInt(negative ? -grossMinor : grossMinor)
  const bp = BigInt(basisPoints)
  const denominator = 10000n + bp
  const vat = (2n * gross * bp + denominator) / (2n * denominator)
  // Negate as BigInt: -Number(0n) would be -0.
  return Number(negative ? -vat : vat)
}

/**
 * Groups gross lines by VAT rate (highest rate first, as invoices usually list
 * them) and computes each group's VAT from its gross total. Groups whose gross
 * nets to zero carry no information for PayEx and are dropped.
 */
export function summarizeVat(lines: { amount: number; vatBasisPoints: number }[]): VatGroup[] {
  const totals = new Map<number, number>()
  lines.forEach((line, i) => {
    assertSafeInteger(line.amount, `lines[${i}].amount`)
    assertBasisPoints(line.vatBasisPoints)
    const next = (totals.get(line.vatBasisPoints) ?? 0) + line.amount
    assertSafeInteger(next, `VAT group ${line.vatBasisPoints} total`)
    totals.set(line.vatBasisPoints, next)
  })
  return [...totals.entries()]
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => b - a)
    .map(([vatPercent, amount]) => ({ amount, vatPercent, vatAmount: vatOfGross(amount, vatPercent) }))
}

/**
 * Distributes `amount` (e.g. a partial reversal or a manual credit) over the VAT
 * groups of an earlier capture in proportion to their gross amounts, with the
 * exact-sum guarantee of allocateProportionally, and recomputes each group's VAT.
 * Groups that receive nothing are dropped. Groups must not mix signs (a summary
 * of credits, all negative, is fine: proportions are taken on absolute values).
 */
export function splitAmountByVat(amount: number, groups: VatGroup[]): VatGroup[] {
  assertSafeInteger(amount, "amount")
  if (amount === 0) {
    return []
  }
  groups.forEach((g, i) => {
    assertSafeInteger(g.amount, `groups[${i}].amount`)
    assertBasisPoints(g.vatPercent)
  })
  const allNonPositive = groups.every((g) => g.amount <= 0)
  if (!allNonPositive && groups.some((g) => g.amount < 0)) {
    throw new Error("Cannot split an amount over VAT groups with mixed signs")
  }
  const weights = groups.map((g) => (allNonPositive ? -g.amount : g.amount))
  const parts = allocateProportionally(amount, weights)
  return groups
    .map((g, i) => ({ amount: parts[i], vatPercent: g.vatPercent, vatAmount: vatOfGross(parts[i], g.vatPercent) }))
    .filter((g) => g.amount !== 0)
}
