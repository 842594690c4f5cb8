// Amounts: the Store API answers major units as JSON numbers (2594.9); the page turns them into integer minor units
// once, at the boundary, and formats only those.

const DECIMALS = 2 // SEK, NOK and EUR

export function toMinor(major: number | string | null | undefined): number {
  const n = Number(major ?? 0)
  if (!Number.isFinite(n)) throw new Error("not an amount")
  return Math.round(n * 10 ** DECIMALS)
}

export function formatMinor(minor: number, currency: string, locale = "sv-SE"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(
    minor / 10 ** DECIMALS,
  )
}

export const LOCALE_BY_COUNTRY: Record<string, string> = { se: "sv-SE", no: "nb-NO", fi: "fi-FI" }
