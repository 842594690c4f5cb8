import { parseSwedishVatId } from "../vat-id"

describe("parseSwedishVatId", () => {
  it.each([
    ["SE556036079301", "SE556036079301"],
    ["se556036079301", "SE556036079301"],
    ["Se 5560 3607 9301", "SE556036079301"],
    ["  SE556036079301\t", "SE556036079301"],
    ["SE202100548901", "SE202100548901"], // Skatteverket
    ["SE811218987601", "SE811218987601"], // sole trader: personnummer
  ])("accepts %p", (input, normalized) => {
    expect(parseSwedishVatId(input)).toBe(normalized)
  })

  it.each([
    "SE556036079401", // wrong check digit in the organisation number
    "SE556036079302", // suffix must be 01
    "SE55603607930", // too short
    "SE5560360793011",
    "556036079301", // no country prefix
    "NO556036079301",
    "SE556036-079301", // hyphens are not part of the VAT id
    "SE165560360793", // 12-digit organisation number form is not a VAT id
    "SE551301123801", // Luhn-valid but month 13
    "",
    "SE",
    "garbage",
  ])("rejects %p", (input) => {
    expect(parseSwedishVatId(input)).toBeNull()
  })

  it("rejects non-strings", () => {
    expect(parseSwedishVatId(null as unknown as string)).toBeNull()
  })
})
