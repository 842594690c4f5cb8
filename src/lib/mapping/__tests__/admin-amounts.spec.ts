import {
  AdminInputError,
  parseBoundedList,
  parseMajorAmount,
  parsePositiveInteger,
  parseVatPercent,
} from "../admin-amounts"

function fieldOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AdminInputError)
    return (e as AdminInputError).field
  }
  throw new Error("expected an AdminInputError")
}

describe("parseMajorAmount", () => {
  it.each([
    [12.5, "sek", 1250],
    ["12.50", "sek", 1250],
    ["0.01", "sek", 1],
    [648.99, "sek", 64899],
    ["100", "jpy", 100],
    ["1.5", "kwd", 1500],
    ["90071992547409.91", "sek", 9007199254740991],
  ])("reads %j %s as %d minor units", (value, currency, minor) => {
    expect(parseMajorAmount(value, currency, "amount")).toBe(minor)
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
    "0",
    "0.00",
    "",
    "١٢",
    "1_000",
    "12.5.1",
    "90071992547409.92",
  ])("refuses the string %j naming the field", (value) => {
    expect(fieldOf(() => parseMajorAmount(value, "sek", "lines[3].unit_amount"))).toBe("lines[3].unit_amount")
  })

  it.each([[Infinity], [NaN], [-1], [0], [1e21], [1e-7], [0.1 + 0.2], [10.005]])("refuses the number %p", (value) => {
    expect(fieldOf(() => parseMajorAmount(value, "sek", "amount"))).toBe("amount")
  })

  it.each([[null], [undefined], [true], [[5]], [{ value: 5 }]])("refuses %p", (value) => {
    expect(fieldOf(() => parseMajorAmount(value, "sek", "amount"))).toBe("amount")
  })

  it("refuses decimals a currency does not have", () => {
    expect(fieldOf(() => parseMajorAmount("1.5", "jpy", "amount"))).toBe("amount")
  })
})

describe("parseVatPercent", () => {
  it.each([
    [25, 2500],
    ["12", 1200],
    [6.5, 650],
    ["0", 0],
    [100, 10000],
    ["12.34", 1234],
  ])("reads %j as %d basis points", (value, bp) => {
    expect(parseVatPercent(value, "vat")).toBe(bp)
  })

  it.each([["0x19"], ["2.5e1"], [" 25"], ["+25"], [-1], [100.01], [12.345], [""], [null], ["25%"]])(
    "refuses %j",
    (value) => {
      expect(fieldOf(() => parseVatPercent(value, "lines[0].vat_percent"))).toBe("lines[0].vat_percent")
    },
  )
})

describe("parsePositiveInteger and parseBoundedList", () => {
  it("accepts whole numbers from 1 and refuses the rest", () => {
    expect(parsePositiveInteger(3, "q")).toBe(3)
    for (const bad of [0, -1, 1.5, "2", NaN, Infinity, null])
      expect(fieldOf(() => parsePositiveInteger(bad, "items[0].quantity"))).toBe("items[0].quantity")
  })

  it("caps lists at 100 entries", () => {
    expect(parseBoundedList(new Array(100).fill({}), "lines", "line")).toHaveLength(100)
    expect(fieldOf(() => parseBoundedList(new Array(101).fill({}), "lines", "line"))).toBe("lines")
    expect(fieldOf(() => parseBoundedList([], "items", "item"))).toBe("items")
    expect(fieldOf(() => parseBoundedList("x", "items", "item"))).toBe("items")
  })
})
