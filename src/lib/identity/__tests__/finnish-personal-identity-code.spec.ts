import { parseFinnishPersonalIdentityCode } from "../finnish-personal-identity-code"

// 131052-308T is DVV's classic example; 010594Y9021 and 010516B903X are DVV's examples of the
// century signs added in 2023.
const CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

/** A code with the right check character, so a test can fail it on one other thing only. */
const withCheck = (ddmmyy: string, sign: string, individual: string) =>
  `${ddmmyy}${sign}${individual}${CHECK_CHARACTERS[Number(ddmmyy + individual) % 31]}`

describe("parseFinnishPersonalIdentityCode", () => {
  it.each(["131052-308T", "010594Y9021", "010516B903X", "290296-456T", "311299-999E", "010100+002H", "311223F899L"])(
    "accepts %s",
    (code) => {
      expect(parseFinnishPersonalIdentityCode(code)).toEqual({ code })
    },
  )

  it("checks the helper against DVV's published examples", () => {
    expect(withCheck("131052", "-", "308")).toBe("131052-308T")
    expect(withCheck("010594", "Y", "902")).toBe("010594Y9021")
    expect(withCheck("010516", "B", "903")).toBe("010516B903X")
  })

  it.each(["+", "-", "Y", "X", "W", "V", "U", "A", "B", "C", "D", "E", "F"])("accepts the century sign %s", (sign) => {
    const code = withCheck("150685", sign, "123")
    expect(parseFinnishPersonalIdentityCode(code)).toEqual({ code })
  })

  it("trims and upper-cases what the shopper typed", () => {
    expect(parseFinnishPersonalIdentityCode("  131052-308t ")).toEqual({ code: "131052-308T" })
    expect(parseFinnishPersonalIdentityCode("010516b903x")).toEqual({ code: "010516B903X" })
  })

  it("rejects a wrong check character", () => {
    expect(parseFinnishPersonalIdentityCode("131052-308U")).toBeNull()
    expect(parseFinnishPersonalIdentityCode("131052-3080")).toBeNull()
    expect(parseFinnishPersonalIdentityCode("131052-309T")).toBeNull()
  })

  it("rejects a date that does not exist in the century the sign gives", () => {
    expect(parseFinnishPersonalIdentityCode(withCheck("290200", "A", "123"))).toEqual({
      code: withCheck("290200", "A", "123"),
    }) // 2000 is a leap year
    expect(parseFinnishPersonalIdentityCode(withCheck("290200", "-", "123"))).toBeNull() // 1900 is not
    expect(parseFinnishPersonalIdentityCode(withCheck("290201", "A", "123"))).toBeNull()
    expect(parseFinnishPersonalIdentityCode(withCheck("300223", "A", "002"))).toBeNull()
    expect(parseFinnishPersonalIdentityCode(withCheck("310423", "A", "002"))).toBeNull()
    expect(parseFinnishPersonalIdentityCode(withCheck("011352", "-", "308"))).toBeNull()
    expect(parseFinnishPersonalIdentityCode(withCheck("001052", "-", "308"))).toBeNull()
    expect(parseFinnishPersonalIdentityCode(withCheck("320152", "-", "308"))).toBeNull()
  })

  it("rejects the individual numbers 000 and 001, which are never issued", () => {
    expect(parseFinnishPersonalIdentityCode(withCheck("010101", "-", "000"))).toBeNull()
    expect(parseFinnishPersonalIdentityCode(withCheck("010101", "-", "001"))).toBeNull()
    expect(parseFinnishPersonalIdentityCode(withCheck("010101", "-", "002"))).not.toBeNull()
  })

  it.each([
    "",
    "   ",
    "131052308T", // no century sign
    "131052-308", // no check character
    "131052-308TT",
    "13105-2308T",
    "131052G308T", // G is no century sign
    "131052Z308T",
    "131052 -308T",
    "131052-30 8T",
    "131052-308G", // G, I, O, Q and Z are never check characters
    "131052-308Z",
    "600307-1161", // a Swedish personal number
    "26026708248", // a Norwegian one
  ])("rejects %p", (input) => {
    expect(parseFinnishPersonalIdentityCode(input)).toBeNull()
  })

  it("rejects non-strings without throwing", () => {
    expect(parseFinnishPersonalIdentityCode(null as unknown as string)).toBeNull()
    expect(parseFinnishPersonalIdentityCode(undefined as unknown as string)).toBeNull()
    expect(parseFinnishPersonalIdentityCode(1310523080 as unknown as string)).toBeNull()
  })
})
