/**
 * Strict parsing of what an admin types as an amount or a VAT rate: plain decimal notation only.
 *
 * JavaScript's and bignumber.js' own parsers accept far more than an admin means ("0x10" is 16, "1e3" is
 * 1000, " 5 " is 5, "Infinity", "+5"), and a float like 0.1 + 0.2 carries more decimals than any currency.
 * Anything outside `digits[.digits]` with at most the currency's decimals is refused, naming the field.
 */
import { MathBN } from "@medusajs/framework/utils"
import { currencyDecimals } from "../money/minor-units"

/** Lists in admin requests (credit lines, credited positions) hold at most this many entries. */
export const MAX_ADMIN_LIST_LENGTH = 100

/** A request value that must not reach Payer; `field` names it (`lines[0].unit_amount`). */
export class AdminInputError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`)
    this.name = "AdminInputError"
  }
}

/** The value as the decimal text it stands for, or null when it is not plain decimal notation. */
function decimalText(value: unknown, maxDecimals: number): string | null {
  let text: string
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null
    text = String(value) // exponent notation (1e21, 1e-7) fails the pattern below
  } else if (typeof value === "string") {
    text = value
  } else {
    return null
  }
  const fraction = maxDecimals > 0 ? `(\\.\\d{1,${maxDecimals}})?` : ""
  return new RegExp(`^(0|[1-9]\\d{0,17})${fraction}$`).test(text) ? text : null
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
  const text = decimalText(value, decimals)
  if (text === null) {
    throw new AdminInputError(
      field,
      `must be a positive amount in ${currencyCode.toUpperCase()} written as digits with at most ${decimals} decimals (e.g. "12.50"), got ${describe(value)}`
    )
  }
  const minor = MathBN.convert(text).shiftedBy(decimals)
  const result = minor.toNumber()
  if (!minor.isInteger() || !Number.isSafeInteger(result) || result <= 0) {
    throw new AdminInputError(field, `must be greater than 0 and at most ${Number.MAX_SAFE_INTEGER} minor units, got ${describe(value)}`)
  }
  return result
}

/** A VAT rate in percent (0 to 100, at most 2 decimals: 25, "12", 6.5) as basis points. */
export function parseVatPercent(value: unknown, field: string): number {
  const text = decimalText(value, 2)
  const basisPoints = text === null ? NaN : MathBN.convert(text).shiftedBy(2).toNumber()
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0 || basisPoints > 10000) {
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
