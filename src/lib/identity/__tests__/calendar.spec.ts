import { dateKey, daysInMonth, isLeapYear, isValidDate } from "../calendar"

describe("calendar", () => {
  it("knows the Gregorian leap years", () => {
    expect(isLeapYear(2024)).toBe(true)
    expect(isLeapYear(2000)).toBe(true)
    expect(isLeapYear(1900)).toBe(false)
    expect(isLeapYear(2023)).toBe(false)
    expect(isLeapYear(1600)).toBe(true)
  })

  it("knows the month lengths", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
    expect(daysInMonth(2024, 2)).toBe(29)
  })

  it("validates dates", () => {
    expect(isValidDate(2024, 2, 29)).toBe(true)
    expect(isValidDate(2023, 2, 29)).toBe(false)
    expect(isValidDate(1900, 2, 29)).toBe(false)
    expect(isValidDate(2024, 4, 31)).toBe(false)
    expect(isValidDate(2024, 12, 31)).toBe(true)
    expect(isValidDate(2024, 0, 1)).toBe(false)
    expect(isValidDate(2024, 13, 1)).toBe(false)
    expect(isValidDate(2024, 1, 0)).toBe(false)
    expect(isValidDate(2024, 1, 1.5)).toBe(false)
    expect(isValidDate(NaN, 1, 1)).toBe(false)
  })

  it("orders dates with dateKey", () => {
    expect(dateKey(2024, 6, 15)).toBe(20240615)
    expect(dateKey(1999, 12, 31)).toBeLessThan(dateKey(2000, 1, 1))
  })
})
