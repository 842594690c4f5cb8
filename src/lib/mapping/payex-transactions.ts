import {
  basisPointsToPercent,
  GrossLine,
  isPayexVatBasisPoints,
  PAYEX_VAT_BASIS_POINTS,
  scaleLines,
  splitAmountByVat,
  sumAmounts,
  summarizeVat,
  truncateDescription,
  VatGroup,
} from "../money"
import type { PayexCaptureRequest, PayexReversalRequest, PayexVatSummaryRow } from "../payex/payex-api-types"

const DESCRIPTION_MAX = 40

export class UnsupportedVatRateError extends Error {}

/**
 * The body of a PayEx capture: item descriptions and a VAT summary built from real order lines, all in
 * minor units, with exact sums (lines = amount = VAT summary amounts; VAT summary VAT = vatAmount).
 * When `amount` is less than the lines' total (a partial capture from the admin), the lines are scaled
 * down proportionally and still add up exactly.
 */
export function buildCaptureRequest(input: {
  lines: GrossLine[]
  amount?: number
  payeeReference: string
  description: string
}): PayexCaptureRequest {
  const total = sumAmounts(input.lines)
  const amount = input.amount ?? total
  if (!Number.isInteger(amount) || amount <= 0)
    throw new Error(`Capture amount must be a positive number of minor units, got ${amount}`)
  const lines = amount === total ? input.lines.filter((l) => l.amount !== 0) : scaleLines(input.lines, amount)
  for (const l of lines) {
    if (!isPayexVatBasisPoints(l.vatBasisPoints)) {
      throw new UnsupportedVatRateError(
        `PayEx does not accept a VAT rate of ${basisPointsToPercent(l.vatBasisPoints)}% (line "${l.description}"); supported: ${PAYEX_VAT_BASIS_POINTS.map(basisPointsToPercent).join(", ")}%`,
      )
    }
  }
  const vatSummary = summarizeVat(lines.map((l) => ({ amount: l.amount, vatBasisPoints: l.vatBasisPoints })))
  return {
    transaction: {
      activity: "FinancingConsumer",
      amount,
      vatAmount: vatSummary.reduce((s, g) => s + g.vatAmount, 0),
      payeeReference: input.payeeReference,
      description: truncateDescription(input.description, DESCRIPTION_MAX),
      itemDescriptions: lines.map((l) => ({
        amount: l.amount,
        description: truncateDescription(l.description, DESCRIPTION_MAX),
      })),
      vatSummary,
    },
  }
}

/** Adds up the VAT summaries of several captures into one group per rate. */
export function mergeVatSummaries(summaries: PayexVatSummaryRow[][]): VatGroup[] {
  const byRate = new Map<number, VatGroup>()
  for (const row of summaries.flat()) {
    const g = byRate.get(row.vatPercent) ?? { amount: 0, vatPercent: row.vatPercent, vatAmount: 0 }
    g.amount += row.amount
    g.vatAmount += row.vatAmount
    byRate.set(row.vatPercent, g)
  }
  return [...byRate.values()].filter((g) => g.amount !== 0).sort((a, b) => b.vatPercent - a.vatPercent)
}

/** A reversal of `amount`, its VAT split in proportion to what was captured at each rate. */
export function buildReversalRequest(input: {
  amount: number
  captured: VatGroup[]
  payeeReference: string
  description: string
}): PayexReversalRequest {
  if (!Number.isInteger(input.amount) || input.amount <= 0) {
    throw new Error(`Reversal amount must be a positive number of minor units, got ${input.amount}`)
  }
  const vatAmount = input.captured.length
    ? splitAmountByVat(input.amount, input.captured).reduce((s, g) => s + g.vatAmount, 0)
    : 0
  return {
    transaction: {
      activity: "FinancingConsumer",
      amount: input.amount,
      vatAmount,
      payeeReference: input.payeeReference,
      description: truncateDescription(input.description, DESCRIPTION_MAX),
    },
  }
}
