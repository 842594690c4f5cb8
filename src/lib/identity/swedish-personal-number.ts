/**
 * Swedish personnummer and samordningsnummer (coordination number).
 *
 * PayEx wants the 12-digit form (YYYYMMDDNNNC) for SE invoices, while shoppers
 * type whatever they are used to. The 10-digit form carries no century: the
 * separator says it ("-" under 100 years old, "+" from the 100th birthday), so
 * the century is inferred relative to `today`.
 */
import { dateKey, isValidDate } from "./calendar"
import { luhnChecksumValid } from "./luhn"

export type SwedishPersonalNumber = {
  /** YYYYMMDDNNNC; a samordningsnummer keeps its day + 60. */
  digits12: string
  /** YYMMDD-NNNC, or YYMMDD+NNNC from the holder's 100th birthday. */
  short: string
}

// Samordningsnummer: the day of birth plus 60 (Skatteverket SKV 707).
const COORDINATION_DAY_OFFSET = 60

const SHORT_FORM = /^(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/
const LONG_FORM = /^(\d{4})(\d{2})(\d{2})-?(\d{4})$/

/** Calendar day of birth behind a day field (a samordningsnummer's day + 60 maps back); range is checked later. */
function realDay(dayField: number): number {
  return dayField > COORDINATION_DAY_OFFSET ? dayField - COORDINATION_DAY_OFFSET : dayField
}

/**
 * Latest year ending in `yy` in which the holder is born on or before today
 * (age 0..99), then one century earlier for "+" (age 100..199).
 */
function inferYear(yy: number, month: number, day: number, plus: boolean, todayKey: number): number {
  const todayYear = Math.floor(todayKey / 10000)
  let year = Math.floor(todayYear / 100) * 100 + yy
  if (dateKey(year, month, day) > todayKey) {
    year -= 100
  }
  return plus ? year - 100 : year
}

/**
 * Parses and validates a personnummer or samordningsnummer.
 * Accepts YYMMDD-NNNC, YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC and YYYYMMDD-NNNC
 * with surrounding whitespace. Checks the Luhn digit over the 10-digit form and
 * that the birth date exists and is not in the future. `today` is read in UTC.
 * Returns null for anything else, so callers can show one "invalid" message.
 */
export function parseSwedishPersonalNumber(input: string, today: Date = new Date()): SwedishPersonalNumber | null {
  if (typeof input !== "string") {
    return null
  }
  if (!(today instanceof Date) || Number.isNaN(today.getTime())) {
    throw new Error("parseSwedishPersonalNumber: `today` must be a valid Date")
  }
  const todayKey = dateKey(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate())
  const text = input.trim()

  let year: number
  let month: number
  let dayField: number
  let serial: string
  let plus: boolean

  const short = SHORT_FORM.exec(text)
  const long = short ? null : LONG_FORM.exec(text)
  if (short) {
    month = Number(short[2])
    dayField = Number(short[3])
    serial = short[5]
    plus = short[4] === "+"
    year = inferYear(Number(short[1]), month, realDay(dayField), plus, todayKey)
  } else if (long) {
    year = Number(long[1])
    month = Number(long[2])
    dayField = Number(long[3])
    serial = long[4]
    const day = realDay(dayField)
    // The holder's age decides the separator of the short form.
    plus = dateKey(year + 100, month, day) <= todayKey
    // A date in the future or 200+ years back cannot be written as a short form
    // that means the same person, so it is not a real number.
    if (inferYear(year % 100, month, day, plus, todayKey) !== year) {
      return null
    }
  } else {
    return null
  }

  if (!isValidDate(year, month, realDay(dayField))) {
    return null
  }

  const yymmdd =
    String(year % 100).padStart(2, "0") + String(month).padStart(2, "0") + String(dayField).padStart(2, "0")
  if (!luhnChecksumValid(yymmdd + serial)) {
    return null
  }

  return {
    digits12: String(year).padStart(4, "0") + yymmdd.slice(2) + serial,
    short: `${yymmdd}${plus ? "+" : "-"}${serial}`,
  }
}
