/**
 * Conversion between Medusa amounts (major units, arbitrary precision) and the
 * integer minor units that PayEx and Payer expect (öre, cents).
 *
 * Medusa hands amounts over as number, numeric string, its own `BigNumber`, a
 * bignumber.js instance or the raw JSON form `{ value: "10.25", precision: 20 }`.
 * Everything goes through `MathBN` so that 1.005 is treated as the decimal
 * 1.005 (and not the binary float 1.00499999...), which is what a merchant typed.
 */
import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * ISO 4217 minor-unit exponents that differ from the common 2.
 * We follow ISO 4217 (what payment APIs use at the wire), not Medusa's
 * `defaultCurrencies.decimal_digits`, which is a *display* setting and says 0
 * for e.g. HUF and COP although their minor unit is 1/100.
 */
const EXPONENT_BY_CURRENCY: Readonly<Record<string, number>> = {
  // No minor unit.
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // Thousandths.
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // Units of account with four decimals.
  CLF: 4,
  UYW: 4,
}

const DEFAULT_EXPONENT = 2

// bignumber.js ROUND_HALF_UP: "rounds towards nearest neighbour, if equidistant
// rounds away from zero". Spelled as a literal because bignumber.js is not a
// direct dependency of this plugin (we only reach it through MathBN).
const ROUND_HALF_AWAY_FROM_ZERO = 4

/**
 * Number of decimals in the currency's minor unit (SEK 2, JPY 0, KWD 3).
 * Unknown but well-formed codes get 2: that is right for the vast majority of
 * currencies, while a malformed code is almost certainly a programming error
 * (e.g. arguments swapped), so it throws instead of silently guessing.
 */
export function currencyDecimals(currencyCode: string): number {
  if (typeof currencyCode !== "string" || !/^[A-Za-z]{3}$/.test(currencyCode.trim())) {
    throw new Error(`Invalid currency code: ${JSON.stringify(currencyCode)} (expected ISO 4217, e.g. "SEK")`)
  }
  return EXPONENT_BY_CURRENCY[currencyCode.trim().toUpperCase()] ?? DEFAULT_EXPONENT
}

/**
 * Turns any Medusa amount shape into something MathBN reads losslessly.
 * MathBN.convert maps null/undefined to 0 (which would hide bugs) and does not
 * recognise a BigNumber from another copy of @medusajs/utils, so duck-type here.
 */
function normalizeAmountInput(amount: BigNumberInput): BigNumberInput {
  if (amount === null || amount === undefined) {
    throw new Error(`Invalid amount: ${amount}`)
  }
  if (typeof amount === "number" || typeof amount === "string") {
    return amount
  }
  if (typeof amount === "object") {
    if (amount instanceof BigNumber) {
      return amount
    }
    const candidate = amount as {
      value?: unknown
      raw?: { value?: unknown }
      bigNumber?: unknown
      numeric?: unknown
    }
    if (typeof candidate.value === "string" || typeof candidate.value === "number") {
      return { value: candidate.value } // raw form { value, precision }
    }
    if (candidate.raw && (typeof candidate.raw.value === "string" || typeof candidate.raw.value === "number")) {
      return { value: candidate.raw.value } // foreign BigNumber: its raw value is the exact one
    }
    if (candidate.bigNumber && typeof candidate.bigNumber === "object") {
      return candidate.bigNumber as BigNumberInput
    }
    if (typeof (amount as { isNaN?: unknown }).isNaN === "function") {
      return amount // bignumber.js instance
    }
    if (typeof candidate.numeric === "number") {
      return candidate.numeric
    }
  }
  throw new Error(`Invalid amount: ${String(amount)}`)
}

/**
 * Major units -> integer minor units, rounding half away from zero
 * (10.255 SEK -> 1026, -10.255 SEK -> -1026).
 * Throws on NaN, infinities and results beyond Number.MAX_SAFE_INTEGER, since
 * beyond that a JS number can no longer represent every öre.
 */
export function toMinorUnits(amount: BigNumberInput, currencyCode: string): number {
  const exponent = currencyDecimals(currencyCode)
  const value = MathBN.convert(normalizeAmountInput(amount))
  if (value.isNaN() || !value.isFinite()) {
    throw new Error(`Invalid amount: ${String(value)} ${currencyCode} is not a finite number`)
  }
  const minor = value.shiftedBy(exponent).integerValue(ROUND_HALF_AWAY_FROM_ZERO)
  const result = minor.toNumber()
  if (!Number.isSafeInteger(result)) {
    throw new Error(`Amount ${value.toFixed()} ${currencyCode} is too large to be represented exactly in minor units`)
  }
  // Object.is(-0, 0) is false; normalise so -0.001 SEK does not leak a -0.
  return result === 0 ? 0 : result
}

/**
 * Integer minor units -> Medusa BigNumber in major units, exactly
 * (3333 SEK -> 33.33). Division by a power of ten is exact in decimal.
 */
export function fromMinorUnits(minor: number, currencyCode: string): BigNumber {
  if (!Number.isSafeInteger(minor)) {
    throw new Error(`Minor-unit amount must be a safe integer, got ${minor}`)
  }
  const exponent = currencyDecimals(currencyCode)
  return new BigNumber(MathBN.convert(minor).shiftedBy(-exponent))
}

/** A stored amount of minor units as the module service or Medusa's BigNumber columns may hold it. */
export type StoredMinorUnits = number | string | { value: string | number } | null | undefined

/**
 * Integer minor units -> major units as a JSON number (3333 SEK -> 33.33, 123456789012 -> 1234567890.12),
 * shifted in decimal (MathBN), never by float division. The answer stays a number, like Medusa's own admin
 * amounts; it is checked to read back as exactly that decimal (true up to 15 significant digits, i.e. 10^13
 * in a two-decimal currency), and anything that is not a whole, safe number of minor units is an error
 * rather than a rounded answer. A missing amount (null, undefined) reads as 0.
 */
export function majorUnits(minor: StoredMinorUnits, currencyCode: string): number {
  const input = minor === null || minor === undefined ? 0 : typeof minor === "object" ? String(minor.value) : minor
  const value = MathBN.convert(input)
  if (!value.isInteger() || value.abs().gt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`Amount ${value.toFixed()} is not a whole number of minor units within ±${Number.MAX_SAFE_INTEGER}`)
  }
  const major = value.shiftedBy(-currencyDecimals(currencyCode))
  const answer = major.toNumber()
  if (!MathBN.convert(answer).eq(major)) {
    throw new Error(
      `Amount ${major.toFixed()} ${currencyCode.toUpperCase()} cannot be answered exactly as a JSON number`,
    )
  }
  return answer === 0 ? 0 : answer
}

/**
 * Integer minor units as a merchant reads them in a message: "322.30 SEK" (all of the currency's decimals,
 * shifted exactly). For texts only; answers carry numbers.
 */
export function formatMinorUnits(minor: number, currencyCode: string): string {
  const exponent = currencyDecimals(currencyCode)
  return `${MathBN.convert(minor).shiftedBy(-exponent).toFixed(exponent)} ${currencyCode.trim().toUpperCase()}`
}
