import nock from "nock"
import { PayerApiError } from "../payer-api-error"
import { BASE, CLIENT_SECRET, makeClient, mockToken, setupNock } from "./helpers"

setupNock()

function mockBatch(times: number, bearer = "access-token-1") {
  return nock(BASE)
    .get("/api/v2/orders/invoices/batch")
    .query(true)
    .matchHeader("authorization", `Bearer ${bearer}`)
    .times(times)
    .reply(200, { invoices: [], nextInvoiceNumber: null })
}

describe("PayerClient authentication", () => {
  it("fetches a token with Basic credentials and form body, then calls with Bearer", async () => {
    const { client } = makeClient()
    mockToken("tok-A")
    mockBatch(1, "tok-A")
    await expect(client.getInvoicesBatch()).resolves.toEqual({ invoices: [], nextInvoiceNumber: null })
  })

  it("reuses one token across 25 calls", async () => {
    const { client } = makeClient()
    const token = mockToken()
    mockBatch(25)
    for (let i = 0; i < 25; i++) {
      await client.getInvoicesBatch(i)
    }
    expect(token.isDone()).toBe(true)
    // A second token request would find no interceptor and fail the calls above.
  })

  it("renews the token 60 s before it expires, not earlier", async () => {
    let now = 1_000_000
    const { client } = makeClient({ now: () => now })
    mockToken("tok-1", 3600)
    mockBatch(2, "tok-1")
    await client.getInvoicesBatch()
    now += (3600 - 61) * 1000
    await client.getInvoicesBatch() // still tok-1

    now += 2000 // 59 s left
    mockToken("tok-2", 3600)
    mockBatch(1, "tok-2")
    await client.getInvoicesBatch()
  })

  it("clamps the renewal margin for short-lived tokens to 10 % of the lifetime", async () => {
    let now = 0
    const { client } = makeClient({ now: () => now })
    mockToken("short-1", 10)
    mockBatch(2, "short-1")
    await client.getInvoicesBatch()
    now = 8_900 // 1.1 s left of 10 s: still usable (a 60 s margin would have made it useless)
    await client.getInvoicesBatch()

    now = 9_100 // under 1 s (10 %) left
    mockToken("short-2", 10)
    mockBatch(1, "short-2")
    await client.getInvoicesBatch()
  })

  it("shares one in-flight token request between 10 concurrent calls", async () => {
    const { client } = makeClient()
    nock(BASE).post("/oauth2/token").once().delay(50).reply(200, { access_token: "access-token-1", expires_in: 3599 })
    mockBatch(10)
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => client.getInvoicesBatch(i)))
    expect(results).toHaveLength(10)
  })

  it("on a 401 fetches a new token once and repeats the call with the same request id", async () => {
    const { client } = makeClient()
    mockToken("old-token")
    const seen: Array<{ auth: unknown; requestId: unknown }> = []
    const record = function (this: nock.ReplyFnContext) {
      seen.push({ auth: this.req.headers.authorization, requestId: this.req.headers["payer-request-id"] })
    }
    nock(BASE)
      .put("/api/v2/orders/77/approve")
      .reply(401, function () {
        record.call(this)
        return { status: 401, error: "Unauthorized", message: "token expired" }
      })
    mockToken("new-token")
    nock(BASE)
      .put("/api/v2/orders/77/approve")
      .reply(200, function () {
        record.call(this)
        return ""
      })

    await client.approveOrder(77, "11111111-1111-5111-8111-111111111111")
    expect(seen).toEqual([
      { auth: "Bearer old-token", requestId: "11111111-1111-5111-8111-111111111111" },
      { auth: "Bearer new-token", requestId: "11111111-1111-5111-8111-111111111111" },
    ])
  })

  it("gives up on a second 401 with a PayerApiError, after exactly one renewal", async () => {
    const { client, sleeps } = makeClient()
    mockToken("tok-1")
    mockToken("tok-2")
    nock(BASE)
      .get("/api/v2/orders/invoices/batch")
      .times(2)
      .reply(401, { status: 401, error: "Unauthorized", message: "Full authentication is required" })

    const error = await client.getInvoicesBatch().catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error).toMatchObject({ status: 401, code: "http", isConflict: false })
    expect(error.message).toBe("Payer GET /api/v2/orders/invoices/batch failed (401): Full authentication is required")
    expect(sleeps).toEqual([]) // 4xx are not retried
  })

  it("renews only once when 10 concurrent calls all get a 401 for the same token", async () => {
    const { client } = makeClient()
    mockToken("stale")
    nock(BASE).get("/api/v2/orders/invoices/batch").query(true).times(10).reply(401)
    mockToken("fresh")
    mockBatch(10, "fresh")
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.getInvoicesBatch(i)))
  })

  it("reports rejected credentials without leaking them", async () => {
    const { client } = makeClient()
    nock(BASE)
      .post("/oauth2/token")
      .reply(401, { error: "invalid_client", error_description: "Bad client credentials" })
    const error = await client.getInvoicesBatch().catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error.message).toBe("Payer POST /oauth2/token failed (401): Bad client credentials")
    expect(JSON.stringify(error)).not.toContain(CLIENT_SECRET)
  })

  it("rejects a token response without access_token", async () => {
    const { client } = makeClient()
    nock(BASE).post("/oauth2/token").reply(200, { token_type: "bearer" })
    await expect(client.getInvoicesBatch()).rejects.toThrow(
      "Payer POST /oauth2/token failed (200): response has no access_token",
    )
  })

  it("retries a token request that fails with 503", async () => {
    const { client, sleeps } = makeClient()
    nock(BASE).post("/oauth2/token").reply(503)
    mockToken()
    mockBatch(1)
    await client.getInvoicesBatch()
    expect(sleeps).toHaveLength(1)
  })
})
