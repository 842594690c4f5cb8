import { isLuhnValid } from "../util"
import {
  ORDER_TOTAL,
  ORDER_VAT,
  expectSpringError,
  invoicedOrder,
  orderBody,
  startSandbox,
  uuid,
  type PayerSandbox,
} from "./helpers"
import type { PayerTestClient } from "./helpers"

let sandbox: PayerSandbox
let api: PayerTestClient

beforeAll(async () => {
  ;({ sandbox, api } = await startSandbox())
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.reset()
  api.token = null
})

describe("authentication", () => {
  it("issues bearer tokens for the right client credentials and counts them", async () => {
    const res = await api.tokenCall()
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ access_token: expect.any(String), expires_in: 3599, scope: "", token_type: "bearer" })
    expect(res.body.access_token.length).toBeGreaterThan(20)
    await api.tokenCall()
    expect(sandbox.tokensIssued).toBe(2)
    const recorded = sandbox.requests.filter((r) => r.path === "/oauth2/token")
    expect(recorded[0].headers.authorization).toBe("<redacted>")
  })

  it("answers 401 for wrong or missing client credentials and issues nothing", async () => {
    expectSpringError(await api.tokenCall({ clientSecret: "wrong" }), 401, "Bad client credentials", "/oauth2/token")
    expectSpringError(await api.tokenCall({ clientId: "someone-else" }), 401, "Bad client credentials")
    const noBasic = await fetch(`${sandbox.url}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    })
    expect(noBasic.status).toBe(401)
    expect(sandbox.tokensIssued).toBe(0)
  })

  it("requires the client_credentials grant in a form body", async () => {
    expectSpringError(await api.tokenCall({ body: "grant_type=password" }), 400, "Unsupported grant type: password")
    expectSpringError(await api.tokenCall({ body: "scope=x" }), 400, "grant_type is required")
    const json = await api.tokenCall({
      body: JSON.stringify({ grant_type: "client_credentials" }),
      contentType: "application/json",
    })
    expectSpringError(json, 415, "application/x-www-form-urlencoded")
    expect(sandbox.tokensIssued).toBe(0)
  })

  it("answers 401 on /api calls without a valid bearer token", async () => {
    const path = "/api/v2/orders/invoices/batch"
    const none = await api.get(path, { token: null })
    expectSpringError(none, 401, "Authorization header is missing", path)
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/)
    expectSpringError(await api.get(path, { token: "not-a-token" }), 401, "Invalid access token")
    const basic = await api.call("GET", path, {
      token: null,
      headers: { authorization: "Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=" },
    })
    expectSpringError(basic, 401, "prefixed with Bearer")
    // and nothing is created without a token
    const post = await api.call("POST", "/api/v2/orders", { token: null, body: orderBody("no-token") })
    expect(post.status).toBe(401)
    expect(sandbox.state.orders.size).toBe(0)
    await api.authenticate()
    expect((await api.get(path)).status).toBe(200)
  })

  it("expires tokens after the configured lifetime (Date.now based)", async () => {
    sandbox.setTokenTtlSeconds(1)
    const res = await api.tokenCall()
    expect(res.body.expires_in).toBe(1)
    const token = res.body.access_token
    expect((await api.get("/api/v2/orders/invoices/batch", { token })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 1100))
    expectSpringError(await api.get("/api/v2/orders/invoices/batch", { token }), 401, "Access token expired")
    const fresh = (await api.tokenCall()).body.access_token
    expect((await api.get("/api/v2/orders/invoices/batch", { token: fresh })).status).toBe(200)
  })

  it("expireAllTokens() invalidates every token issued so far; reset() restores the start TTL", async () => {
    await api.authenticate()
    expect((await api.get("/api/v2/orders/invoices/batch")).status).toBe(200)
    sandbox.expireAllTokens()
    expect((await api.get("/api/v2/orders/invoices/batch")).status).toBe(401)
    sandbox.setTokenTtlSeconds(5)
    sandbox.reset()
    expect((await api.tokenCall()).body.expires_in).toBe(3599)
  })

  it("honours clientId, clientSecret and tokenTtlSeconds options", async () => {
    const { sandbox: other, api: otherApi } = await startSandbox({
      clientId: "a",
      clientSecret: "b",
      tokenTtlSeconds: 60,
    })
    try {
      expect((await otherApi.tokenCall()).status).toBe(401)
      const res = await otherApi.tokenCall({ clientId: "a", clientSecret: "b" })
      expect(res.status).toBe(200)
      expect(res.body.expires_in).toBe(60)
    } finally {
      await other.close()
    }
  })
})

describe("orders and invoices", () => {
  it("creates, approves and invoices an order, with a complete Invoice object", async () => {
    const created = await api.post("/api/v2/orders", orderBody("ref-1"), uuid())
    expect(created.status).toBe(200)
    expect(created.body).toEqual({ orderId: expect.any(Number), referenceId: "ref-1" })
    const { orderId } = created.body

    const early = await api.post(`/api/v2/orders/${orderId}/invoices`, {
      dueDays: 30,
      deliveryType: "EMAIL",
      type: "NORMAL",
    })
    expectSpringError(early, 400, `Order ${orderId} is not approved`)

    const approved = await api.put(`/api/v2/orders/${orderId}/approve`, undefined, uuid())
    expect(approved.status).toBe(200)
    expect(sandbox.state.orders.get(orderId)!.status).toBe("APPROVED")

    const res = await api.post(
      `/api/v2/orders/${orderId}/invoices`,
      { dueDays: 30, deliveryType: "EMAIL", type: "NORMAL", externalInvoiceNumber: "EXT-1" },
      uuid(),
    )
    expect(res.status).toBe(200)
    const invoice = res.body.invoice
    const today = new Date().toISOString().slice(0, 10)
    const due = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10)
    expect(invoice).toEqual({
      invoiceNumber: 1001,
      referenceNumber: "10017",
      referenceId: "ref-1",
      externalInvoiceNumber: "EXT-1",
      orderId,
      orderReferenceId: "ref-1",
      type: "NORMAL",
      status: "UNPAID",
      currencyCode: "SEK",
      invoiceDate: today,
      dueDate: due,
      deliveryType: "EMAIL",
      totalAmount: ORDER_TOTAL,
      totalVatAmount: ORDER_VAT,
      creditedAmount: 0,
      outstandingAmount: ORDER_TOTAL,
      creditedInvoiceNumber: null,
      standalone: false,
      publicInvoiceUrl: expect.stringMatching(new RegExp(`^${sandbox.url}/invoices/1001/[0-9a-f]{32}$`)),
      items: [
        {
          position: 1,
          articleNumber: "SKU-1",
          description: "Widget",
          quantity: 2,
          unit: "pcs",
          unitPrice: 12500,
          subtotalPrice: 25000,
          vatPercentage: 2500,
          vatAmount: 5000,
        },
        {
          position: 2,
          articleNumber: "SHIP",
          description: "Shipping",
          quantity: 1,
          unit: "pcs",
          unitPrice: 4900,
          subtotalPrice: 4900,
          vatPercentage: 2500,
          vatAmount: 980,
        },
        {
          position: 3,
          articleNumber: "BOOK",
          description: "Book",
          quantity: 3,
          unit: "pcs",
          unitPrice: 10600,
          subtotalPrice: 31800,
          vatPercentage: 600,
          vatAmount: 1800,
        },
      ],
    })
    expect(isLuhnValid(invoice.referenceNumber)).toBe(true)
    expect(sandbox.state.orders.get(orderId)!.status).toBe("INVOICED")

    const again = await api.post(`/api/v2/orders/${orderId}/invoices`, {
      dueDays: 30,
      deliveryType: "EMAIL",
      type: "NORMAL",
    })
    expectSpringError(again, 400, "already been invoiced (invoice 1001)")
    expect(sandbox.state.invoices.size).toBe(1)

    const page = await fetch(invoice.publicInvoiceUrl)
    expect(page.status).toBe(200)
    expect(page.headers.get("content-type")).toContain("text/html")
    expect(await page.text()).toContain("Invoice 1001")
    expect((await fetch(`${sandbox.url}/invoices/1001/wrongtoken`)).status).toBe(404)
  })

  it("finds the invoice by invoiceNumber, referenceId and externalInvoiceNumber", async () => {
    const invoice = await invoicedOrder(api, "ref-lookup", {}, { externalInvoiceNumber: "ERP-77" })
    const byNumber = await api.get(`/api/v2/orders/invoices?invoiceNumber=${invoice.invoiceNumber}`)
    const byRef = await api.get("/api/v2/orders/invoices?referenceId=ref-lookup")
    const byExt = await api.get("/api/v2/orders/invoices?externalInvoiceNumber=ERP-77")
    for (const res of [byNumber, byRef, byExt]) {
      expect(res.status).toBe(200)
      expect(res.body).toEqual(invoice)
    }
    expectSpringError(await api.get("/api/v2/orders/invoices?invoiceNumber=9999"), 404, "invoiceNumber=9999")
    expectSpringError(await api.get("/api/v2/orders/invoices?referenceId=nope"), 404, "referenceId=nope")
    expectSpringError(
      await api.get("/api/v2/orders/invoices?externalInvoiceNumber=nope"),
      404,
      "externalInvoiceNumber=nope",
    )
    expectSpringError(
      await api.get("/api/v2/orders/invoices"),
      400,
      "One of invoiceNumber, referenceId or externalInvoiceNumber",
    )
    expectSpringError(
      await api.get("/api/v2/orders/invoices?invoiceNumber=abc"),
      400,
      "invoiceNumber must be an integer",
    )
    // all given keys must match
    const mixed = await api.get(`/api/v2/orders/invoices?invoiceNumber=${invoice.invoiceNumber}&referenceId=other`)
    expect(mixed.status).toBe(404)
  })

  it("rejects a reused externalInvoiceNumber and a reused referenceId", async () => {
    await invoicedOrder(api, "ref-a", {}, { externalInvoiceNumber: "X-1" })
    const reuse = await api.post("/api/v2/orders", orderBody("ref-a"))
    expectSpringError(reuse, 400, "referenceId ref-a is already used by order")
    const created = await api.post("/api/v2/orders", orderBody("ref-b"))
    await api.put(`/api/v2/orders/${created.body.orderId}/approve`)
    const ext = await api.post(`/api/v2/orders/${created.body.orderId}/invoices`, {
      dueDays: 10,
      deliveryType: "NONE",
      type: "NORMAL",
      externalInvoiceNumber: "X-1",
    })
    expectSpringError(ext, 400, "externalInvoiceNumber X-1 is already used by invoice 1001")
    expect(sandbox.state.orders.get(created.body.orderId)!.status).toBe("APPROVED")
  })

  it("validates the invoice request", async () => {
    const created = await api.post("/api/v2/orders", orderBody("ref-inv"))
    const { orderId } = created.body
    await api.put(`/api/v2/orders/${orderId}/approve`)
    const bad = await api.post(`/api/v2/orders/${orderId}/invoices`, {
      dueDays: 400,
      deliveryType: "FAX",
      type: "CREDIT",
    })
    expectSpringError(bad, 400, "dueDays must be <= 365")
    expect(bad.body.message).toContain("deliveryType must be one of NONE, EMAIL, PRINT, EINVOICE, SMS")
    expect(bad.body.message).toContain("type must be one of NORMAL")
    expectSpringError(
      await api.post(`/api/v2/orders/${orderId}/invoices`, { deliveryType: "EMAIL", type: "NORMAL" }),
      400,
      "dueDays is required",
    )
    expectSpringError(
      await api.post("/api/v2/orders/424242/invoices", { dueDays: 1, deliveryType: "EMAIL", type: "NORMAL" }),
      404,
      "Order 424242 not found",
    )
    expect(sandbox.state.invoices.size).toBe(0)
  })

  it("approve: 404 for unknown orders, idempotent for approved ones; orderId must be an integer", async () => {
    expectSpringError(
      await api.put("/api/v2/orders/123/approve"),
      404,
      "Order 123 not found",
      "/api/v2/orders/123/approve",
    )
    expectSpringError(await api.put("/api/v2/orders/abc/approve"), 400, "orderId must be an integer")
    const { body } = await api.post("/api/v2/orders", orderBody("ref-twice"))
    expect((await api.put(`/api/v2/orders/${body.orderId}/approve`)).status).toBe(200)
    expect((await api.put(`/api/v2/orders/${body.orderId}/approve`)).status).toBe(200)
  })

  it("DELETE cancels an order without invoice; invoiced orders can not be cancelled", async () => {
    const { body } = await api.post("/api/v2/orders", orderBody("ref-cancel"))
    const del = await api.call("DELETE", `/api/v2/orders/${body.orderId}`, { requestId: uuid() })
    expect(del.status).toBe(200)
    expect(sandbox.state.orders.get(body.orderId)!.status).toBe("CANCELLED")
    expectSpringError(await api.put(`/api/v2/orders/${body.orderId}/approve`), 404, "cancelled")
    expectSpringError(await api.call("DELETE", `/api/v2/orders/${body.orderId}`), 404, "cancelled")
    // the referenceId stays taken
    expectSpringError(await api.post("/api/v2/orders", orderBody("ref-cancel")), 400, "already used")

    const invoice = await invoicedOrder(api, "ref-invoiced")
    const refused = await api.call("DELETE", `/api/v2/orders/${invoice.orderId}`)
    expectSpringError(refused, 400, "can not be cancelled")
    expect(sandbox.state.orders.get(invoice.orderId)!.status).toBe("INVOICED")
  })
})

describe("fault switches and control", () => {
  it("failNext answers the fault status without handling: nothing created, the request id stays usable", async () => {
    await api.authenticate()
    sandbox.setFaults({ failNext: 1, failStatus: 503 })
    const id = uuid()
    const failed = await api.post("/api/v2/orders", orderBody("ref-fail"), id)
    expect(failed.status).toBe(503)
    expect(sandbox.state.orders.size).toBe(0)
    const retried = await api.post("/api/v2/orders", orderBody("ref-fail"), id)
    expect(retried.status).toBe(200)
    expect(sandbox.state.orders.size).toBe(1)
    expect(sandbox.requests.map((r) => r.status)).toEqual([200, 503, 200])
  })

  it("dropNext handles the request then drops it: the retry gets 409 and a GET recovers the result", async () => {
    const created = await api.post("/api/v2/orders", orderBody("ref-drop"))
    await api.put(`/api/v2/orders/${created.body.orderId}/approve`)
    sandbox.setFaults({ dropNext: 1 })
    const id = uuid()
    const body = { dueDays: 14, deliveryType: "PRINT", type: "NORMAL" }
    await expect(api.post(`/api/v2/orders/${created.body.orderId}/invoices`, body, id)).rejects.toThrow()
    expect(sandbox.state.invoices.size).toBe(1)
    expect(sandbox.requests[sandbox.requests.length - 1].status).toBe("dropped")
    expect((await api.post(`/api/v2/orders/${created.body.orderId}/invoices`, body, id)).status).toBe(409)
    expect(sandbox.state.invoices.size).toBe(1)
    const recovered = await api.get("/api/v2/orders/invoices?referenceId=ref-drop")
    expect(recovered.body).toMatchObject({ invoiceNumber: 1001, deliveryType: "PRINT" })
  })

  it("POST /_sandbox/reset empties the store and restarts numbering", async () => {
    await invoicedOrder(api, "ref-r1")
    const res = await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" })
    expect(res.status).toBe(200)
    expect(sandbox.state.orders.size).toBe(0)
    expect(sandbox.state.invoices.size).toBe(0)
    expect(sandbox.tokensIssued).toBe(0)
    // the old token still works; numbering restarts
    expect((await invoicedOrder(api, "ref-r1")).invoiceNumber).toBe(1001)
  })

  it("firstInvoiceNumber sets where numbering starts", async () => {
    const { sandbox: other, api: otherApi } = await startSandbox({ firstInvoiceNumber: 5000 })
    try {
      expect((await invoicedOrder(otherApi, "ref-5000")).invoiceNumber).toBe(5000)
      expect((await invoicedOrder(otherApi, "ref-5001")).referenceNumber).toBe("50013")
    } finally {
      await other.close()
    }
  })
})
