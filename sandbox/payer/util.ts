/** Small pure helpers: Luhn/OCR, VAT, dates, UUIDs, quantities. */

/** Luhn check digit for a digit string (the digit to append). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new Error(`not a digit string: ${digits}`)
  let sum = 0
  let double = true // the rightmost payload digit is doubled once the check digit is appended
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return (10 - (sum % 10)) % 10
}

export function isLuhnValid(value: string): boolean {
  if (!/^\d{2,}$/.test(value)) return false
  return luhnCheckDigit(value.slice(0, -1)) === Number(value.slice(-1))
}

/** OCR reference of an invoice: its number followed by a Luhn check digit (e.g. 1001 -> "10014"). */
export function ocrReference(invoiceNumber: number): string {
  const base = String(invoiceNumber)
  return base + String(luhnCheckDigit(base))
}

/** VAT contained in an amount incl. VAT; vatPercentage in basis points (2500 = 25 %). */
export function vatAmountOf(amountInclVat: number, vatPercentage: number): number {
  return Math.round((amountInclVat * vatPercentage) / (10000 + vatPercentage))
}

export const QTY_EPSILON = 1e-9

/** Quantities are decimals; keep at most 6 decimals so repeated subtraction stays clean. */
export function roundQuantity(q: number): number {
  return Math.round(q * 1e6) / 1e6
}

/** unitPrice * quantity === subtotalPrice, tolerating binary floating point noise only (0.1 * 30). */
export function subtotalMatches(unitPrice: number, quantity: number, subtotalPrice: number): boolean {
  return Math.abs(unitPrice * quantity - subtotalPrice) < 1e-6
}

export function todayIso(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10)
}

export function addDaysIso(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00.000Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string): boolean {
  return UUID_RE.test(value)
}

/** For matching customers by reg number / VAT id: ignore spaces and dashes, compare upper case. */
export function normaliseIdentifier(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase()
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}
