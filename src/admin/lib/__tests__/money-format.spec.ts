import {
  currencyDigits,
  decimalToMinorUnits,
  formatMajorUnits,
  formatMinorUnits,
  intlLocale,
  majorToMinorUnits,
  minorUnitsToDecimal,
} from "../money-format"

// Intl separates groups and the currency with non-breaking spaces; compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ")

describe("minorUnitsToDecimal", () => {
  it.each([
    [31666, 2, "316.66"],
    [5, 2, "0.05"],
    [0, 2, "0.00"],
    [-5, 2, "-0.05"],
    [-123456, 2, "-1234.56"],
    [7, 0, "7"],
    [1234, 3, "1.234"],
    [9007199254740991, 2, "90071992547409.91"],
  ])("%d with %d digits is %s", (minor, digits, expected) => {
    expect(minorUnitsToDecimal(minor, digits)).toBe(expected)
  })

  it("refuses a fraction of a minor unit", () => {
    expect(() => minorUnitsToDecimal(12.5, 2)).toThrow("not a whole number")
  })
})

describe("decimalToMinorUnits and majorToMinorUnits", () => {
  it.each([
    ["12.5", 2, 1250],
    ["12.50", 2, 1250],
    ["12", 2, 1200],
    ["0.01", 2, 1],
    ["7", 0, 7],
  ])("%s with %d digits is %d", (text, digits, expected) => {
    expect(decimalToMinorUnits(text, digits)).toBe(expected)
  })

  it.each(["12.505", "-1", "+1", "1e3", " 1", "0x10", "", ".5", "1.", "Infinity", "1,50", "012.5"])(
    "refuses %j",
    (text) => {
      expect(decimalToMinorUnits(text, 2)).toBeNull()
    },
  )

  it("shifts Payer's major-unit numbers exactly, where a float multiplication would not", () => {
    expect(majorToMinorUnits(0.29, 2)).toBe(29) // 0.29 * 100 = 28.999999999999996
    expect(majorToMinorUnits(1234567890.12, 2)).toBe(123456789012)
    expect(majorToMinorUnits(-316.66, 2)).toBe(-31666)
    expect(majorToMinorUnits(0.001, 2)).toBeNull()
    expect(majorToMinorUnits(Number.NaN, 2)).toBeNull()
  })
})

describe("currencyDigits", () => {
  it("asks Intl how many decimals a currency has", () => {
    expect(currencyDigits("sek")).toBe(2)
    expect(currencyDigits("JPY")).toBe(0)
    expect(currencyDigits("KWD")).toBe(3)
    expect(currencyDigits("not a code")).toBe(2)
  })
})

describe("formatMinorUnits and formatMajorUnits", () => {
  it("formats minor units in the currency and the language", () => {
    expect(plain(formatMinorUnits(31666, "sek", "sv-SE"))).toBe("316,66 kr")
    expect(plain(formatMinorUnits(31666, "SEK", "en"))).toBe("SEK 316.66")
    expect(plain(formatMinorUnits(123456789012, "sek", "sv"))).toBe("1 234 567 890,12 kr")
    expect(plain(formatMinorUnits(500, "jpy", "en"))).toBe("¥500")
  })

  it("keeps every öre of an amount beyond what a float holds to two decimals", () => {
    expect(plain(formatMinorUnits(9007199254740991, "sek", "en"))).toBe("SEK 90,071,992,547,409.91")
  })

  it("formats the Payer routes' major units through the same exact path", () => {
    expect(plain(formatMajorUnits(0.29, "sek", "sv-SE"))).toBe("0,29 kr")
    expect(plain(formatMajorUnits(-316.66, "sek", "en"))).toBe("-SEK 316.66")
  })

  it("still shows an amount with a currency code Intl does not know", () => {
    expect(formatMinorUnits(1250, "x1", "en")).toBe("12.50 X1")
  })
})

describe("intlLocale", () => {
  it("turns the dashboard's language codes into BCP 47 tags", () => {
    expect(intlLocale("enGB")).toBe("en-GB")
    expect(intlLocale("sv")).toBe("sv")
    expect(intlLocale("zhCN")).toBe("zh-CN")
    expect(intlLocale(undefined)).toBe("en")
    expect(intlLocale("!!")).toBe("en")
  })
})
