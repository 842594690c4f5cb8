/**
 * Strict parsing of what an admin types as an amount or a VAT rate: plain decimal notation only
 * (lib/money/decimal says why), at most the currency's decimals; anything else is refused, naming the field.
 */
import { currencyDecimals, plainDecimal, scaledSafeInteger } from "../money"

/** Lists in admin requests (credit lines, credited positions) hold at most this many entries. */
export const MAX_ADMIN_LIST_LENGTH = 100

/** A request value that must not reach Payer; `field` names it (`lines[0].unit_amount`). */
export class AdminInputError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`)
    this.name = "AdminInputError"
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === "number") return String(value)
  return typeof value
}

/**
 * A positive amount in the currency's major units (a JSON number or a string such as "12.50") as integer
 * minor units. At most the currency's decimals; no sign, exponent, hex, binary, whitespace or Infinity.
 */
export function parseMajorAmount(value: unknown, currencyCode: string, field: string): number {
  const decimals = currencyDecimals(currencyCode)
  const text = plainDecimal(value, decimals)
  if (text === null) {
    throw new AdminInputError(
      field,
      `must be a positive amount in ${currencyCode.toUpperCase()} written as digits with at most ${decimals} decimals (e.g. "12.50"), got ${describe(value)}`,
    )
  }
  const result = scaledSafeInteger(text, decimals)
  if (result === null || result <= 0) {
    throw new AdminInputError(
      field,
      `must be greater than 0 and at most ${Number.MAX_SAFE_INTEGER} minor units, got ${describe(value)}`,
    )
  }
  return result
}

/** A VAT rate in percent (0 to 100, at most 2 decimals: 25, "12", 6.5) as basis points. */
export function parseVatPercent(value: unknown, field: string): number {
  const text = plainDecimal(value, 2)
  const basisPoints = text === null ? null : scaledSafeInteger(text, 2)
  if (basisPoints === null || basisPoints < 0 || basisPoints > 10000) {
    throw new AdminInputError(field, `must be a VAT rate from 0 to 100 with at most 2 decimals, got ${describe(value)}`)
  }
  return basisPoints
}

/** A whole number of at least 1 (a quantity or a position), as JSON sends it. */
export function parsePositiveInteger(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new AdminInputError(field, `must be a positive whole number, got ${describe(value)}`)
  }
  return value
}

/** A non-empty list of at most MAX_ADMIN_LIST_LENGTH entries. */
export function parseBoundedList(value: unknown, field: string, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw new AdminInputError(field, `must list at least one ${what}`)
  if (value.length > MAX_ADMIN_LIST_LENGTH) {
    throw new AdminInputError(field, `must list at most ${MAX_ADMIN_LIST_LENGTH} entries, got ${value.length}`)
  }
  return value
}
