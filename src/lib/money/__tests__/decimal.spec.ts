import { plainDecimal, scaledSafeInteger } from "../decimal"

describe("plainDecimal", () => {
  it.each([
    [12.5, 2, "12.5"],
    ["12.50", 2, "12.50"],
    ["0", 2, "0"],
    ["100", 0, "100"],
    [648.99, 2, "648.99"],
    ["1.500", 3, "1.500"],
  ])("reads %j (at most %i decimals) as %j", (value, decimals, text) => {
    expect(plainDecimal(value, decimals)).toBe(text)
  })

  it.each([
    "0x10",
    "0b1",
    "0o7",
    "1e3",
    "1E3",
    "Infinity",
    "-Infinity",
    "NaN",
    "+5",
    "-5",
    " 5",
    "5 ",
    "5\n",
    "\t5",
    "5.",
    ".5",
    "1,5",
    "05",
    "1.001",
    "",
    "١٢",
    "1_000",
    "12.5.1",
    "1234567890123456789",
  ])("refuses the string %j", (value) => {
    expect(plainDecimal(value, 2)).toBeNull()
  })

  it.each([[Infinity], [NaN], [-1], [1e21], [1e-7], [0.1 + 0.2], [null], [undefined], [true], [[5]], [{ value: 5 }]])(
    "refuses %p",
    (value) => {
      expect(plainDecimal(value, 2)).toBeNull()
    },
  )

  it("allows no decimal point where the currency has no decimals", () => {
    expect(plainDecimal("1.5", 0)).toBeNull()
    expect(plainDecimal("15", 0)).toBe("15")
  })
})

describe("scaledSafeInteger", () => {
  it("shifts in decimal, never through a float", () => {
    expect(scaledSafeInteger("648.99", 2)).toBe(64899)
    expect(scaledSafeInteger("12.34", 2)).toBe(1234)
    expect(scaledSafeInteger("1.5", 3)).toBe(1500)
    expect(scaledSafeInteger("90071992547409.91", 2)).toBe(9007199254740991)
  })

  it("is null for a fraction left over or beyond the safe integers", () => {
    expect(scaledSafeInteger("1.005", 2)).toBeNull()
    expect(scaledSafeInteger("90071992547409.92", 2)).toBeNull()
  })
})
