import { isLoopbackHost } from "../../../lib/http/base-url"
import { payerOptionProblems, resolvePayerOptions, type PayerOptions } from "../options"
import PayerInvoiceModuleService from "../service"

const BASE: PayerOptions = { clientId: "acme-shop", clientSecret: "payer-client-secret-0123456789" }
const HTTPS_RULE =
  "`payer.baseUrl` must use https (plain http is accepted only for a loopback address: localhost, 127.0.0.0/8, ::1)"

describe("payer.baseUrl: https, or http on a loopback address only", () => {
  it.each([
    "https://b2b.payer.se",
    "https://stage-b2b.payer.se/",
    "http://localhost:9412",
    "http://LOCALHOST",
    "http://127.0.0.1:9412",
    "http://127.255.3.4",
    "http://127.1:8080",
    "http://[::1]:9412",
  ])("accepts %s", (baseUrl) => {
    expect(payerOptionProblems({ ...BASE, baseUrl })).toEqual([])
  })

  it.each([
    "http://b2b.payer.se",
    "http://stage-b2b.payer.se:80/",
    "http://10.0.0.5:9412",
    "http://128.0.0.1",
    "http://0.0.0.0:9412",
    "http://localhost.attacker.example",
    "http://127.0.0.1.nip.io",
    "http://[::2]",
    "http://[::ffff:10.0.0.1]",
  ])("refuses %s, naming the option and the rule", (baseUrl) => {
    expect(payerOptionProblems({ ...BASE, baseUrl })).toEqual([HTTPS_RULE])
  })

  it("a module with a plain-http public baseUrl refuses to start", () => {
    const container = { logger: { debug() {}, warn() {}, info() {}, error() {} } }
    expect(
      () => new PayerInvoiceModuleService(container as never, { payer: { ...BASE, baseUrl: "http://b2b.payer.se" } }),
    ).toThrow(HTTPS_RULE)
  })

  it("isLoopbackHost knows localhost, 127.0.0.0/8 and ::1 only", () => {
    expect(["localhost", "127.0.0.1", "127.9.9.9", "[::1]", "::1"].every(isLoopbackHost)).toBe(true)
    expect(["localhost.example", "1.127.0.0", "::", "example.com", "127.0.0.1x"].some(isLoopbackHost)).toBe(false)
  })
})

describe("status sync caps", () => {
  it("default to 200 calls and 60 seconds per run", () => {
    expect(resolvePayerOptions(BASE)).toMatchObject({ syncMaxCalls: 200, syncMaxSeconds: 60 })
    expect(resolvePayerOptions({ ...BASE, syncMaxCalls: 1, syncMaxSeconds: 3600 })).toMatchObject({
      syncMaxCalls: 1,
      syncMaxSeconds: 3600,
    })
  })

  it.each<[string, Partial<PayerOptions>, string]>([
    ["0 calls", { syncMaxCalls: 0 }, "`payer.syncMaxCalls` must be an integer from 1 to 10000"],
    ["fractional calls", { syncMaxCalls: 2.5 }, "`payer.syncMaxCalls` must be an integer from 1 to 10000"],
    ["calls as a string", { syncMaxCalls: "200" as never }, "`payer.syncMaxCalls` must be an integer from 1 to 10000"],
    ["0 seconds", { syncMaxSeconds: 0 }, "`payer.syncMaxSeconds` must be an integer from 1 to 3600"],
    ["more than an hour", { syncMaxSeconds: 3601 }, "`payer.syncMaxSeconds` must be an integer from 1 to 3600"],
  ])("refuses %s", (_what, override, message) => {
    expect(payerOptionProblems({ ...BASE, ...override })).toEqual([message])
  })
})
