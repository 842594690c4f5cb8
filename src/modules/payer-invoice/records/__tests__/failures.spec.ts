import { PayerApiError } from "../../../../lib/payer"
import { MedusaError } from "@medusajs/framework/utils"
import { upstreamOutageStatus } from "../../../../lib/http/upstream-outage"
import { failureText, OUTAGE_ADVICE, payerFailure, refusedByPayer } from "../failures"

const api = (init: Partial<ConstructorParameters<typeof PayerApiError>[0]>) =>
  new PayerApiError({ method: "POST", path: "/api/v2/orders/invoices/credit/full", code: "http", ...init })

describe("refusedByPayer: only a failure that proves no credit was made releases the amount", () => {
  it.each([
    ["Payer's 400", api({ status: 400, payerMessage: "exceeds" }), true],
    ["Payer's 404", api({ status: 404 }), true],
    ["no token", api({ path: "/oauth2/token", code: "network", detail: "ECONNREFUSED" }), true],
    ["a check before sending", new Error("externalInvoiceNumber is longer than 36 characters"), true],
    ["a timeout", api({ code: "timeout", detail: "ETIMEDOUT" }), false],
    ["a dropped connection", api({ code: "network", detail: "ECONNRESET" }), false],
    ["a 503 after the retries", api({ status: 503 }), false],
    ["an unrecovered 409", api({ status: 409 }), false],
    ["a 2xx without an invoice", api({ detail: "response has no invoice" }), false],
  ])("%s -> %p", (_what, error, refused) => {
    expect(refusedByPayer(error)).toBe(refused)
  })
})

describe("payerFailure: an outage is a 502/503 that says to try again, a refusal keeps its 4xx", () => {
  it.each([
    ["Payer's 503 after the retries", api({ status: 503, payerMessage: "Service Unavailable" }), 503],
    ["Payer's 500", api({ status: 500, payerMessage: "boom" }), 502],
    ["a timeout", api({ code: "timeout", detail: "ETIMEDOUT" }), 502],
    ["a dropped connection", api({ code: "network", detail: "ECONNRESET" }), 502],
    ["no connection at all", api({ code: "network", detail: "ECONNREFUSED" }), 503],
    ["an unrecovered 409", api({ status: 409, payerMessage: "already handled" }), 502],
    ["a 2xx without an invoice", api({ detail: "response has no invoice" }), 502],
  ])("%s -> %p", (_what, error, status) => {
    const failure = payerFailure(error, "Crediting Payer invoice 1001")
    expect(upstreamOutageStatus(failure)).toBe(status)
    expect(failure.message).toMatch(/^Crediting Payer invoice 1001: .*try again/)
    expect(failure.message).toContain(error.payerMessage ?? error.message)
  })

  it.each([
    [api({ status: 400, payerMessage: "exceeds" }), MedusaError.Types.INVALID_DATA],
    [api({ status: 404, payerMessage: "no such invoice" }), MedusaError.Types.NOT_FOUND],
  ])("a refusal (%s) is no outage", (error, type) => {
    const failure = payerFailure(error, "Crediting")
    expect([upstreamOutageStatus(failure), failure.type, failure.message]).toEqual([
      undefined,
      type,
      `Crediting: Payer answered: ${error.payerMessage}`,
    ])
  })
})

describe("failureText: last_error says to try again after an outage, not after a refusal", () => {
  const what = "Issuing the Payer invoice failed"
  it.each([
    ["a dropped connection", api({ path: "/api/v2/orders", code: "network", detail: "ECONNRESET" })],
    ["no token", api({ path: "/oauth2/token", code: "timeout", detail: "ETIMEDOUT" })],
    ["Payer's 503 after the retries", api({ status: 503, payerMessage: "Service Unavailable" })],
  ])("%s", (_what, error) => {
    expect(failureText(error, what)).toBe(`${what}: ${error.message}. ${OUTAGE_ADVICE}`)
    expect(OUTAGE_ADVICE).toMatch(/try again/)
  })

  it("keeps a refusal's text as it is, and the advice whole when the text is long", () => {
    expect(failureText(api({ status: 400, payerMessage: "bad" }), what)).not.toMatch(/try again/)
    const long = failureText(api({ status: 503, payerMessage: "x".repeat(2000) }), what)
    expect(long.length).toBeLessThanOrEqual(1000 + 1)
    expect(long.endsWith(OUTAGE_ADVICE)).toBe(true)
  })
})
