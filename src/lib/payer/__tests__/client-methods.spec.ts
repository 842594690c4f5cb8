import nock from "nock"
import { PayerApiError } from "../payer-api-error"
import { externalInvoiceNumberFor, requestIdFor } from "../request-id"
import { BASE, invoice, makeClient, mockToken, setupNock } from "./helpers"

setupNock()

const CONFLICT = { status: 409, error: "Conflict", message: "Payer-Request-ID already used" }

describe("PayerClient 409 recovery", () => {
  const invoiceParams = { dueDays: 30, deliveryType: "EMAIL", orderReferenceId: "order_01" }

  it("createInvoice sends type NORMAL and keeps the order reference to itself", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE)
      .post("/api/v2/orders/77/invoices", { dueDays: 30, deliveryType: "EMAIL", type: "NORMAL" })
      .reply(200, { invoice: invoice() })
    const answer = await client.createInvoice(77, invoiceParams, requestIdFor("pay_1", "invoice"))
    expect(answer.invoice.invoiceNumber).toBe(1001)
    expect(answer.foundAgain).toBeUndefined() // the POST's own answer
  })

  it("createInvoice on 409 returns the invoice found by the order's referenceId", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders/77/invoices").reply(409, CONFLICT)
    nock(BASE).get("/api/v2/orders/invoices").query({ referenceId: "order_01" }).reply(200, invoice())
    const result = await client.createInvoice(77, invoiceParams, requestIdFor("pay_1", "invoice"))
    expect(result.invoice).toMatchObject({ invoiceNumber: 1001, referenceNumber: "10018", orderId: 77 })
    expect(result.foundAgain).toBe(true)
  })

  it("createInvoice on 409 rethrows the conflict when no invoice can be found", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders/77/invoices").reply(409, CONFLICT)
    nock(BASE).get("/api/v2/orders/invoices").query({ referenceId: "order_01" }).reply(404)
    const error = await client.createInvoice(77, invoiceParams, "rid").catch((e) => e)
    expect(error).toBeInstanceOf(PayerApiError)
    expect(error).toMatchObject({ isConflict: true, path: "/api/v2/orders/77/invoices" })
    expect(error.message).toBe("Payer POST /api/v2/orders/77/invoices failed (409): Payer-Request-ID already used")
  })

  it("createInvoice on 409 does not hand back another order's invoice", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders/77/invoices").reply(409, CONFLICT)
    nock(BASE)
      .get("/api/v2/orders/invoices")
      .query({ referenceId: "order_01" })
      .reply(200, invoice({ orderId: 99 }))
    await expect(client.createInvoice(77, invoiceParams, "rid")).rejects.toMatchObject({ isConflict: true })
  })

  it("credits on 409 are found again by their externalInvoiceNumber", async () => {
    const { client } = makeClient()
    mockToken()
    const external = externalInvoiceNumberFor("refund_1", "credit")
    const credit = invoice({ invoiceNumber: 2001, type: "CREDIT", externalInvoiceNumber: external })
    for (const kind of ["full", "partial", "manual"]) {
      nock(BASE).post(`/api/v2/orders/invoices/credit/${kind}`).reply(409, CONFLICT)
      nock(BASE).get("/api/v2/orders/invoices").query({ externalInvoiceNumber: external }).reply(200, credit)
    }
    const rid = requestIdFor("refund_1", "credit")
    await expect(client.creditFull({ invoiceNumber: 1001, externalInvoiceNumber: external }, rid)).resolves.toEqual({
      invoice: credit,
      foundAgain: true,
    })
    await expect(
      client.creditPartial(
        { invoiceNumber: 1001, items: [{ position: 2, quantity: 1 }], externalInvoiceNumber: external },
        rid,
      ),
    ).resolves.toEqual({ invoice: credit, foundAgain: true })
    await expect(
      client.creditManual({ referenceId: "order_01", items: [], externalInvoiceNumber: external }, rid),
    ).resolves.toEqual({ invoice: credit, foundAgain: true })
  })

  it("a credit without externalInvoiceNumber cannot be recovered: the 409 is rethrown", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders/invoices/credit/full").reply(409, CONFLICT)
    await expect(client.creditFull({ invoiceNumber: 1001 }, "rid")).rejects.toMatchObject({ isConflict: true })
  })

  it("a credit whose externalInvoiceNumber finds nothing rethrows the 409", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders/invoices/credit/full").reply(409, CONFLICT)
    nock(BASE).get("/api/v2/orders/invoices").query({ externalInvoiceNumber: "ext-1" }).reply(404)
    await expect(
      client.creditFull({ invoiceNumber: 1001, externalInvoiceNumber: "ext-1" }, "rid"),
    ).rejects.toMatchObject({ isConflict: true, path: "/api/v2/orders/invoices/credit/full" })
  })

  it("approveOrder and sendInvoice treat a 409 as already done", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).put("/api/v2/orders/77/approve").reply(409, CONFLICT)
    nock(BASE).put("/api/v2/orders/invoices/send").reply(409, CONFLICT)
    await expect(client.approveOrder(77, "rid")).resolves.toBeUndefined()
    await expect(client.sendInvoice({ invoiceNumber: 1001, deliveryType: "EMAIL" }, "rid")).resolves.toBeUndefined()
  })

  it("approveOrder still fails on other errors", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).put("/api/v2/orders/77/approve").reply(404, { message: "Order not found" })
    await expect(client.approveOrder(77, "rid")).rejects.toThrow(
      "Payer PUT /api/v2/orders/77/approve failed (404): Order not found",
    )
  })

  it("createOrder, deleteOrder, payWithCredit and payoutCredit leave a 409 to the caller", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders").reply(409, CONFLICT)
    nock(BASE).delete("/api/v2/orders/77").reply(409, CONFLICT)
    nock(BASE).post("/api/v2/orders/invoices/pay-with-credit").reply(409, CONFLICT)
    nock(BASE).post("/api/v2/orders/invoices/payout-credit").reply(409, CONFLICT)
    const conflict = { isConflict: true, status: 409 }
    await expect(client.createOrder({} as never, "rid")).rejects.toMatchObject(conflict)
    await expect(client.deleteOrder(77, "rid")).rejects.toMatchObject(conflict)
    await expect(
      client.payWithCredit({ creditInvoiceNumber: 1, toPayInvoiceNumber: 2, amount: 3 }, "rid"),
    ).rejects.toMatchObject(conflict)
    await expect(client.payoutCredit({ invoiceNumber: 1 }, "rid")).rejects.toMatchObject(conflict)
  })
})

describe("PayerClient lookups", () => {
  it("getInvoice returns null on 404 and the invoice otherwise, tolerating unknown fields and enums", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).get("/api/v2/orders/invoices").query({ invoiceNumber: "404" }).reply(404, { message: "Not found" })
    const future = invoice({ status: "IN_DEBT_COLLECTION", deliveryType: "CARRIER_PIGEON", newField: { a: 1 } })
    nock(BASE).get("/api/v2/orders/invoices").query({ invoiceNumber: "1001" }).reply(200, future)
    await expect(client.getInvoice({ invoiceNumber: 404 })).resolves.toBeNull()
    const found = await client.getInvoice({ invoiceNumber: 1001 })
    expect(found?.status).toBe("IN_DEBT_COLLECTION")
    expect(found).toMatchObject({ deliveryType: "CARRIER_PIGEON", newField: { a: 1 } })
  })

  it("getInvoice does not swallow errors other than 404", async () => {
    const { client } = makeClient({ maxRetries: 0 })
    mockToken()
    nock(BASE).get("/api/v2/orders/invoices").query(true).reply(500, { message: "boom" })
    await expect(client.getInvoice({ referenceId: "x" })).rejects.toMatchObject({ status: 500 })
  })

  it("lookups need exactly one key", async () => {
    const { client } = makeClient()
    await expect(client.getInvoice({} as never)).rejects.toThrow("getInvoice needs exactly one of")
    await expect(client.getInvoice({ invoiceNumber: 1, referenceId: "x" } as never)).rejects.toThrow("exactly one")
    await expect(client.getInvoicesByRegNumber({})).rejects.toThrow("exactly one")
    await expect(client.getCreditInvoices({ orderId: 1, orderReferenceId: "x" })).rejects.toThrow("exactly one")
    await expect(client.creditFull({} as never, "rid")).rejects.toThrow("exactly one")
  })

  it("rejects an externalInvoiceNumber longer than Payer's 36 characters", async () => {
    const { client } = makeClient()
    await expect(client.creditFull({ invoiceNumber: 1, externalInvoiceNumber: "x".repeat(37) }, "rid")).rejects.toThrow(
      "externalInvoiceNumber is longer than 36 characters",
    )
  })

  it("passes query parameters and normalizes list answers", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE)
      .get("/api/v2/orders/invoices/batch")
      .query({ fromInvoiceNumber: "1001" })
      .reply(200, { invoices: [invoice()] })
    nock(BASE)
      .get("/api/v2/orders/invoices/reg-number")
      .query({ customerVatId: "SE556677889901", fromInvoiceNumber: "5" })
      .reply(200, { invoices: [], nextInvoiceNumber: 25 })
    nock(BASE).get("/api/v2/orders/invoices/credit").query({ orderReferenceId: "order_01" }).reply(200, {})

    await expect(client.getInvoicesBatch(1001)).resolves.toEqual({ invoices: [invoice()], nextInvoiceNumber: null })
    await expect(
      client.getInvoicesByRegNumber({ customerVatId: "SE556677889901", fromInvoiceNumber: 5 }),
    ).resolves.toEqual({ invoices: [], nextInvoiceNumber: 25 })
    await expect(client.getCreditInvoices({ orderReferenceId: "order_01" })).resolves.toEqual({ invoices: [] })
  })

  it("a 2xx without the promised invoice is an error, not a success", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).post("/api/v2/orders/invoices/credit/full").reply(200, {})
    await expect(client.creditFull({ invoiceNumber: 1 }, "rid")).rejects.toThrow(
      "Payer POST /api/v2/orders/invoices/credit/full failed (unexpected response): response has no invoice",
    )
  })

  it("payoutCredit returns Payer's receipt", async () => {
    const { client } = makeClient()
    mockToken()
    const receipt = {
      amount: 500,
      currencyCode: "SEK",
      payoutJobId: "job-1",
      transactionMessage: "ok",
      bankAccountPayout: { maskedAccountNumber: "**12" },
    }
    nock(BASE).post("/api/v2/orders/invoices/payout-credit", { invoiceNumber: 2001 }).reply(200, receipt)
    await expect(client.payoutCredit({ invoiceNumber: 2001 }, "rid")).resolves.toEqual(receipt)
  })
})

describe("PayerClient construction", () => {
  it("requires credentials and a base URL without echoing them", () => {
    expect(() => makeClient({ clientSecret: "" })).toThrow("Payer client option `clientSecret` is required")
    expect(() => makeClient({ baseUrl: " " })).toThrow("`baseUrl` is required")
    expect(() => makeClient({ maxRetries: -1 })).toThrow("`maxRetries` must be a non-negative integer")
  })
})
