/**
 * Exact decimal parsing: what a person typed as an amount or a rate, read as the decimal it spells.
 *
 * JavaScript's and bignumber.js' own parsers accept far more than a person means ("0x10" is 16, "1e3" is
 * 1000, " 5 " is 5, "Infinity", "+5"), and a float like 0.1 + 0.2 carries more decimals than any currency.
 * Only plain `digits[.digits]` passes here; scaling it to an integer (major -> minor units, percent ->
 * basis points) is a decimal shift, never a float multiplication.
 */
import { MathBN } from "@medusajs/framework/utils"

/**
 * The value as the plain decimal text it stands for (a JSON number or a string such as "12.50"), or null
 * when it is not `digits[.digits]` with at most `maxDecimals` decimals: no sign, exponent, hex, binary,
 * whitespace, Infinity, leading zeros or more than 18 integer digits.
 */
export function plainDecimal(value: unknown, maxDecimals: number): string | null {
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

/**
 * A decimal text times 10^places (shifted in decimal) as a JS number, or null when the result is not a whole
 * number within ±Number.MAX_SAFE_INTEGER. With plainDecimal's text and places >= its decimals the shift is exact.
 */
export function scaledSafeInteger(text: string, places: number): number | null {
  const scaled = MathBN.convert(text).shiftedBy(places)
  const result = scaled.toNumber()
  return scaled.isInteger() && Number.isSafeInteger(result) ? result : null
}
