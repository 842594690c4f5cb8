import { inspect } from "node:util"
import nock from "nock"
import { PayerApiError } from "../payer-api-error"
import { BASE, BASIC, CLIENT_SECRET, invoice, makeClient, mockToken, setupNock } from "./helpers"

setupNock()

// Wide apart so a loaded CI machine neither times out the fast token call nor answers the slow call in time.
const SHORT_TIMEOUT_MS = 500
const SLOW_MS = 3000
const REQUEST_ID = "5a1c0c9e-0000-5000-8000-000000000001"
const ORDER_BODY = {
  currencyCode: "SEK",
  purchaseChannel: "ECOMMERCE" as const,
  referenceId: "order_01",
  invoiceCustomer: {
    customerType: "ORGANISATION" as const,
    regNumber: "556677-8899",
    address: {
      companyName: "Acme AB",
      streetAddress1: "Gatan 1",
      zipCode: "11122",
      city: "Stockholm",
      countryCode: "SE",
    },
  },
  items: [],
}

/** Records the Payer-Request-ID of every call to `path`. */
function recordRequestIds(ids: unknown[]) {
  return function (this: nock.ReplyFnContext) {
    ids.push(this.req.headers["payer-request-id"])
  }
}

describe("PayerClient request ids", () => {
  it("refuses a non-GET call without requestId before touching the network", async () => {
    const { client } = makeClient()
    await expect(client.request({ method: "POST", path: "/api/v2/orders", body: {} })).rejects.toThrow(
      "Payer POST /api/v2/orders needs a requestId (Payer-Request-ID) for idempotency",
    )
    await expect(client.createOrder(ORDER_BODY, "")).rejects.toThrow("needs a requestId")
  })

  it("sends Payer-Request-ID on every non-GET call and none on GETs", async () => {
    const { client } = makeClient()
    mockToken()
    const calls: Array<[string, string, unknown]> = []
    const record = (status: number, body: unknown) =>
      function (this: nock.ReplyFnContext, uri: string): [number, unknown] {
        calls.push([this.req.method, uri.split("?")[0], this.req.headers["payer-request-id"]])
        return [status, body]
      }
    const scope = nock(BASE)
    scope.post("/api/v2/orders").reply(record(200, { orderId: 77, referenceId: "order_01" }))
    scope.put("/api/v2/orders/77/approve").reply(record(200, ""))
    scope.delete("/api/v2/orders/78").reply(record(200, ""))
    scope.post("/api/v2/orders/77/invoices").reply(record(200, { invoice: invoice() }))
    scope.post("/api/v2/orders/invoices/credit/full").reply(record(200, { invoice: invoice({ type: "CREDIT" }) }))
    scope.post("/api/v2/orders/invoices/credit/partial").reply(record(200, { invoice: invoice({ type: "CREDIT" }) }))
    scope.post("/api/v2/orders/invoices/credit/manual").reply(record(200, { invoice: invoice({ type: "CREDIT" }) }))
    scope.put("/api/v2/orders/invoices/send").reply(record(200, ""))
    scope.post("/api/v2/orders/invoices/pay-with-credit").reply(record(200, ""))
    scope.post("/api/v2/orders/invoices/payout-credit").reply(record(200, { amount: 100, currencyCode: "SEK" }))
    scope.get("/api/v2/orders/invoices").query(true).reply(record(200, invoice()))

    const ids = ["id-1", "id-2", "id-3", "id-4", "id-5", "id-6", "id-7", "id-8", "id-9", "id-10"]
    await client.createOrder(ORDER_BODY, ids[0])
    await client.approveOrder(77, ids[1])
    await client.deleteOrder(78, ids[2])
    await client.createInvoice(77, { dueDays: 30, deliveryType: "EMAIL", orderReferenceId: "order_01" }, ids[3])
    await client.creditFull({ invoiceNumber: 1001 }, ids[4])
    await client.creditPartial({ invoiceNumber: 1001, items: [{ position: 1, quantity: 1 }] }, ids[5])
    await client.creditManual({ referenceId: "order_01", items: [] }, ids[6])
    await client.sendInvoice({ invoiceNumber: 1001, deliveryType: "EMAIL" }, ids[7])
    await client.payWithCredit({ creditInvoiceNumber: 1002, toPayInvoiceNumber: 1003, amount: 100 }, ids[8])
    await client.payoutCredit({ invoiceNumber: 1002 }, ids[9])
    await client.getInvoice({ invoiceNumber: 1001 })

    expect(calls.map(([, , id]) => id)).toEqual([...ids, undefined])
    expect(calls.map(([method]) => method)).toEqual([
      "POST",
      "PUT",
      "DELETE",
      "POST",
      "POST",
      "POST",
      "POST",
      "PUT",
      "POST",
      "POST",
      "GET",
    ])
  })
})

describe("PayerClient retries", () => {
  it("retries a 503 with the same request id and then succeeds", async () => {
    const { client, sleeps } = makeClient()
    mockToken()
    const ids: unknown[] = []
    nock(BASE).post("/api/v2/orders").reply(503, recordRequestIds(ids))
    nock(BASE)
      .post("/api/v2/orders")
      .reply(200, function () {
        recordRequestIds(ids).call(this)
        return { orderId: 77, referenceId: "order_01" }
      })
    await expect(client.createOrder(ORDER_BODY, REQUEST_ID)).resolves.toEqual({ orderId: 77, referenceId: "order_01" })
    expect(ids).toEqual([REQUEST_ID, REQUEST_ID])
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThanOrEqual(200)
    expect(sleeps[0]).toBeLessThan(300)
  })

  it("never retries a 400 and keeps Payer's message", async () => {
    const { client, sleeps } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders").reply(400, {
      timestamp: "2025-01-01T00:00:00Z",
      status: 400,
      error: "Bad Request",
      message: "invoiceCustomer.regNumber is invalid",
      path: "/api/v2/orders",
    })
    const second = nock(BASE).post("/api/v2/orders").reply(200, { orderId: 1, referenceId: "x" })

    const error = await client.createOrder(ORDER_BODY, REQUEST_ID).catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error.message).toBe("Payer POST /api/v2/orders failed (400): invoiceCustomer.regNumber is invalid")
    expect(error).toMatchObject({
      status: 400,
      payerMessage: "invoiceCustomer.regNumber is invalid",
      path: "/api/v2/orders",
      code: "http",
      isConflict: false,
    })
    expect(second.isDone()).toBe(false)
    expect(sleeps).toEqual([])
    nock.cleanAll()
  })

  it("gives up after maxRetries with exponentially growing, jittered waits", async () => {
    const { client, sleeps } = makeClient({ maxRetries: 3 })
    mockToken()
    nock(BASE).get("/api/v2/orders/invoices/batch").times(4).reply(502, "<html>Bad Gateway</html>")
    const error = await client.getInvoicesBatch().catch((e) => e)
    expect(error).toMatchObject({ status: 502, code: "http", payerMessage: undefined })
    expect(error.message).toBe("Payer GET /api/v2/orders/invoices/batch failed (502)")
    expect(sleeps).toHaveLength(3)
    ;[200, 400, 800].forEach((base, i) => {
      expect(sleeps[i]).toBeGreaterThanOrEqual(base)
      expect(sleeps[i]).toBeLessThan(base * 1.5)
    })
  })

  it("retries a network error with the same request id", async () => {
    const { client, sleeps } = makeClient()
    mockToken()
    const ids: unknown[] = []
    nock(BASE).put("/api/v2/orders/invoices/send").replyWithError("socket hang up")
    nock(BASE)
      .put("/api/v2/orders/invoices/send")
      .reply(200, function () {
        recordRequestIds(ids).call(this)
        return ""
      })
    await client.sendInvoice({ invoiceNumber: 1001, deliveryType: "EMAIL" }, REQUEST_ID)
    expect(ids).toEqual([REQUEST_ID])
    expect(sleeps).toHaveLength(1)
  })

  it("reports a persistent network error as code 'network'", async () => {
    const { client } = makeClient({ maxRetries: 1 })
    mockToken()
    nock(BASE).get("/api/v2/orders/invoices/batch").times(2).replyWithError("connect ECONNREFUSED")
    const error = await client.getInvoicesBatch().catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error).toMatchObject({ code: "network", status: undefined, isConflict: false })
    expect(error.message).toBe("Payer GET /api/v2/orders/invoices/batch failed (network error): connect ECONNREFUSED")
  })

  it("times out a slow answer, retries it, and reports code 'timeout' when it stays slow", async () => {
    const { client, sleeps } = makeClient({ timeoutMs: SHORT_TIMEOUT_MS, maxRetries: 1 })
    mockToken()
    nock(BASE).get("/api/v2/orders/invoices/batch").times(2).delay(SLOW_MS).reply(200, { invoices: [] })
    const error = await client.getInvoicesBatch().catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error).toMatchObject({ code: "timeout", isConflict: false })
    expect(error.message).toMatch(/^Payer GET \/api\/v2\/orders\/invoices\/batch failed \(timeout\)/)
    expect(sleeps).toHaveLength(1)
  })

  it("recovers when only the first attempt times out", async () => {
    const { client } = makeClient({ timeoutMs: SHORT_TIMEOUT_MS })
    mockToken()
    nock(BASE).get("/api/v2/orders/invoices/batch").delay(SLOW_MS).reply(200, { invoices: [] })
    nock(BASE)
      .get("/api/v2/orders/invoices/batch")
      .reply(200, { invoices: [invoice()], nextInvoiceNumber: 1021 })
    const batch = await client.getInvoicesBatch()
    expect(batch.nextInvoiceNumber).toBe(1021)
  })

  it("marks a 409 as a conflict and does not retry it", async () => {
    const { client, sleeps } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders").reply(409, { status: 409, error: "Conflict", message: "Request already handled" })
    const error = await client.createOrder(ORDER_BODY, REQUEST_ID).catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error).toMatchObject({ status: 409, isConflict: true })
    expect(sleeps).toEqual([])
  })
})

describe("PayerClient secrecy and logging", () => {
  it("never puts the client secret, credentials or token into an error", async () => {
    const { client } = makeClient()
    const token = "very-secret-access-token-xyz"
    mockToken(token)
    nock(BASE)
      .post("/api/v2/orders")
      .reply(400, { message: `rejected ${token} for client secret ${CLIENT_SECRET} (${BASIC})` })
    const error = await client.createOrder(ORDER_BODY, REQUEST_ID).catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error.message).toContain("rejected [redacted] for client secret [redacted]")
    for (const text of [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(CLIENT_SECRET)
      expect(text).not.toContain(BASIC.slice("Basic ".length))
    }
    // No axios error (which holds the request headers) hides inside.
    expect(error.cause).toBeUndefined()
    expect(Object.keys(error).sort()).toEqual([
      "code",
      "isConflict",
      "method",
      "name",
      "path",
      "payerMessage",
      "status",
    ])
  })

  it("keeps network errors free of headers too", async () => {
    const { client } = makeClient({ maxRetries: 0 })
    mockToken("tok-net-secret")
    nock(BASE).get("/api/v2/orders/invoices/batch").replyWithError("socket hang up")
    const error = await client.getInvoicesBatch().catch((e) => e)
    const dump = inspect(error, { depth: 10 })
    expect(dump).not.toContain("tok-net-secret")
    expect(dump).not.toContain(BASIC.slice("Basic ".length))
  })

  it("logs only method, path, status and duration at debug level", async () => {
    const { client, debug } = makeClient()
    mockToken("tok-logged")
    nock(BASE).get("/api/v2/orders/invoices/reg-number").query({ regNumber: "556677-8899" }).reply(503)
    nock(BASE)
      .get("/api/v2/orders/invoices/reg-number")
      .query({ regNumber: "556677-8899" })
      .reply(200, { invoices: [invoice()] })
    await client.getInvoicesByRegNumber({ regNumber: "556677-8899" })
    expect(debug).toHaveLength(3)
    expect(debug[0]).toMatch(/^Payer POST \/oauth2\/token -> 200 \(\d+ ms\)$/)
    expect(debug[1]).toMatch(/^Payer GET \/api\/v2\/orders\/invoices\/reg-number -> 503 \(\d+ ms\)$/)
    expect(debug[2]).toMatch(/^Payer GET \/api\/v2\/orders\/invoices\/reg-number -> 200 \(\d+ ms\)$/)
    const all = debug.join("\n")
    for (const secret of ["tok-logged", CLIENT_SECRET, "556677-8899", "Acme"]) {
      expect(all).not.toContain(secret)
    }
  })
})
