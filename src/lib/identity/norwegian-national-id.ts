/**
 * Norwegian fødselsnummer (11 digits, DDMMYYIIIK1K2) and its variants:
 * D-number (day + 40, foreign residents), H-number (month + 40, health-care
 * assistance numbers) and Skatteetaten's synthetic test numbers from Tenor
 * (month + 80, also combined with a D-number's day + 40).
 * The century is read from the individual number III (Folkeregisteret rules),
 * which matters for 29 February.
 */
import { isValidDate } from "./calendar"

export type NorwegianNationalId = { digits11: string }

const WEIGHTS_K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const WEIGHTS_K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

// 11 digits, optionally split after the birth date by one space or hyphen ("260267 08248").
const FORMAT = /^(\d{6})[ -]?(\d{5})$/

/** Mod-11 check digit; null when the remainder would need the (invalid) digit 10. */
function mod11(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i], 0)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? null : check
}

/** Birth year from two-digit year and individual number, or null for an unallocated combination. */
function birthYear(yy: number, individual: number): number | null {
  if (individual <= 499) {
    return 1900 + yy
  }
  if (individual <= 749 && yy >= 54) {
    return 1800 + yy
  }
  if (yy <= 39) {
    return 2000 + yy // 500..999
  }
  if (individual >= 900) {
    return 1900 + yy // 900..999 with yy 40..99
  }
  return null
}

/**
 * Parses and validates a fødselsnummer, D-number, H-number or synthetic test
 * number: both check digits and a real birth date. Whitespace around the number
 * is ignored. Returns null for anything else.
 */
export function parseNorwegianNationalId(input: string): NorwegianNationalId | null {
  if (typeof input !== "string") {
    return null
  }
  const match = FORMAT.exec(input.trim())
  if (!match) {
    return null
  }
  const digits11 = match[1] + match[2]
  const d = Array.from(digits11, Number)

  if (mod11(d, WEIGHTS_K1) !== d[9] || mod11(d, WEIGHTS_K2) !== d[10]) {
    return null
  }

  let day = d[0] * 10 + d[1]
  let month = d[2] * 10 + d[3]
  const dNumber = day > 40
  if (dNumber) {
    day -= 40
  }
  if (month > 80) {
    month -= 80 // synthetic (Tenor), may also be a D-number
  } else if (month > 40) {
    if (dNumber) {
      return null // a number is either a D-number or an H-number, never both
    }
    month -= 40 // H-number
  }

  const year = birthYear(d[4] * 10 + d[5], d[6] * 100 + d[7] * 10 + d[8])
  if (year === null || !isValidDate(year, month, day)) {
    return null
  }
  return { digits11 }
}
