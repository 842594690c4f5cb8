/**
 * Calendar checks shared by the Nordic national-id parsers, on plain numbers
 * (no Date objects, so no time zone can shift a birth date).
 */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True when year-month-day is a real date of the Gregorian calendar. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/** A date as a sortable integer YYYYMMDD, for before/after comparisons. */
export function dateKey(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day
}
