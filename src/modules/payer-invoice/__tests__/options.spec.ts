import { MedusaError } from "@medusajs/framework/utils"
import nock from "nock"
import { PayerApiError } from "../../../lib/payer/payer-api-error"
import { setupNock } from "../../../lib/payer/__tests__/helpers"
import {
  PAYER_CURRENCIES,
  PAYER_DEFAULT_BASE_URL,
  PAYER_DELIVERY_TYPES,
  PayerOptions,
  payerOptionProblems,
  resolvePayerOptions,
} from "../options"
import PayerInvoiceModuleService from "../service"

setupNock()

const SECRET = "payer-client-secret-that-must-stay-secret-42"
const VALID: PayerOptions = {
  clientId: "acme-shop",
  clientSecret: SECRET,
  baseUrl: "https://b2b.payer.se",
  invoiceOn: "shipment",
  dueDays: 14,
  deliveryType: "PRINT",
  timeoutMs: 10000,
  maxRetries: 3,
  syncMaxCalls: 50,
  syncMaxSeconds: 20,
}

describe("Payer option constants", () => {
  it("defaults to Payer's test environment", () => {
    expect(PAYER_DEFAULT_BASE_URL).toBe("https://stage-b2b.payer.se")
  })

  it("knows Payer's delivery types and currencies", () => {
    expect([...PAYER_DELIVERY_TYPES]).toEqual(["NONE", "EMAIL", "PRINT", "EINVOICE", "SMS"])
    expect([...PAYER_CURRENCIES].sort()).toEqual(["chf", "dkk", "eur", "gbp", "nok", "sek", "usd"])
  })
})

describe("payerOptionProblems", () => {
  it("has no problem when Payer is not configured at all (the plugin then runs without Payer)", () => {
    expect(payerOptionProblems(undefined)).toEqual([])
  })

  it("accepts complete valid options and the minimal clientId + clientSecret", () => {
    expect(payerOptionProblems(VALID)).toEqual([])
    expect(payerOptionProblems({ clientId: "acme-shop", clientSecret: SECRET })).toEqual([])
  })

  it.each<[string, Partial<PayerOptions>]>([
    ["the test base URL", { baseUrl: "https://stage-b2b.payer.se" }],
    ["a local http base URL with a port", { baseUrl: "http://localhost:8080" }],
    ["a base URL with a trailing slash", { baseUrl: "https://b2b.payer.se/" }],
    ['invoiceOn "fulfillment"', { invoiceOn: "fulfillment" }],
    ['invoiceOn "shipment"', { invoiceOn: "shipment" }],
    ["0 due days (due at once)", { dueDays: 0 }],
    ["365 due days", { dueDays: 365 }],
    ["a timeout of 1 ms", { timeoutMs: 1 }],
    ["0 retries", { maxRetries: 0 }],
    ["10 retries", { maxRetries: 10 }],
    ...PAYER_DELIVERY_TYPES.map((t): [string, Partial<PayerOptions>] => [`deliveryType ${t}`, { deliveryType: t }]),
  ])("accepts %s", (_what, override) => {
    expect(payerOptionProblems({ ...VALID, ...override })).toEqual([])
  })

  it.each<[string, Partial<PayerOptions>, string]>([
    ["a missing clientId", { clientId: undefined }, "`payer.clientId` is required"],
    ["an empty clientId", { clientId: "" }, "`payer.clientId` is required"],
    ["a blank clientId", { clientId: "   " }, "`payer.clientId` is required"],
    ["a clientId that is no string", { clientId: 42 as any }, "`payer.clientId` is required"],
    ["a missing clientSecret", { clientSecret: undefined }, "`payer.clientSecret` is required"],
    ["a blank clientSecret", { clientSecret: " \t " }, "`payer.clientSecret` is required"],
    [
      "a clientSecret that is no string",
      { clientSecret: { value: SECRET } as any },
      "`payer.clientSecret` is required",
    ],
    ["a relative baseUrl", { baseUrl: "b2b.payer.se" }, "`payer.baseUrl` must be an absolute http(s) URL"],
    ["an ftp baseUrl", { baseUrl: "ftp://b2b.payer.se" }, "`payer.baseUrl` must be an absolute http(s) URL"],
    ["an empty baseUrl", { baseUrl: "" }, "`payer.baseUrl` must be an absolute http(s) URL"],
    ["a baseUrl that is no string", { baseUrl: 443 as any }, "`payer.baseUrl` must be an absolute http(s) URL"],
    ["an unknown invoiceOn", { invoiceOn: "payment" as any }, '`payer.invoiceOn` must be "fulfillment" or "shipment"'],
    [
      "an invoiceOn in the wrong case",
      { invoiceOn: "Fulfillment" as any },
      '`payer.invoiceOn` must be "fulfillment" or "shipment"',
    ],
    ["negative due days", { dueDays: -1 }, "`payer.dueDays` must be a whole number of days from 0 to 365"],
    ["366 due days", { dueDays: 366 }, "`payer.dueDays` must be a whole number of days from 0 to 365"],
    ["fractional due days", { dueDays: 14.5 }, "`payer.dueDays` must be a whole number of days from 0 to 365"],
    [
      "due days given as a string",
      { dueDays: "30" as any },
      "`payer.dueDays` must be a whole number of days from 0 to 365",
    ],
    ["due days NaN", { dueDays: NaN }, "`payer.dueDays` must be a whole number of days from 0 to 365"],
    [
      "an unknown deliveryType",
      { deliveryType: "FAX" as any },
      "`payer.deliveryType` must be one of NONE, EMAIL, PRINT, EINVOICE, SMS",
    ],
    [
      "a deliveryType in lower case",
      { deliveryType: "email" as any },
      "`payer.deliveryType` must be one of NONE, EMAIL, PRINT, EINVOICE, SMS",
    ],
    ["a zero timeout", { timeoutMs: 0 }, "`payer.timeoutMs` must be a positive integer"],
    ["a negative timeout", { timeoutMs: -100 }, "`payer.timeoutMs` must be a positive integer"],
    ["a fractional timeout", { timeoutMs: 1.5 }, "`payer.timeoutMs` must be a positive integer"],
    ["a timeout given as a string", { timeoutMs: "1000" as any }, "`payer.timeoutMs` must be a positive integer"],
    ["negative retries", { maxRetries: -1 }, "`payer.maxRetries` must be an integer from 0 to 10"],
    ["11 retries", { maxRetries: 11 }, "`payer.maxRetries` must be an integer from 0 to 10"],
    ["fractional retries", { maxRetries: 2.5 }, "`payer.maxRetries` must be an integer from 0 to 10"],
    ["retries given as a string", { maxRetries: "3" as any }, "`payer.maxRetries` must be an integer from 0 to 10"],
  ])("names %s in exactly one message", (_what, override, message) => {
    expect(payerOptionProblems({ ...VALID, ...override })).toEqual([message])
  })

  it("reports both credentials when the payer option is empty", () => {
    expect(payerOptionProblems({})).toEqual(["`payer.clientId` is required", "`payer.clientSecret` is required"])
  })

  it("gives one message per bad option when everything is wrong", () => {
    const problems = payerOptionProblems({
      clientId: "",
      clientSecret: "",
      baseUrl: "nope",
      invoiceOn: "never" as any,
      dueDays: 1000,
      deliveryType: "FAX" as any,
      timeoutMs: 0,
      maxRetries: 99,
    })
    expect(problems).toHaveLength(8)
    for (const option of [
      "clientId",
      "clientSecret",
      "baseUrl",
      "invoiceOn",
      "dueDays",
      "deliveryType",
      "timeoutMs",
      "maxRetries",
    ]) {
      expect(problems.filter((p) => p.includes(`\`payer.${option}\``))).toHaveLength(1)
    }
  })

  it("never echoes the secret or the bad values", () => {
    const problems = payerOptionProblems({
      clientId: 7 as any,
      clientSecret: SECRET,
      baseUrl: `${SECRET}`,
      invoiceOn: SECRET as any,
      dueDays: SECRET as any,
      deliveryType: SECRET as any,
      timeoutMs: SECRET as any,
      maxRetries: SECRET as any,
    })
    expect(problems).toHaveLength(7)
    expect(problems.join("\n")).not.toContain(SECRET)
    expect(problems.join("\n")).not.toContain("payer-client-secret")
  })
})

describe("resolvePayerOptions", () => {
  it("fills in the defaults: Payer's test environment, invoice on fulfillment, 30 days, e-mail delivery", () => {
    expect(resolvePayerOptions({ clientId: "acme-shop", clientSecret: SECRET })).toEqual({
      clientId: "acme-shop",
      clientSecret: SECRET,
      baseUrl: "https://stage-b2b.payer.se",
      invoiceOn: "fulfillment",
      dueDays: 30,
      deliveryType: "EMAIL",
      timeoutMs: undefined,
      maxRetries: undefined,
      syncMaxCalls: 200,
      syncMaxSeconds: 60,
    })
  })

  it("keeps every given value", () => {
    expect(resolvePayerOptions(VALID)).toEqual(VALID)
  })

  it("keeps falsy but valid values instead of replacing them with defaults", () => {
    const resolved = resolvePayerOptions({
      clientId: "acme-shop",
      clientSecret: SECRET,
      dueDays: 0,
      maxRetries: 0,
      deliveryType: "NONE",
    })
    expect(resolved.dueDays).toBe(0)
    expect(resolved.maxRetries).toBe(0)
    expect(resolved.deliveryType).toBe("NONE")
  })

  it("does not modify the options it was given", () => {
    const given: PayerOptions = { clientId: "acme-shop", clientSecret: SECRET }
    resolvePayerOptions(given)
    expect(given).toEqual({ clientId: "acme-shop", clientSecret: SECRET })
  })
})

// The module service builds without a database: MedusaService only keeps the container.
describe("PayerInvoiceModuleService constructor", () => {
  const BASE = "https://payer-options.test"
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`

  function makeService(payer?: PayerOptions) {
    const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() }
    const service = new PayerInvoiceModuleService({ logger }, payer ? { payer } : {})
    return { service, logger }
  }

  function mockTokenAndBatch(base: string, id: string, secret: string) {
    nock(base)
      .post("/oauth2/token", "grant_type=client_credentials")
      .matchHeader("authorization", basic(id, secret))
      .reply(200, { access_token: "tok-1", expires_in: 3599, scope: "", token_type: "bearer" })
    nock(base)
      .get("/api/v2/orders/invoices/batch")
      .query(true)
      .matchHeader("authorization", "Bearer tok-1")
      .reply(200, { invoices: [], nextInvoiceNumber: null })
  }

  it("without a payer option the module works but says Payer is not configured", () => {
    const { service } = makeService()
    expect(service.isConfigured()).toBe(false)
    for (const call of [() => service.getPayerClient(), () => service.getPayerOptions()]) {
      let error: unknown
      try {
        call()
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(MedusaError)
      expect((error as MedusaError).type).toBe(MedusaError.Types.NOT_ALLOWED)
      expect((error as MedusaError).message).toMatch(/Payer is not configured: set the plugin's `payer` option/)
    }
  })

  it("with valid options is configured and exposes the resolved options", () => {
    const { service } = makeService({ clientId: "acme-shop", clientSecret: SECRET })
    expect(service.isConfigured()).toBe(true)
    expect(service.getPayerOptions()).toEqual(resolvePayerOptions({ clientId: "acme-shop", clientSecret: SECRET }))
    expect(service.getPayerOptions()).toMatchObject({
      baseUrl: PAYER_DEFAULT_BASE_URL,
      invoiceOn: "fulfillment",
      dueDays: 30,
      deliveryType: "EMAIL",
    })
  })

  it("hands out one client, so the token cache is shared", () => {
    const { service } = makeService({ clientId: "acme-shop", clientSecret: SECRET })
    expect(service.getPayerClient()).toBe(service.getPayerClient())
  })

  it("refuses to start with invalid options, listing every problem without the secret", () => {
    let error: unknown
    try {
      makeService({ clientId: "", clientSecret: SECRET, dueDays: 400, baseUrl: SECRET })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(Error)
    const message = (error as Error).message
    expect(message).toBe(
      "medusa-plugin-payex-payer: Payer options are invalid:\n" +
        "- `payer.clientId` is required\n" +
        "- `payer.baseUrl` must be an absolute http(s) URL\n" +
        "- `payer.dueDays` must be a whole number of days from 0 to 365",
    )
    expect(message).not.toContain(SECRET)
  })

  it("the client calls the configured base URL with the configured credentials and logs through Medusa's logger", async () => {
    const { service, logger } = makeService({ clientId: "acme-shop", clientSecret: SECRET, baseUrl: BASE })
    mockTokenAndBatch(BASE, "acme-shop", SECRET)
    await expect(service.getPayerClient().getInvoicesBatch()).resolves.toEqual({
      invoices: [],
      nextInvoiceNumber: null,
    })
    const logged = logger.debug.mock.calls.map(([m]) => m).join("\n")
    expect(logged).toContain("Payer POST /oauth2/token -> 200")
    expect(logged).toContain("Payer GET /api/v2/orders/invoices/batch -> 200")
    expect(logged).not.toContain(SECRET)
  })

  it("the client calls Payer's test environment when no base URL is given", async () => {
    const { service } = makeService({ clientId: "acme-shop", clientSecret: SECRET })
    mockTokenAndBatch(PAYER_DEFAULT_BASE_URL, "acme-shop", SECRET)
    await expect(service.getPayerClient().getInvoicesBatch()).resolves.toEqual({
      invoices: [],
      nextInvoiceNumber: null,
    })
  })

  it("the client uses the configured maxRetries (0: a 503 fails at once)", async () => {
    const { service } = makeService({ clientId: "acme-shop", clientSecret: SECRET, baseUrl: BASE, maxRetries: 0 })
    nock(BASE).post("/oauth2/token").once().reply(503, { message: "maintenance" })
    const error = await service
      .getPayerClient()
      .getInvoicesBatch()
      .catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error.status).toBe(503)
  })

  it("the client uses the configured timeout", async () => {
    const { service } = makeService({
      clientId: "acme-shop",
      clientSecret: SECRET,
      baseUrl: BASE,
      timeoutMs: 100,
      maxRetries: 0,
    })
    nock(BASE).post("/oauth2/token").reply(200, { access_token: "tok-1", expires_in: 3599 })
    nock(BASE).get("/api/v2/orders/invoices/batch").query(true).delay(3000).reply(200, { invoices: [] })
    const started = Date.now()
    const error = await service
      .getPayerClient()
      .getInvoicesBatch()
      .catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error.code).toBe("timeout")
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
