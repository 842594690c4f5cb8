/**
 * Amounts on the admin cards, formatted with Intl without float arithmetic: minor units become a decimal
 * string by moving the decimal point (as many places as Intl gives the currency), and Intl formats that string
 * exactly. What a merchant types is checked as a plain decimal and compared in integer minor units.
 */

/** Dashboard language codes such as "enGB" or "ptBR" as BCP 47 tags ("en-GB"); anything unusable becomes "en". */
export function intlLocale(language: string | undefined): string {
  const tag = (language ?? "").replace(/^([a-z]{2,3})([A-Z]{2})$/, "$1-$2")
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? "en"
  } catch {
    return "en"
  }
}

/** How many decimals the currency has (SEK 2, JPY 0, KWD 3), as Intl knows it; 2 for an unknown code. */
export function currencyDigits(currency: string): number {
  try {
    const { maximumFractionDigits } = new Intl.NumberFormat("en", {
      style: "currency",
      currency: currency.toUpperCase(),
    }).resolvedOptions()
    return maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** 12345 minor units with 2 digits -> "123.45"; -5 -> "-0.05"; 7 with 0 digits -> "7". Exact. */
export function minorUnitsToDecimal(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not a whole number of minor units: ${minor}`)
  const sign = minor < 0 ? "-" : ""
  const units = String(Math.abs(minor)).padStart(digits + 1, "0")
  if (digits === 0) return sign + units
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`
}

/**
 * "123.45" with 2 digits -> 12345; null unless it is a plain decimal (digits, at most `digits` decimals, no sign,
 * exponent, spaces or leading zeros) within safe integers. Also reads Payer's major-unit JSON numbers (their String form).
 */
export function decimalToMinorUnits(text: string, digits: number): number | null {
  // The same plain decimal the admin routes accept: no leading zeros, sign, exponent or spaces.
  const pattern = digits > 0 ? new RegExp(`^(0|[1-9]\\d*)(?:\\.(\\d{1,${digits}}))?$`) : /^(0|[1-9]\d*)$/
  const match = pattern.exec(text)
  if (!match) return null
  const minor = Number(`${match[1]}${(match[2] ?? "").padEnd(digits, "0")}`)
  return Number.isSafeInteger(minor) ? minor : null
}

/** A major-unit amount as the admin API answers it (a JSON number) in minor units; null when it is not exact. */
export function majorToMinorUnits(amount: number, digits: number): number | null {
  if (!Number.isFinite(amount)) return null
  const negative = amount < 0
  const minor = decimalToMinorUnits(String(Math.abs(amount)), digits)
  return minor === null ? null : negative ? -minor : minor
}

function formatter(currency: string, locale: string): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() })
  } catch {
    return null
  }
}

/** An integer amount in minor units in the currency, e.g. 31666 SEK -> "SEK 316.66" (en) / "316,66 kr" (sv). */
export function formatMinorUnits(minor: number, currency: string, locale: string): string {
  const decimal = minorUnitsToDecimal(minor, currencyDigits(currency))
  const format = formatter(currency, locale)
  // Intl formats a decimal string exactly (ES2023), where a float could round.
  return format ? format.format(decimal as Intl.StringNumericLiteral) : `${decimal} ${currency.toUpperCase()}`
}

/** A major-unit amount from the Payer routes (a JSON number shifted exactly from minor units), formatted. */
export function formatMajorUnits(amount: number, currency: string, locale: string): string {
  const minor = majorToMinorUnits(amount, currencyDigits(currency))
  if (minor !== null) return formatMinorUnits(minor, currency, locale)
  const format = formatter(currency, locale)
  return format ? format.format(amount) : `${amount} ${currency.toUpperCase()}`
}
