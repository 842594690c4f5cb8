import { MedusaError } from "@medusajs/framework/utils"
import { parseB2BCustomer } from "../session-data"

/** What a storefront sends for a company paying by Payer invoice. */
const VALID = {
  company_name: "Acme Outdoor AB",
  org_number: "556036-0793",
  vat_id: "SE556036079301",
  email: "ap@acme.example.se",
  phone: "+46 8 123 456 78",
  your_reference: "Anna Andersson",
  delivery_type: "EMAIL",
}

/** Runs the parser and returns the MedusaError it throws (fails the test when it does not throw). */
function errorOf(data: Record<string, unknown> | undefined): MedusaError {
  try {
    parseB2BCustomer(data)
  } catch (error) {
    expect(error).toBeInstanceOf(MedusaError)
    return error as MedusaError
  }
  throw new Error(`parseB2BCustomer accepted ${JSON.stringify(data)}`)
}

function expectInvalid(data: Record<string, unknown> | undefined, field: string): MedusaError {
  const error = errorOf(data)
  expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
  expect(error.message.startsWith(`${field}: `)).toBe(true)
  return error
}

describe("parseB2BCustomer: complete valid data", () => {
  it("returns every field, normalized", () => {
    expect(parseB2BCustomer(VALID)).toEqual({
      company_name: "Acme Outdoor AB",
      org_number: "556036-0793",
      vat_id: "SE556036079301",
      email: "ap@acme.example.se",
      phone: "+46 8 123 456 78",
      your_reference: "Anna Andersson",
      delivery_type: "EMAIL",
    })
  })

  it("needs only company_name, org_number and email; the optional fields become null", () => {
    expect(parseB2BCustomer({ company_name: "Acme AB", org_number: "556036-0793", email: "a@b.se" })).toEqual({
      company_name: "Acme AB",
      org_number: "556036-0793",
      vat_id: null,
      email: "a@b.se",
      phone: null,
      your_reference: null,
      delivery_type: null,
    })
  })

  it.each(["vat_id", "phone", "your_reference", "delivery_type"])(
    "treats %s given as null or empty string as not given",
    (field) => {
      expect(parseB2BCustomer({ ...VALID, [field]: null })[field as keyof typeof VALID]).toBeNull()
      expect(parseB2BCustomer({ ...VALID, [field]: "" })[field as keyof typeof VALID]).toBeNull()
      const { [field as keyof typeof VALID]: _omitted, ...rest } = VALID
      expect(parseB2BCustomer(rest)[field as keyof typeof VALID]).toBeNull()
    },
  )

  it.each(["phone", "your_reference", "delivery_type"])(
    "does not refuse %s given as blanks (a cleared form field)",
    (field) => {
      expect(() => parseB2BCustomer({ ...VALID, [field]: "   " })).not.toThrow()
    },
  )

  it("keeps only the known fields (nothing else the storefront sends ends up in the payment data)", () => {
    const result = parseB2BCustomer({ ...VALID, session_id: "payses_1", password: "hunter2", admin: true })
    expect(Object.keys(result).sort()).toEqual([
      "company_name",
      "delivery_type",
      "email",
      "org_number",
      "phone",
      "vat_id",
      "your_reference",
    ])
  })

  it("does not modify the input", () => {
    const input = { ...VALID, company_name: "  Acme AB  ", org_number: "5560360793" }
    const copy = { ...input }
    parseB2BCustomer(input)
    expect(input).toEqual(copy)
  })
})

describe("parseB2BCustomer: normalization", () => {
  it("trims company_name, email, phone, your_reference and delivery_type", () => {
    const result = parseB2BCustomer({
      ...VALID,
      company_name: "  Acme Outdoor AB \n",
      email: "  ap@acme.example.se\t",
      phone: " 070-123 45 67 ",
      your_reference: "  PO 4711  ",
      delivery_type: " PRINT ",
    })
    expect(result).toMatchObject({
      company_name: "Acme Outdoor AB",
      email: "ap@acme.example.se",
      phone: "070-123 45 67",
      your_reference: "PO 4711",
      delivery_type: "PRINT",
    })
  })

  it.each([
    ["5560360793", "556036-0793"],
    ["556036-0793", "556036-0793"],
    ["  556036-0793  ", "556036-0793"],
    ["165560360793", "556036-0793"],
    ["16556036-0793", "556036-0793"],
    ["2021005489", "202100-5489"],
    ["202100-5489", "202100-5489"],
  ])("writes the organisation number %j as NNNNNN-NNNN (%s)", (input, formatted) => {
    expect(parseB2BCustomer({ ...VALID, org_number: input, vat_id: null }).org_number).toBe(formatted)
  })

  it("accepts an organisation number given as a number (a form that sent it unquoted)", () => {
    expect(parseB2BCustomer({ ...VALID, org_number: 5560360793, vat_id: null }).org_number).toBe("556036-0793")
  })

  it.each([
    ["811218-9876", "811218-9876"],
    ["8112189876", "811218-9876"],
    ["19811218-9876", "811218-9876"],
    ["198112189876", "811218-9876"],
  ])("accepts a sole trader's personal number %j as organisation number %s", (input, formatted) => {
    expect(parseB2BCustomer({ ...VALID, org_number: input, vat_id: null }).org_number).toBe(formatted)
  })

  it.each([
    ["SE556036079301", "SE556036079301"],
    ["se556036079301", "SE556036079301"],
    [" SE 5560 3607 9301 ", "SE556036079301"],
    ["SE202100548901", "SE202100548901"],
    ["SE811218987601", "SE811218987601"],
  ])("normalizes the VAT id %j to %s", (input, normalized) => {
    expect(parseB2BCustomer({ ...VALID, vat_id: input }).vat_id).toBe(normalized)
  })

  it.each(["NONE", "EMAIL", "PRINT", "EINVOICE", "SMS"])("accepts delivery_type %s", (deliveryType) => {
    expect(parseB2BCustomer({ ...VALID, delivery_type: deliveryType }).delivery_type).toBe(deliveryType)
  })

  it.each(["+46701234567", "070-123 45 67", "+46 (0)70-123 45 67", "08-123 456", "12345", "1".repeat(30)])(
    "accepts the phone number %j",
    (phone) => {
      expect(parseB2BCustomer({ ...VALID, phone }).phone).toBe(phone)
    },
  )

  it("accepts a company name of exactly 100 characters and a reference of exactly 50", () => {
    const result = parseB2BCustomer({ ...VALID, company_name: "A".repeat(100), your_reference: "R".repeat(50) })
    expect(result.company_name).toHaveLength(100)
    expect(result.your_reference).toHaveLength(50)
  })

  it("checks the length of the company name after trimming", () => {
    expect(parseB2BCustomer({ ...VALID, company_name: `  ${"A".repeat(100)}  ` }).company_name).toBe("A".repeat(100))
  })

  it("keeps the case of the e-mail address (the local part may be case-sensitive)", () => {
    expect(parseB2BCustomer({ ...VALID, email: "Anna.Andersson@Acme.example.se" }).email).toBe(
      "Anna.Andersson@Acme.example.se",
    )
  })
})

describe("parseB2BCustomer: every bad field is an invalid_data error that names it", () => {
  it("names company_name first when nothing was sent at all", () => {
    expectInvalid(undefined, "company_name")
    expectInvalid({}, "company_name")
  })

  it.each<[string, unknown]>([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["only blanks", "   \t "],
    ["a number", 42],
    ["an object", { name: "Acme" }],
    ["101 characters", "A".repeat(101)],
  ])("company_name: %s", (_what, value) => {
    const error = expectInvalid({ ...VALID, company_name: value }, "company_name")
    expect(error.message).toMatch(/required/)
  })

  it.each<[string, unknown]>([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["a wrong check digit", "556036-0794"],
    ["a wrong check digit (sole trader)", "811218-9875"],
    ["Luhn-valid but neither organisation nor personal number (month 13)", "551301-0008"],
    ["too short", "556036-079"],
    ["too long", "556036-07930"],
    ["letters", "ABCDEF-GHIJ"],
    ["a different separator", "556036/0793"],
    ["a 12-digit form with a prefix other than 16", "175560360793"],
    ["an object", { org: "556036-0793" }],
  ])("org_number: %s", (_what, value) => {
    const error = expectInvalid({ ...VALID, org_number: value, vat_id: null }, "org_number")
    expect(error.message).toMatch(/organisation number/)
  })

  it.each<[string, unknown]>([
    ["without the SE prefix", "556036079301"],
    ["with another country prefix", "DK556036079301"],
    ["with a suffix other than 01", "SE556036079302"],
    ["without the suffix", "SE5560360793"],
    ["with a hyphen in the number", "SE556036-079301"],
    ["with an invalid organisation number inside", "SE556036079401"],
    ["with a Luhn-valid non-organisation number inside", "SE551301000801"],
    ["a number", 556036079301],
  ])("vat_id: %s", (_what, value) => {
    const error = expectInvalid({ ...VALID, vat_id: value }, "vat_id")
    expect(error.message).toContain("SE + 10 digits + 01")
  })

  it.each<[string, unknown]>([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["only blanks", "  "],
    ["without @", "ap.acme.example.se"],
    ["with two @", "ap@acme@example.se"],
    ["without a dotted domain", "ap@localhost"],
    ["with an empty domain label", "ap@acme..se"],
    ["with a space inside", "a p@acme.example.se"],
    ["without a local part", "@acme.example.se"],
    ["a number", 12345],
    ["longer than 254 characters", `${"a".repeat(60)}@${"b".repeat(200)}.se`],
  ])("email: %s", (_what, value) => {
    const error = expectInvalid({ ...VALID, email: value }, "email")
    expect(error.message).toMatch(/e-mail/)
  })

  it.each<[string, unknown]>([
    ["letters", "call me"],
    ["too few digits", "1234"],
    ["a plus sign in the middle", "46+701234567"],
    ["longer than 30 characters", "1".repeat(31)],
    ["a number instead of text", 46701234567],
    ["an object", { number: "+46701234567" }],
  ])("phone: %s", (_what, value) => {
    expectInvalid({ ...VALID, phone: value }, "phone")
  })

  it.each<[string, unknown]>([
    ["51 characters", "R".repeat(51)],
    ["a number", 4711],
    ["an array", ["PO 4711"]],
  ])("your_reference: %s", (_what, value) => {
    const error = expectInvalid({ ...VALID, your_reference: value }, "your_reference")
    expect(error.message).toContain("at most 50 characters")
  })

  it.each<[string, unknown]>([
    ["an unknown type", "FAX"],
    ["lower case", "email"],
    ["a number", 1],
  ])("delivery_type: %s", (_what, value) => {
    expectInvalid({ ...VALID, delivery_type: value }, "delivery_type")
  })

  it("lists the allowed delivery types in the message", () => {
    expect(errorOf({ ...VALID, delivery_type: "FAX" }).message).toBe(
      "delivery_type: must be one of NONE, EMAIL, PRINT, EINVOICE, SMS",
    )
  })

  it("refuses a delivery_type longer than 10 characters", () => {
    expectInvalid({ ...VALID, delivery_type: "EINVOICE-XYZ" }, "delivery_type")
  })

  it("reports one bad field at a time: fixing it reveals the next", () => {
    const allBad = {
      company_name: "",
      org_number: "x",
      vat_id: "x",
      email: "x",
      phone: "x",
      your_reference: 1,
      delivery_type: "x",
    }
    expectInvalid(allBad, "company_name")
    expectInvalid({ ...allBad, company_name: "Acme" }, "org_number")
    expectInvalid({ ...allBad, company_name: "Acme", org_number: "556036-0793" }, "vat_id")
    expectInvalid({ ...allBad, company_name: "Acme", org_number: "556036-0793", vat_id: null }, "email")
    expectInvalid(
      { ...allBad, company_name: "Acme", org_number: "556036-0793", vat_id: null, email: "a@b.se" },
      "phone",
    )
    expectInvalid(
      { ...allBad, company_name: "Acme", org_number: "556036-0793", vat_id: null, email: "a@b.se", phone: null },
      "delivery_type",
    )
    expectInvalid(
      {
        ...allBad,
        company_name: "Acme",
        org_number: "556036-0793",
        vat_id: null,
        email: "a@b.se",
        phone: null,
        delivery_type: null,
      },
      "your_reference",
    )
  })
})
