import { parseNorwegianNationalId } from "../norwegian-national-id"

// Numbers below were generated with the mod-11 algorithm and cross-checked by hand;
// 26026708248 is Swedbank Pay's public test number.
describe("parseNorwegianNationalId", () => {
  it.each([
    "26026708248", // public test number, 26 Feb 1967
    "26026708086",
    "26026708167",
  ])("accepts fødselsnummer %s", (id) => {
    expect(parseNorwegianNationalId(id)).toEqual({ digits11: id })
  })

  it("accepts surrounding whitespace and one separator after the birth date", () => {
    expect(parseNorwegianNationalId("  26026708248 ")).toEqual({ digits11: "26026708248" })
    expect(parseNorwegianNationalId("260267 08248")).toEqual({ digits11: "26026708248" })
    expect(parseNorwegianNationalId("260267-08248")).toEqual({ digits11: "26026708248" })
  })

  it.each([
    "2602670824",
    "260267082488",
    "26.02.67 08248",
    "260267  08248",
    "2602 6708248",
    "2602670824a",
    "",
    "   ",
    "abcdefghijk",
    "２６０２６７０８２４８",
  ])("rejects malformed %p", (input) => {
    expect(parseNorwegianNationalId(input)).toBeNull()
  })

  it("rejects non-strings", () => {
    expect(parseNorwegianNationalId(26026708248 as unknown as string)).toBeNull()
    expect(parseNorwegianNationalId(null as unknown as string)).toBeNull()
  })

  it("rejects a wrong first or second check digit", () => {
    expect(parseNorwegianNationalId("26026708238")).toBeNull() // K1 off
    expect(parseNorwegianNationalId("26026708249")).toBeNull() // K2 off
    expect(parseNorwegianNationalId("26026708247")).toBeNull()
    expect(parseNorwegianNationalId("62026708248")).toBeNull() // transposed day digits
  })

  it("detects every single-digit error in a valid number", () => {
    const valid = "26026708248"
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue
        expect(parseNorwegianNationalId(valid.slice(0, i) + d + valid.slice(i + 1))).toBeNull()
      }
    }
  })

  it("rejects numbers whose check digit would have to be 10", () => {
    // For 260267 092 the first check digit computes to 10, so no number with that prefix is valid.
    // For 260267 084 the first is 0 but the second computes to 10.
    for (let k = 0; k <= 99; k++) {
      expect(parseNorwegianNationalId("260267092" + String(k).padStart(2, "0"))).toBeNull()
    }
    for (let k = 0; k <= 9; k++) {
      expect(parseNorwegianNationalId("2602670840" + k)).toBeNull()
    }
  })

  it("accepts D-numbers (day + 40)", () => {
    expect(parseNorwegianNationalId("66026708150")).toEqual({ digits11: "66026708150" })
    expect(parseNorwegianNationalId("66026708231")).not.toBeNull()
  })

  it("accepts H-numbers (month + 40)", () => {
    expect(parseNorwegianNationalId("26426708069")).toEqual({ digits11: "26426708069" })
    expect(parseNorwegianNationalId("15456710058")).not.toBeNull() // 15 May 1967
    expect(parseNorwegianNationalId("01536710260")).toBeNull() // month 53 - 40 = 13
  })

  it("accepts synthetic test numbers (month + 80), also as D-numbers", () => {
    expect(parseNorwegianNationalId("26826708041")).toEqual({ digits11: "26826708041" })
    expect(parseNorwegianNationalId("26826708122")).not.toBeNull()
    expect(parseNorwegianNationalId("66826708035")).not.toBeNull()
    expect(parseNorwegianNationalId("01936710081")).toBeNull() // month 93 - 80 = 13
  })

  it("rejects a number that is both a D-number and an H-number", () => {
    expect(parseNorwegianNationalId("66426708052")).toBeNull()
  })

  it.each([
    ["31046710080", "31 April"],
    ["00016710059", "day 0"],
    ["72016710033", "D-number day 32"],
    ["01136710016", "month 13"],
  ])("rejects impossible date %s (%s)", (id) => {
    expect(parseNorwegianNationalId(id)).toBeNull()
  })

  it("reads the century from the individual number for 29 February", () => {
    expect(parseNorwegianNationalId("29020010027")).toBeNull() // individual 100 -> 1900, not a leap year
    expect(parseNorwegianNationalId("29020050088")).toEqual({ digits11: "29020050088" }) // 500 -> 2000, leap year
    expect(parseNorwegianNationalId("29020150260")).toBeNull() // 2001
    expect(parseNorwegianNationalId("29029610086")).not.toBeNull() // 1996
    expect(parseNorwegianNationalId("29029650037")).not.toBeNull() // 500..749 with 96 -> 1896, a leap year
  })

  it("rejects individual numbers not allocated for the year", () => {
    expect(parseNorwegianNationalId("01014560013")).toBeNull() // 600 with year 45
    expect(parseNorwegianNationalId("01014595089")).not.toBeNull() // 950 with year 45 -> 1945
    expect(parseNorwegianNationalId("01016080000")).toBeNull() // 800 with year 60
    expect(parseNorwegianNationalId("01016060085")).not.toBeNull() // 600 with year 60 -> 1860
  })
})
