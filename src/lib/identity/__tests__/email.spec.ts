import { isValidEmail } from "../email"

describe("isValidEmail", () => {
  it.each([
    "anna@example.com",
    "anna.andersson+invoices@example.co.uk",
    "a@b.se",
    "faktura@företag.se",
    "x_y-z@sub-domain.example.org",
    "o'brien@example.ie",
    `${"a".repeat(64)}@example.com`,
  ])("accepts %p", (email) => {
    expect(isValidEmail(email)).toBe(true)
  })

  it.each([
    "",
    "anna",
    "anna@",
    "@example.com",
    "anna@example",
    "anna@@example.com",
    "anna@foo@example.com",
    "anna@example.com@example.com",
    "anna @example.com",
    "anna@exa mple.com",
    " anna@example.com",
    "anna@example.com\n",
    "anna@example..com",
    "anna@.example.com",
    "anna@example.com.",
    "anna@-example.com",
    "anna@example-.com",
    `${"a".repeat(65)}@example.com`,
  ])("rejects %p", (email) => {
    expect(isValidEmail(email)).toBe(false)
  })

  it("enforces the 254 character limit", () => {
    const domain = `${"d".repeat(63)}.${"d".repeat(63)}.${"d".repeat(62)}.se` // 193 chars
    const at254 = `${"a".repeat(254 - domain.length - 1)}@${domain}`
    expect(at254.length).toBe(254)
    expect(at254.indexOf("@")).toBe(60)
    expect(isValidEmail(at254)).toBe(true)
    expect(isValidEmail("a" + at254)).toBe(false)
  })

  it("rejects non-strings", () => {
    expect(isValidEmail(undefined as unknown as string)).toBe(false)
    expect(isValidEmail({} as unknown as string)).toBe(false)
  })
})
