import { luhnChecksumValid } from "../luhn"

describe("luhnChecksumValid", () => {
  it.each([
    "6003071161", // personnummer 600307-1161
    "9710202392",
    "1212121212",
    "8112189876",
    "5560360793", // organisationsnummer
    "2021005489", // Skatteverket
    "79927398713", // the textbook example
    "4111111111111111", // test card number
    "00",
  ])("accepts %s", (digits) => {
    expect(luhnChecksumValid(digits)).toBe(true)
  })

  it.each(["6003071162", "9710202393", "5560360794", "79927398710", "1212121213"])(
    "rejects wrong check digit %s",
    (digits) => {
      expect(luhnChecksumValid(digits)).toBe(false)
    },
  )

  it("detects every single-digit error in a valid number", () => {
    const valid = "8112189876"
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue
        const mutated = valid.slice(0, i) + d + valid.slice(i + 1)
        expect(luhnChecksumValid(mutated)).toBe(false)
      }
    }
  })

  it("detects swaps of adjacent different digits (except 09/90)", () => {
    expect(luhnChecksumValid("6003071161")).toBe(true)
    expect(luhnChecksumValid("0603071161")).toBe(false)
    expect(luhnChecksumValid("6030071161")).toBe(false)
  })

  it.each(["", "1", "600307-1161", " 6003071161", "abc", "６００３０７１１６１", "12.3"])(
    "rejects malformed %p",
    (digits) => {
      expect(luhnChecksumValid(digits)).toBe(false)
    },
  )

  it("rejects non-strings", () => {
    expect(luhnChecksumValid(6003071161 as unknown as string)).toBe(false)
    expect(luhnChecksumValid(null as unknown as string)).toBe(false)
  })
})

describe("luhnChecksumValid over many numbers", () => {
  it("accepts exactly one check digit for every base", () => {
    for (let n = 0; n < 5000; n += 7) {
      const base = String(n * 7919).padStart(9, "0")
      const valid = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => luhnChecksumValid(base + d))
      expect(valid).toHaveLength(1)
    }
  })
})
