import { BigNumber, MathBN } from "@medusajs/framework/utils"
import { currencyDecimals, formatMinorUnits, fromMinorUnits, majorUnits, toMinorUnits } from "../minor-units"

describe("currencyDecimals", () => {
  it.each([
    ["SEK", 2],
    ["NOK", 2],
    ["DKK", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["USD", 2],
    ["CHF", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["ISK", 0],
    ["CLP", 0],
    ["VND", 0],
    ["BHD", 3],
    ["KWD", 3],
    ["JOD", 3],
    ["OMR", 3],
    ["TND", 3],
    ["CLF", 4],
  ])("%s has %i decimals", (code, decimals) => {
    expect(currencyDecimals(code)).toBe(decimals)
  })

  it("is case-insensitive and ignores surrounding whitespace", () => {
    expect(currencyDecimals("sek")).toBe(2)
    expect(currencyDecimals("jPy")).toBe(0)
    expect(currencyDecimals("kwd")).toBe(3)
    expect(currencyDecimals(" isk ")).toBe(0)
  })

  it("defaults to 2 for unknown but well-formed codes", () => {
    expect(currencyDecimals("XYZ")).toBe(2)
    expect(currencyDecimals("huf")).toBe(2) // ISO 4217 minor unit, not Medusa's display digits
  })

  it.each(["", "SE", "SEKK", "12A", "S-K"])("throws on malformed code %p", (code) => {
    expect(() => currencyDecimals(code)).toThrow(/Invalid currency code/)
  })

  it("throws on a non-string code", () => {
    expect(() => currencyDecimals(undefined as unknown as string)).toThrow(/Invalid currency code/)
    expect(() => currencyDecimals(100 as unknown as string)).toThrow(/Invalid currency code/)
  })
})

describe("toMinorUnits", () => {
  it("converts plain numbers and strings", () => {
    expect(toMinorUnits(33.33, "SEK")).toBe(3333)
    expect(toMinorUnits("33.33", "sek")).toBe(3333)
    expect(toMinorUnits(100, "SEK")).toBe(10000)
    expect(toMinorUnits(0, "SEK")).toBe(0)
    expect(toMinorUnits("0.01", "EUR")).toBe(1)
  })

  it("honours the currency's exponent", () => {
    expect(toMinorUnits(1234, "JPY")).toBe(1234)
    expect(toMinorUnits("1234.5", "JPY")).toBe(1235)
    expect(toMinorUnits("1.234", "KWD")).toBe(1234)
    expect(toMinorUnits("1.2345", "KWD")).toBe(1235)
    expect(toMinorUnits(500, "ISK")).toBe(500)
  })

  it("treats float literals as the decimals they were written as", () => {
    // 1.005 is 1.00499999999999989... in binary; Math.round(1.005 * 100) gives 100.
    expect(Math.round(1.005 * 100)).toBe(100)
    expect(toMinorUnits(1.005, "sek")).toBe(101)
    expect(toMinorUnits(2.675, "SEK")).toBe(268)
    expect(toMinorUnits(1.115, "SEK")).toBe(112)
    expect(toMinorUnits(8.345, "EUR")).toBe(835)
    // 0.1 + 0.2 = 0.30000000000000004: rounds to 30, not something odd.
    expect(toMinorUnits(0.1 + 0.2, "SEK")).toBe(30)
    expect(toMinorUnits(19.99 * 3, "SEK")).toBe(5997) // 59.97000000000001
    expect(toMinorUnits(4.35, "SEK")).toBe(435) // 4.35 * 100 = 434.99999999999994
  })

  it("rounds half away from zero", () => {
    expect(toMinorUnits("10.255", "SEK")).toBe(1026)
    expect(toMinorUnits("10.254999", "SEK")).toBe(1025)
    expect(toMinorUnits("-10.255", "SEK")).toBe(-1026)
    expect(toMinorUnits("-10.254999", "SEK")).toBe(-1025)
    expect(toMinorUnits("0.005", "SEK")).toBe(1)
    expect(toMinorUnits("-0.005", "SEK")).toBe(-1)
  })

  it("never returns -0", () => {
    expect(Object.is(toMinorUnits("-0.001", "SEK"), 0)).toBe(true)
    expect(Object.is(toMinorUnits(-0, "SEK"), 0)).toBe(true)
  })

  it("handles negative amounts (refunds)", () => {
    expect(toMinorUnits(-33.33, "SEK")).toBe(-3333)
    expect(toMinorUnits("-1.005", "SEK")).toBe(-101)
  })

  it("accepts raw { value, precision } objects as Medusa stores them", () => {
    expect(toMinorUnits({ value: "10.25", precision: 20 }, "SEK")).toBe(1025)
    expect(toMinorUnits({ value: "10.250000000000000000", precision: 20 }, "SEK")).toBe(1025)
    expect(toMinorUnits({ value: "99.99" }, "NOK")).toBe(9999)
    expect(toMinorUnits({ value: 12.5, precision: 20 }, "EUR")).toBe(1250)
    expect(toMinorUnits({ value: "-0.015", precision: 20 }, "SEK")).toBe(-2)
    expect(toMinorUnits({ value: "33.3333333333333333", precision: 20 }, "SEK")).toBe(3333)
  })

  it("accepts Medusa BigNumber and bignumber.js values", () => {
    expect(toMinorUnits(new BigNumber(1.005), "SEK")).toBe(101)
    expect(toMinorUnits(new BigNumber("99.99"), "SEK")).toBe(9999)
    expect(toMinorUnits(new BigNumber({ value: "5.5", precision: 20 }), "SEK")).toBe(550)
    expect(toMinorUnits(MathBN.div(100, 3), "SEK")).toBe(3333)
    expect(toMinorUnits(MathBN.convert("7.125"), "SEK")).toBe(713)
  })

  it("accepts a BigNumber-like object from another copy of @medusajs/utils", () => {
    const foreign = {
      numeric: 1.0049999,
      raw: { value: "1.005", precision: 20 },
      toJSON: () => 1.005,
      valueOf: () => 1.005,
    }
    expect(toMinorUnits(foreign, "SEK")).toBe(101)
    const numericOnly = { numeric: 2.5, toJSON: () => 2.5, valueOf: () => 2.5 }
    expect(toMinorUnits(numericOnly, "SEK")).toBe(250)
  })

  it("throws on NaN, non-finite and nonsense input", () => {
    expect(() => toMinorUnits(NaN, "SEK")).toThrow(/Invalid amount/)
    expect(() => toMinorUnits(Infinity, "SEK")).toThrow(/not a finite number/)
    expect(() => toMinorUnits(-Infinity, "SEK")).toThrow(/not a finite number/)
    expect(() => toMinorUnits("abc", "SEK")).toThrow(/not a finite number/)
    expect(() => toMinorUnits("", "SEK")).toThrow(/not a finite number/)
    expect(() => toMinorUnits(null as any, "SEK")).toThrow(/Invalid amount/)
    expect(() => toMinorUnits(undefined as any, "SEK")).toThrow(/Invalid amount/)
    expect(() => toMinorUnits({} as any, "SEK")).toThrow(/Invalid amount/)
    expect(() => toMinorUnits({ value: "x" }, "SEK")).toThrow(/not a finite number/)
  })

  it("throws when the result is not a safe integer", () => {
    expect(toMinorUnits("90071992547409.91", "SEK")).toBe(Number.MAX_SAFE_INTEGER)
    expect(() => toMinorUnits("90071992547409.92", "SEK")).toThrow(/too large/)
    expect(() => toMinorUnits(1e300, "SEK")).toThrow(/too large/)
    expect(() => toMinorUnits("-1e20", "SEK")).toThrow(/too large/)
  })

  it("throws on a bad currency code", () => {
    expect(() => toMinorUnits(1, "")).toThrow(/Invalid currency code/)
  })
})

describe("fromMinorUnits", () => {
  it("converts exactly", () => {
    const sek = fromMinorUnits(3333, "SEK")
    expect(sek).toBeInstanceOf(BigNumber)
    expect(sek.numeric).toBe(33.33)
    expect(MathBN.eq(sek, "33.33")).toBe(true)
    expect(fromMinorUnits(1, "SEK").numeric).toBe(0.01)
    expect(fromMinorUnits(-5, "SEK").numeric).toBe(-0.05)
    expect(fromMinorUnits(0, "SEK").numeric).toBe(0)
    expect(fromMinorUnits(1234, "JPY").numeric).toBe(1234)
    expect(fromMinorUnits(1234, "KWD").numeric).toBe(1.234)
  })

  it("round-trips with toMinorUnits for every öre amount in a range", () => {
    for (let minor = -2000; minor <= 2000; minor += 7) {
      for (const code of ["SEK", "JPY", "KWD"]) {
        expect(toMinorUnits(fromMinorUnits(minor, code), code)).toBe(minor)
      }
    }
    expect(toMinorUnits(fromMinorUnits(Number.MAX_SAFE_INTEGER, "SEK"), "SEK")).toBe(Number.MAX_SAFE_INTEGER)
  })

  it("keeps big amounts exact in the raw value", () => {
    const big = fromMinorUnits(Number.MAX_SAFE_INTEGER, "SEK")
    expect(MathBN.eq(big, "90071992547409.91")).toBe(true)
  })

  it("throws on non-integer or unsafe input", () => {
    expect(() => fromMinorUnits(1.5, "SEK")).toThrow(/safe integer/)
    expect(() => fromMinorUnits(NaN, "SEK")).toThrow(/safe integer/)
    expect(() => fromMinorUnits(2 ** 53, "SEK")).toThrow(/safe integer/)
  })
})

describe("majorUnits", () => {
  it("shifts minor units exactly, beyond 2^31 and with odd öre", () => {
    expect(majorUnits(123456789012, "sek")).toBe(1234567890.12)
    expect(JSON.stringify({ total: majorUnits(123456789013, "SEK") })).toBe('{"total":1234567890.13}')
    expect(majorUnits(2 ** 31 + 1, "sek")).toBe(21474836.49)
    expect(majorUnits(1, "sek")).toBe(0.01)
    expect(majorUnits(-5, "sek")).toBe(-0.05)
    expect(majorUnits(999999999999999, "sek")).toBe(9999999999999.99)
    expect(majorUnits(1234, "isk")).toBe(1234)
  })

  it("reads the stored forms of a numeric column: strings and Medusa's raw { value, precision }", () => {
    expect(majorUnits("123456789012", "sek")).toBe(1234567890.12)
    expect(majorUnits({ value: "123456789012" }, "sek")).toBe(1234567890.12)
    expect(majorUnits({ value: "3333", precision: 20 } as never, "sek")).toBe(33.33)
    expect(majorUnits(null, "sek")).toBe(0)
  })

  it("refuses instead of rounding: fractions of a minor unit, unsafe integers, answers a JSON number cannot hold", () => {
    expect(() => majorUnits(12.5, "sek")).toThrow("Amount 12.5 is not a whole number of minor units")
    expect(() => majorUnits("9007199254740993", "sek")).toThrow(
      "Amount 9007199254740993 is not a whole number of minor units",
    )
    expect(() => majorUnits(9007199254740991, "sek")).toThrow(
      "Amount 90071992547409.91 SEK cannot be answered exactly as a JSON number",
    )
  })
})

describe("formatMinorUnits", () => {
  it("shows every decimal of the currency, exactly", () => {
    expect(formatMinorUnits(32234, "sek")).toBe("322.34 SEK")
    expect(formatMinorUnits(32230, "SEK")).toBe("322.30 SEK")
    expect(formatMinorUnits(5, "eur")).toBe("0.05 EUR")
    expect(formatMinorUnits(-1999, "nok")).toBe("-19.99 NOK")
    expect(formatMinorUnits(123456789012, "sek")).toBe("1234567890.12 SEK")
    expect(formatMinorUnits(500, "jpy")).toBe("500 JPY")
  })
})
