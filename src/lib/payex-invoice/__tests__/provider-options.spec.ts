import { PayexInvoiceProviderService } from "../../../services/payex-invoice"
import {
  DEFAULT_CLIENT_LIMIT,
  legalAddressRateLimitProblems,
  parseLegalAddressRateLimit,
  PAYEX_CURRENCIES,
  PAYEX_DEFAULT_BASE_URL,
  PayexInvoiceOptions,
  payexOptionProblems,
} from "../provider-options"

const TOKEN = "merchant-token-that-must-stay-secret-42"
const VALID: PayexInvoiceOptions = {
  token: TOKEN,
  payeeId: "12345678-1234-1234-1234-123456789012",
  payeeName: "Acme",
  baseUrl: "https://api.payex.com",
  callbackUrl: "https://shop.example.com/hooks/payment/payex-invoice_payex",
  language: "sv-SE",
  captureOn: "manual",
  timeoutMs: 15000,
  maxRetries: 3,
}

describe("payexOptionProblems", () => {
  it("accepts complete valid options and the minimal token + payeeId", () => {
    expect(payexOptionProblems(VALID)).toEqual([])
    expect(payexOptionProblems({ token: TOKEN, payeeId: VALID.payeeId })).toEqual([])
    expect(
      payexOptionProblems({ ...VALID, payeeId: VALID.payeeId.toUpperCase(), captureOn: "fulfillment", maxRetries: 0 }),
    ).toEqual([])
  })

  it.each<[string, Partial<PayexInvoiceOptions> | undefined, string]>([
    ["a missing token", { token: undefined }, "`token` is required (the PayEx merchant token)"],
    ["a blank token", { token: "   " }, "`token` is required (the PayEx merchant token)"],
    ["a token that is not a string", { token: 42 as any }, "`token` is required (the PayEx merchant token)"],
    ["a missing payeeId", { payeeId: undefined }, "`payeeId` is required and must be a UUID"],
    [
      "a payeeId that is no UUID",
      { payeeId: "12345678-1234-1234-1234-12345678901Z" },
      "`payeeId` is required and must be a UUID",
    ],
    ["a payeeName that is no string", { payeeName: 5 as any }, "`payeeName` must be a string"],
    ["a relative baseUrl", { baseUrl: "api.payex.com" }, "`baseUrl` must be an absolute http(s) URL"],
    ["an ftp baseUrl", { baseUrl: "ftp://api.payex.com" }, "`baseUrl` must be an absolute http(s) URL"],
    [
      "a relative callbackUrl",
      { callbackUrl: "/hooks/payment/payex-invoice_payex" },
      "`callbackUrl` must be an absolute http(s) URL ending in /hooks/payment/payex-invoice_<id>",
    ],
    [
      "a callbackUrl to the wrong route",
      { callbackUrl: "https://shop.example.com/hooks/payment/payex" },
      '`callbackUrl` must point at <backend url>/hooks/payment/payex-invoice_<id> (for id "payex": /hooks/payment/payex-invoice_payex)',
    ],
    [
      "a callbackUrl without the id",
      { callbackUrl: "https://shop.example.com/hooks/payment/payex-invoice_" },
      "`callbackUrl` must point at",
    ],
    [
      "a callbackUrl with a path after the id",
      { callbackUrl: "https://shop.example.com/hooks/payment/payex-invoice_payex/extra" },
      "`callbackUrl` must point at",
    ],
    [
      "a callbackUrl using the provider id pp_",
      { callbackUrl: "https://shop.example.com/hooks/payment/pp_payex-invoice_payex" },
      "`callbackUrl` must point at",
    ],
    ["an unknown language", { language: "de-DE" as any }, "`language` must be one of sv-SE, nb-NO, en-US, fi-FI"],
    ["an unknown captureOn", { captureOn: "shipment" as any }, '`captureOn` must be "fulfillment" or "manual"'],
    ["a zero timeout", { timeoutMs: 0 }, "`timeoutMs` must be a positive integer"],
    ["a fractional timeout", { timeoutMs: 1.5 }, "`timeoutMs` must be a positive integer"],
    ["a timeout given as a string", { timeoutMs: "1000" as any }, "`timeoutMs` must be a positive integer"],
    ["negative retries", { maxRetries: -1 }, "`maxRetries` must be an integer from 0 to 10"],
    ["too many retries", { maxRetries: 11 }, "`maxRetries` must be an integer from 0 to 10"],
  ])("names %s in its own message", (_what, override, message) => {
    const problems = payexOptionProblems({ ...VALID, ...override })
    expect(problems).toHaveLength(1)
    expect(problems[0].startsWith(message)).toBe(true)
  })

  it("accepts callback URLs for any provider id, with a trailing slash, a port and a query", () => {
    for (const url of [
      "https://shop.example.com/hooks/payment/payex-invoice_payex",
      "https://shop.example.com/hooks/payment/payex-invoice_payex/",
      "http://localhost:9000/hooks/payment/payex-invoice_se-store",
      "https://shop.example.com/backend/hooks/payment/payex-invoice_payex?from=payex",
    ]) {
      expect(payexOptionProblems({ ...VALID, callbackUrl: url })).toEqual([])
    }
  })

  it("lists every problem at once, one message each", () => {
    const problems = payexOptionProblems({
      payeeName: 1 as any,
      baseUrl: "nope",
      callbackUrl: "nope",
      language: "xx" as any,
      captureOn: "x" as any,
      timeoutMs: -1,
      maxRetries: 99,
    })
    expect(problems.map((p) => p.match(/^`(\w+)`/)?.[1])).toEqual([
      "token",
      "payeeId",
      "payeeName",
      "baseUrl",
      "callbackUrl",
      "language",
      "captureOn",
      "timeoutMs",
      "maxRetries",
    ])
    expect(payexOptionProblems(undefined).map((p) => p.match(/^`(\w+)`/)?.[1])).toEqual(["token", "payeeId"])
  })

  it("never echoes the token, even when other options are wrong", () => {
    const problems = payexOptionProblems({
      token: TOKEN,
      payeeId: TOKEN,
      baseUrl: TOKEN,
      callbackUrl: `https://x.test/${TOKEN}`,
      language: TOKEN as any,
    })
    expect(problems.length).toBe(4)
    expect(problems.join("\n")).not.toContain(TOKEN)
  })
})

describe("PayexInvoiceProviderService.validateOptions", () => {
  it("passes valid options", () => {
    expect(() => PayexInvoiceProviderService.validateOptions(VALID as any)).not.toThrow()
  })

  it("throws one error listing every problem, without the token", () => {
    let message = ""
    try {
      PayexInvoiceProviderService.validateOptions({
        token: TOKEN,
        payeeId: "nope",
        callbackUrl: "https://shop.example.com/hooks/payment/payex",
      })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toBe(
      "payex-invoice provider options are invalid:\n- `payeeId` is required and must be a UUID\n" +
        '- `callbackUrl` must point at <backend url>/hooks/payment/payex-invoice_<id> (for id "payex": /hooks/payment/payex-invoice_payex)',
    )
    expect(message).not.toContain(TOKEN)
  })
})

describe("baseUrl: https, or http on a loopback address only", () => {
  const HTTPS_RULE =
    "`baseUrl` must use https (plain http is accepted only for a loopback address: localhost, 127.0.0.0/8, ::1)"

  it.each([
    "http://api.payex.com",
    "http://10.0.0.5:9411",
    "http://128.0.0.1",
    "http://127.0.0.1.example.com",
    "http://[::2]:9411",
    "http://localhost.example.com",
  ])("refuses plain http to %s at boot", (baseUrl) => {
    expect(payexOptionProblems({ ...VALID, baseUrl })).toEqual([HTTPS_RULE])
    expect(() => PayexInvoiceProviderService.validateOptions({ ...VALID, baseUrl })).toThrow(HTTPS_RULE)
  })

  it.each([
    "https://api.payex.com",
    "https://api.externalintegration.payex.com/",
    "http://127.0.0.1:9411",
    "http://127.8.9.10",
    "http://localhost:9411",
    "http://[::1]:9411",
  ])("accepts %s", (baseUrl) => {
    expect(payexOptionProblems({ ...VALID, baseUrl })).toEqual([])
  })
})

describe("currencies and defaults", () => {
  it("supports SEK, NOK and EUR with their invoice type, language and country", () => {
    expect(PAYEX_CURRENCIES).toEqual({
      sek: { invoiceType: "PayExFinancingSe", language: "sv-SE", country: "SE" },
      nok: { invoiceType: "PayExFinancingNo", language: "nb-NO", country: "NO" },
      eur: { invoiceType: "PayExFinancingFi", language: "en-US", country: "FI" },
    })
  })

  it("defaults to PayEx's test environment", () => {
    expect(PAYEX_DEFAULT_BASE_URL).toBe("https://api.externalintegration.payex.com")
  })
})

describe("legalAddressRateLimit option", () => {
  it("defaults to 20 per 10 minutes", () => {
    expect(DEFAULT_CLIENT_LIMIT).toEqual({ max: 20, windowSeconds: 600 })
    expect(parseLegalAddressRateLimit(undefined)).toEqual({ max: 20, windowSeconds: 600 })
  })

  it("takes a number (per 10 minutes) or { max, windowSeconds }", () => {
    expect(parseLegalAddressRateLimit(5)).toEqual({ max: 5, windowSeconds: 600 })
    expect(parseLegalAddressRateLimit({ max: 50, windowSeconds: 3600 })).toEqual({ max: 50, windowSeconds: 3600 })
    expect(parseLegalAddressRateLimit({ max: 7 })).toEqual({ max: 7, windowSeconds: 600 })
    expect(payexOptionProblems({ ...VALID, legalAddressRateLimit: { max: 50, windowSeconds: 3600 } })).toEqual([])
  })

  it.each<[unknown, string]>([
    [0, "`legalAddressRateLimit` must be a whole number from 1, or { max, windowSeconds }"],
    [2.5, "`legalAddressRateLimit` must be a whole number from 1, or { max, windowSeconds }"],
    ["20", "`legalAddressRateLimit` must be a number or { max, windowSeconds }"],
    [{ windowSeconds: 60 }, "`legalAddressRateLimit.max` must be a whole number from 1"],
    [
      { max: 5, windowSeconds: 0 },
      "`legalAddressRateLimit.windowSeconds` must be a whole number of seconds from 1 to 86400",
    ],
  ])("refuses %p when Medusa boots, naming the problem", (value, problem) => {
    expect(legalAddressRateLimitProblems(value)).toEqual([problem])
    expect(payexOptionProblems({ ...VALID, legalAddressRateLimit: value as any })).toEqual([problem])
    expect(() => PayexInvoiceProviderService.validateOptions({ ...VALID, legalAddressRateLimit: value })).toThrow(
      problem,
    )
  })
})
