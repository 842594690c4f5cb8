import { parseSwedishPersonalNumber } from "../swedish-personal-number"

// A fixed "today" so century inference is reproducible.
const TODAY = new Date("2024-06-15T12:00:00Z")
const parse = (input: string, today: Date = TODAY) => parseSwedishPersonalNumber(input, today)

describe("parseSwedishPersonalNumber", () => {
  describe("public test numbers", () => {
    it.each([
      ["600307-1161", "196003071161", "600307-1161"],
      ["971020-2392", "199710202392", "971020-2392"],
      ["199710202392", "199710202392", "971020-2392"],
      ["121212-1212", "201212121212", "121212-1212"],
      ["811218-9876", "198112189876", "811218-9876"],
    ])("%s -> %s", (input, digits12, short) => {
      expect(parse(input)).toEqual({ digits12, short })
    })
  })

  describe("formats", () => {
    it.each(["600307-1161", "6003071161", "196003071161", "19600307-1161", "  600307-1161 ", "\t196003071161\n"])(
      "accepts %p",
      (input) => {
        expect(parse(input)).toEqual({ digits12: "196003071161", short: "600307-1161" })
      },
    )

    it.each([
      "600307 1161",
      "600307--1161",
      "60-03-07-1161",
      "1960-03-07-1161",
      "19600307+1161", // the century is explicit; a "+" contradicts nothing but is not a format in use
      "60030711610",
      "600307116",
      "6003O71161",
      "600307-116l",
      "",
      "   ",
      "-",
      "abcdefghij",
      "６００３０７１１６１",
    ])("rejects malformed %p", (input) => {
      expect(parse(input)).toBeNull()
    })

    it("rejects non-strings", () => {
      expect(parse(undefined as unknown as string)).toBeNull()
      expect(parse(6003071161 as unknown as string)).toBeNull()
    })
  })

  describe("check digit", () => {
    it.each(["600307-1162", "6003071160", "196003071169", "971020-2391", "121212-1213"])("rejects %s", (input) => {
      expect(parse(input)).toBeNull()
    })

    it("checks the Luhn digit over the 10-digit form, not the 12 digits", () => {
      // Luhn over all 12 digits of 196003071161 would fail; it is valid.
      expect(parse("196003071161")).not.toBeNull()
      expect(parse("206003071161")).toBeNull() // 2060 is in the future anyway; same 10 digits
    })
  })

  describe("dates", () => {
    it.each([
      "990231-1233", // 31 February (Luhn-valid)
      "991301-1236", // month 13
      "000000-1230", // day and month 0
      "230229-1238", // 2023 is not a leap year
    ])("rejects impossible date %s", (input) => {
      expect(parse(input)).toBeNull()
    })

    it("validates 29 February against the inferred century", () => {
      // "-": 2000, a leap year; "+": 1900, not a leap year.
      expect(parse("000229-1235")).toEqual({ digits12: "200002291235", short: "000229-1235" })
      expect(parse("000229+1235")).toBeNull()
      expect(parse("200002291235")).not.toBeNull()
      expect(parse("190002291235")).toBeNull()
      expect(parse("240229-1237")).toEqual({ digits12: "202402291237", short: "240229-1237" })
    })

    it("rejects a 12-digit number born in the future", () => {
      expect(parse("202406161238")).toBeNull()
      expect(parse("209912319994")).toBeNull()
    })

    it("rejects a 12-digit number of someone 200 years or older", () => {
      expect(parse("182406151239")).toBeNull()
      expect(parse("182406161238")).toEqual({ digits12: "182406161238", short: "240616+1238" })
    })
  })

  describe("century inference", () => {
    it("treats a date up to today as this century and a later one as the last", () => {
      expect(parse("240615-1239")?.digits12).toBe("202406151239") // born today
      expect(parse("240616-1238")?.digits12).toBe("192406161238") // tomorrow's date: 99 years old
      expect(parse("991231-9994")?.digits12).toBe("199912319994")
      expect(parse("010101-0007")?.digits12).toBe("200101010007")
    })

    it("reads '+' as 100 years or older", () => {
      expect(parse("121212+1212")).toEqual({ digits12: "191212121212", short: "121212+1212" })
      expect(parse("240615+1239")?.digits12).toBe("192406151239") // 100 today
      expect(parse("240616+1238")?.digits12).toBe("182406161238") // 199 years old
    })

    it("derives '+' in the short form from the 12-digit form", () => {
      expect(parse("191212121212")?.short).toBe("121212+1212")
      expect(parse("192406151239")?.short).toBe("240615+1239") // 100th birthday today
      expect(parse("192406161238")?.short).toBe("240616-1238") // 100th birthday tomorrow
    })

    it("depends on the date passed as today", () => {
      expect(parse("240616-1238", new Date("2024-06-16T00:00:00Z"))?.digits12).toBe("202406161238")
      expect(parse("600307-1161", new Date("2060-03-08T00:00:00Z"))?.digits12).toBe("206003071161")
      expect(parse("600307-1161", new Date("2060-03-08T00:00:00Z"))?.short).toBe("600307-1161")
    })

    it("reads today in UTC", () => {
      // 23:30 on 15 June in UTC is already 16 June in Stockholm; the UTC date decides.
      expect(parse("240616-1238", new Date("2024-06-15T23:30:00Z"))?.digits12).toBe("192406161238")
    })

    it("defaults today to the current date", () => {
      expect(parseSwedishPersonalNumber("600307-1161")?.digits12).toBe("196003071161")
      expect(parseSwedishPersonalNumber("121212+1212")?.digits12).toBe("191212121212")
    })

    it("throws on an invalid today", () => {
      expect(() => parse("600307-1161", new Date("nonsense"))).toThrow(/valid Date/)
    })
  })

  describe("samordningsnummer (day + 60)", () => {
    it("accepts Skatteverket's example 701063-2391", () => {
      expect(parse("701063-2391")).toEqual({ digits12: "197010632391", short: "701063-2391" })
      expect(parse("197010632391")).toEqual({ digits12: "197010632391", short: "701063-2391" })
      expect(parse("7010632391")).not.toBeNull()
    })

    it("validates the real date behind day + 60", () => {
      expect(parse("600367-1168")).toEqual({ digits12: "196003671168", short: "600367-1168" }) // 7 March
      expect(parse("811278-9873")).not.toBeNull() // 18 December
    })

    it("rejects days outside 61..91 and impossible real dates", () => {
      const withCheck = (nine: string) => {
        // Append a correct Luhn digit so only the date can be wrong.
        let sum = 0
        for (let i = 0; i < 9; i++) {
          let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1)
          if (d > 9) d -= 9
          sum += d
        }
        return nine + ((10 - (sum % 10)) % 10)
      }
      expect(parse(withCheck("600392116"))).toBeNull() // day 32
      expect(parse(withCheck("600360116"))).toBeNull() // day 0
      expect(parse(withCheck("600332116"))).toBeNull() // day 32 (ordinary)
      expect(parse(withCheck("600340116"))).toBeNull() // day 40
      expect(parse(withCheck("230289116"))).toBeNull() // 29 February 2023
      expect(parse(withCheck("240289116"))).not.toBeNull() // 29 February 2024
      expect(parse(withCheck("600391116"))).not.toBeNull() // 31 March
      expect(parse(withCheck("600491116"))).toBeNull() // 31 April
    })
  })
})
