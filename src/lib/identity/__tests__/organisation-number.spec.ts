import { parseSwedishOrganisationNumber } from "../organisation-number"

describe("parseSwedishOrganisationNumber", () => {
  it.each([
    ["556036-0793", "5560360793", "556036-0793"],
    ["5560360793", "5560360793", "556036-0793"],
    ["202100-5489", "2021005489", "202100-5489"], // Skatteverket
    ["2021005489", "2021005489", "202100-5489"],
    ["165560360793", "5560360793", "556036-0793"], // 12-digit form with the "16" prefix
    ["16556036-0793", "5560360793", "556036-0793"],
    ["  556703-7485  ", "5567037485", "556703-7485"],
  ])("accepts legal person %p", (input, digits10, formatted) => {
    expect(parseSwedishOrganisationNumber(input)).toEqual({ digits10, formatted })
  })

  it.each(["556036-0794", "5560360790", "202100-5488", "165560360794"])("rejects wrong check digit %s", (input) => {
    expect(parseSwedishOrganisationNumber(input)).toBeNull()
  })

  it("requires digits 3-4 to be 20 or more for a legal person", () => {
    // Luhn-valid but "month" 13: neither an organisation number nor a personnummer.
    expect(parseSwedishOrganisationNumber("551301-1238")).toBeNull()
    expect(parseSwedishOrganisationNumber("165513011238")).toBeNull()
  })

  it("accepts a sole trader's personnummer in any accepted form", () => {
    const expected = { digits10: "8112189876", formatted: "811218-9876" }
    expect(parseSwedishOrganisationNumber("811218-9876")).toEqual(expected)
    expect(parseSwedishOrganisationNumber("8112189876")).toEqual(expected)
    expect(parseSwedishOrganisationNumber("198112189876")).toEqual(expected)
    expect(parseSwedishOrganisationNumber("19811218-9876")).toEqual(expected)
    expect(parseSwedishOrganisationNumber("121212+1212")).toEqual({ digits10: "1212121212", formatted: "121212-1212" })
    expect(parseSwedishOrganisationNumber("701063-2391")).toEqual({ digits10: "7010632391", formatted: "701063-2391" })
  })

  it("rejects an invalid personnummer and a personnummer behind the 16 prefix", () => {
    expect(parseSwedishOrganisationNumber("811218-9875")).toBeNull()
    expect(parseSwedishOrganisationNumber("990231-1233")).toBeNull() // 31 February
    expect(parseSwedishOrganisationNumber("168112189876")).toBeNull()
  })

  it.each([
    "556036 0793",
    "556036--0793",
    "55603-60793",
    "55603607930",
    "556036079",
    "176036-0793",
    "SE5560360793",
    "",
    "   ",
    "abcdefghij",
  ])("rejects malformed %p", (input) => {
    expect(parseSwedishOrganisationNumber(input)).toBeNull()
  })

  it("rejects non-strings", () => {
    expect(parseSwedishOrganisationNumber(5560360793 as unknown as string)).toBeNull()
    expect(parseSwedishOrganisationNumber(undefined as unknown as string)).toBeNull()
  })
})
