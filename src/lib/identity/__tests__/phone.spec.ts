import { normalizeMsisdn } from "../phone"

describe("normalizeMsisdn", () => {
  describe("Sweden", () => {
    it.each([
      ["0701234567", "+46701234567"],
      ["070-123 45 67", "+46701234567"],
      ["070 123 45 67", "+46701234567"],
      ["(070) 123-45-67", "+46701234567"],
      ["070.123.45.67", "+46701234567"],
      ["+46701234567", "+46701234567"],
      ["+46 70 123 45 67", "+46701234567"],
      ["+46 (0)70-123 45 67", "+46701234567"],
      ["+460701234567", "+46701234567"],
      ["0046701234567", "+46701234567"],
      ["0046 70 123 45 67", "+46701234567"],
      ["  0739000001  ", "+46739000001"],
      ["+46739000001", "+46739000001"], // PayEx test MSISDN
      ["0721234567", "+46721234567"],
      ["0761234567", "+46761234567"],
      ["0791234567", "+46791234567"],
      ["701234567", "+46701234567"], // without the trunk 0
    ])("%p -> %s", (input, expected) => {
      expect(normalizeMsisdn(input, "SE")).toBe(expected)
    })

    it.each([
      "08-123 456 78", // Stockholm landline
      "0311234567", // Gothenburg landline
      "0771234567", // non-geographic
      "0741234567",
      "070123456", // too short
      "07012345678", // too long
      "+4670123456",
      "+46 8 123 456 78",
    ])("rejects %p", (input) => {
      expect(normalizeMsisdn(input, "SE")).toBeNull()
    })
  })

  describe("Norway", () => {
    it.each([
      ["98765432", "+4798765432"],
      ["987 65 432", "+4798765432"],
      ["+4798765432", "+4798765432"], // PayEx test MSISDN
      ["+47 987 65 432", "+4798765432"],
      ["004798765432", "+4798765432"],
      ["41234567", "+4741234567"],
    ])("%p -> %s", (input, expected) => {
      expect(normalizeMsisdn(input, "NO")).toBe(expected)
    })

    it.each(["22123456", "9876543", "987654321", "098765432", "+47 22 12 34 56"])("rejects %p", (input) => {
      expect(normalizeMsisdn(input, "NO")).toBeNull()
    })
  })

  describe("Finland", () => {
    it.each([
      ["0401234567", "+358401234567"],
      ["040 123 4567", "+358401234567"],
      ["050 123 4567", "+358501234567"],
      ["045 1234567", "+358451234567"],
      ["+358 40 123 4567", "+358401234567"],
      ["+3580401234567", "+358401234567"],
      ["00358401234567", "+358401234567"],
      ["0401234", "+358401234"], // short but existing old numbering
    ])("%p -> %s", (input, expected) => {
      expect(normalizeMsisdn(input, "FI")).toBe(expected)
    })

    it.each(["09 1234567", "+358 9 1234567", "040123", "04012345678901", "0601234567"])("rejects %p", (input) => {
      expect(normalizeMsisdn(input, "FI")).toBeNull()
    })
  })

  it("lets an explicit country code win over the default country", () => {
    expect(normalizeMsisdn("+4798765432", "SE")).toBe("+4798765432")
    expect(normalizeMsisdn("+46701234567", "NO")).toBe("+46701234567")
    expect(normalizeMsisdn("00358401234567", "SE")).toBe("+358401234567")
  })

  it("applies the default country to national forms only", () => {
    expect(normalizeMsisdn("0701234567", "NO")).toBeNull()
    expect(normalizeMsisdn("98765432", "SE")).toBeNull()
    expect(normalizeMsisdn("0401234567", "SE")).toBeNull()
  })

  it("rejects numbers of other countries", () => {
    expect(normalizeMsisdn("+4520123456", "SE")).toBeNull() // Denmark
    expect(normalizeMsisdn("+491701234567", "SE")).toBeNull() // Germany
    expect(normalizeMsisdn("+1 415 555 2671", "SE")).toBeNull()
  })

  it.each([
    "",
    "   ",
    "+",
    "00",
    "+46",
    "phone",
    "070-ABC 45 67",
    "+46 70 123 45 67 ext 1",
    "++46701234567",
    "+46-70#1234567",
  ])("rejects garbage %p", (input) => {
    expect(normalizeMsisdn(input, "SE")).toBeNull()
  })

  it("rejects non-strings and unknown default countries", () => {
    expect(normalizeMsisdn(701234567 as unknown as string, "SE")).toBeNull()
    expect(normalizeMsisdn("0701234567", "DK" as "SE")).toBeNull()
  })
})
