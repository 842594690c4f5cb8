import { PAYEX_SANDBOX_TOKEN, startPayexSandbox } from ".."
import type { PayexSandbox } from ".."
import { client, paymentBody } from "./helpers"
import { ALL_ITEMS, ITEMS, PO_PROBLEM, item, orderBody, poClient, poRels } from "./paymentorders-helpers"

describe("PayEx sandbox: POST /psp/paymentorders (v3.1)", () => {
  let sandbox: PayexSandbox
  let api: ReturnType<typeof poClient>

  beforeAll(async () => {
    sandbox = await startPayexSandbox({ callbackDelayMs: 10 })
    api = poClient(sandbox)
  })
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  const names = (answer: { body: any }) => answer.body.problems.map((p: { name: string }) => p.name)

  it("creates an Initialized order with the full v3.1 answer, version headers and operations", async () => {
    const created = await api.call("POST", "/psp/paymentorders", orderBody(), { "user-agent": "ShopSystem/1.0" })
    expect(created.status).toBe(200)
    expect(created.contentType).toBe("application/json; charset=utf-8; version=3.1")
    const order = created.body.paymentOrder
    expect(order).toMatchObject({
      operation: "Purchase",
      status: "Initialized",
      currency: "SEK",
      amount: 20000,
      vatAmount: 3178,
      description: "Order 1001",
      initiatingSystemUserAgent: "ShopSystem/1.0",
      language: "sv-SE",
      instrument: "Invoice-PayExFinancingSe",
      instrumentMode: true,
      integration: "",
    })
    expect(order.id).toMatch(/^\/psp\/paymentorders\/[0-9a-f-]{36}$/)
    for (const link of ["paid", "cancelled", "reversed", "financialTransactions", "failedAttempts", "urls"])
      expect(order[link]).toEqual({ id: expect.stringMatching(new RegExp(`^${order.id}/[a-z]+$`)) })
    expect(order).not.toHaveProperty("remainingCaptureAmount")
    expect(poRels(created.body)).toEqual(["abort", "redirect-checkout", "view-checkout"])
    const ops = Object.fromEntries(created.body.operations.map((o: any) => [o.rel, o]))
    expect(ops.abort).toEqual({
      method: "PATCH",
      href: sandbox.url + order.id,
      rel: "abort",
      contentType: "application/json",
    })
    expect(ops["redirect-checkout"]).toMatchObject({ method: "GET", contentType: "text/html" })
    expect(ops["redirect-checkout"].href.startsWith(sandbox.url)).toBe(true)
    expect(ops["view-checkout"]).toMatchObject({ method: "GET", contentType: "application/javascript" })
    expect(sandbox.paymentOrders.get(order.id.split("/").pop())?.status).toBe("Initialized")
  })

  it("accepts the version header with spaces and other casing, and NOK with its instrument", async () => {
    const body = orderBody({ currency: "NOK", instrument: "Invoice-PayExFinancingNo", language: "nb-NO" })
    const created = await api.call("POST", "/psp/paymentorders", body, {
      "content-type": "Application/JSON ; Version = 3.1",
    })
    expect(created.status).toBe(200)
    const noInstrument = await api.call("POST", "/psp/paymentorders", orderBody({ instrument: undefined }))
    expect(noInstrument.body.paymentOrder).toMatchObject({ instrumentMode: false })
    expect(noInstrument.body.paymentOrder).not.toHaveProperty("instrument")
  })

  it.each([
    ["application/json", "version (none)"],
    ["application/json;version=3.0", "version 3.0"],
    ["text/plain;version=3.1", "Content-Type must be"],
  ])("refuses Content-Type %s with a 400 naming the header", async (contentType, text) => {
    const answer = await api.call("POST", "/psp/paymentorders", orderBody(), { "content-type": contentType })
    expect(answer.status).toBe(400)
    expect(answer.body.type).toBe(`${PO_PROBLEM}inputerror`)
    expect(answer.body.problems).toEqual([{ name: "Content-Type", description: expect.stringContaining(text) }])
    expect(sandbox.paymentOrders.size).toBe(0)
  })

  it("refuses another version in Accept on GET", async () => {
    const answer = await api.call("GET", "/psp/paymentorders/x", undefined, { accept: "application/json;version=3.0" })
    expect(answer.status).toBe(400)
    expect(names(answer)).toEqual(["Accept"])
  })

  it("checks the bearer token and the payeeId like the invoice sandbox", async () => {
    const noToken = await poClient(sandbox, "").call("POST", "/psp/paymentorders", orderBody())
    expect(noToken.status).toBe(401)
    expect(noToken.body.type).toBe(`${PO_PROBLEM}forbidden`)
    const wrong = await poClient(sandbox, `${PAYEX_SANDBOX_TOKEN}x`).call("GET", "/psp/paymentorders/x")
    expect(wrong.status).toBe(401)
    const body = orderBody()
    body.paymentorder.payeeInfo.payeeId = "00000000-0000-0000-0000-000000000000"
    const payee = await api.call("POST", "/psp/paymentorders", body)
    expect(payee.status).toBe(403)
    expect(names(payee)).toEqual(["paymentorder.payeeInfo.payeeId"])
  })

  it("answers 404 notfound for an unknown order, and a problem for a body that is not JSON", async () => {
    const missing = await api.call("GET", "/psp/paymentorders/00000000-0000-0000-0000-000000000000")
    expect(missing.status).toBe(404)
    expect(missing.body.type).toBe(`${PO_PROBLEM}notfound`)
    const broken = await api.call("POST", "/psp/paymentorders", "{not json")
    expect(broken.status).toBe(400)
    const wrongKey = await api.call("POST", "/psp/paymentorders", { paymentOrder: orderBody().paymentorder })
    expect(names(wrongKey)).toEqual(["paymentorder"])
  })

  it("names every broken field of the order in one answer", async () => {
    const answer = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody({
        operation: "Verify",
        currency: "EUR",
        instrument: "Invoice-PayExFinancingFi",
        amount: 100.5,
        vatAmount: -1,
        description: "x".repeat(41),
        userAgent: "",
        language: "sv",
        productName: "Checkout3",
        payeeInfo: { payeeId: 42, payeeReference: "has-dash", orderReference: "o".repeat(51) },
      }),
    )
    expect(answer.status).toBe(400)
    expect(names(answer)).toEqual(
      expect.arrayContaining([
        "paymentorder.operation",
        "paymentorder.currency",
        "paymentorder.instrument",
        "paymentorder.amount",
        "paymentorder.vatAmount",
        "paymentorder.description",
        "paymentorder.userAgent",
        "paymentorder.language",
        "paymentorder.productName",
        "paymentorder.payeeInfo.payeeId",
        "paymentorder.payeeInfo.payeeReference",
        "paymentorder.payeeInfo.orderReference",
      ]),
    )
  })

  it("pairs the instrument with the currency, and vatAmount may not exceed amount", async () => {
    const mismatch = await api.call("POST", "/psp/paymentorders", orderBody({ instrument: "Invoice-PayExFinancingNo" }))
    expect(names(mismatch)).toEqual(["paymentorder.instrument"])
    const vat = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody({ amount: 100, vatAmount: 101, orderItems: [item("A", "A", 100, 2500, 20)] }),
    )
    expect(names(vat)).toContain("paymentorder.vatAmount")
  })

  it("validates urls: hostUrls origins, absolute complete/cancel/callback, https terms (http on loopback only)", async () => {
    const answer = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody(
        {},
        {
          hostUrls: ["https://shop.example/checkout"],
          completeUrl: "/complete",
          cancelUrl: undefined,
          callbackUrl: "callback",
          termsOfServiceUrl: "http://shop.example/terms",
        },
      ),
    )
    expect(names(answer).sort()).toEqual([
      "paymentorder.urls.callbackUrl",
      "paymentorder.urls.cancelUrl",
      "paymentorder.urls.completeUrl",
      "paymentorder.urls.hostUrls",
      "paymentorder.urls.termsOfServiceUrl",
    ])
    const noTerms = await api.call("POST", "/psp/paymentorders", orderBody({}, { termsOfServiceUrl: undefined }))
    expect(names(noTerms)).toEqual(["paymentorder.urls.termsOfServiceUrl"])
    const loopback = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody({}, { hostUrls: ["http://localhost:8000/"], termsOfServiceUrl: "http://127.0.0.1:8000/terms" }),
    )
    expect(loopback.status).toBe(200)
    const noUrls = await api.call("POST", "/psp/paymentorders", orderBody({ urls: undefined }))
    expect(names(noUrls)).toEqual(["paymentorder.urls"])
  })

  it("validates each orderItems field", async () => {
    const bad = {
      reference: "",
      name: "",
      type: "GIFT",
      class: "Product Group",
      itemUrl: "not a url",
      quantity: 1.00001,
      quantityUnit: "",
      unitPrice: "10",
      discountPrice: 1.5,
      vatPercent: 2300,
      amount: 20000,
      vatAmount: 3178,
      restrictedToInstruments: ["CreditCard"],
    }
    const answer = await api.call("POST", "/psp/paymentorders", orderBody({ orderItems: [bad] }))
    const prefix = "paymentorder.orderItems[0]."
    expect(names(answer).sort()).toEqual(
      [
        "class",
        "discountPrice",
        "itemUrl",
        "name",
        "quantity",
        "quantityUnit",
        "reference",
        "restrictedToInstruments",
        "type",
        "unitPrice",
        "vatPercent",
      ].map((n) => prefix + n),
    )
    const none = await api.call("POST", "/psp/paymentorders", orderBody({ orderItems: [] }))
    expect(names(none)).toEqual(["paymentorder.orderItems"])
  })

  it("checks the line sums and each line's VAT (round half up, VAT included); discounts are negative", async () => {
    const sums = await api.call("POST", "/psp/paymentorders", orderBody({ orderItems: [ITEMS.grinder, ITEMS.beans] }))
    expect(sums.body.problems.map((p: any) => p.description)).toEqual([
      "the orderItems amounts add up to 17500, not amount 20000",
      "the orderItems vatAmounts add up to 3036, not vatAmount 3178",
    ])
    const lineVat = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody({ orderItems: [ITEMS.grinder, { ...ITEMS.beans, vatAmount: 535 }, ITEMS.magazine], vatAmount: 3177 }),
    )
    expect(lineVat.body.problems).toEqual([
      { name: "paymentorder.orderItems[1].vatAmount", description: expect.stringContaining("must be 536") },
    ])
    const discount = { ...item("D1", "Discount", -1250, 2500, -250), type: "DISCOUNT" }
    const withDiscount = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody({ amount: 18750, vatAmount: 2928, orderItems: [...ALL_ITEMS, discount] }),
    )
    expect(withDiscount.status).toBe(200)
    const positiveDiscount = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody({
        orderItems: [...ALL_ITEMS, { ...discount, amount: 0, vatAmount: 0 }, { ...ITEMS.beans, amount: -1 }],
      }),
    )
    expect(names(positiveDiscount)).toContain("paymentorder.orderItems[4].amount")
  })

  it("validates the payer and never echoes or stores the personal number", async () => {
    const ssn = "199710202392"
    const bad = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody({
        payer: {
          nationalIdentifier: { socialSecurityNumber: "199710202393", countryCode: "NO" },
          email: "nope",
          msisdn: "0739000001",
        },
      }),
    )
    expect(names(bad).sort()).toEqual([
      "paymentorder.payer.email",
      "paymentorder.payer.msisdn",
      "paymentorder.payer.nationalIdentifier.countryCode",
      "paymentorder.payer.nationalIdentifier.socialSecurityNumber",
    ])
    expect(JSON.stringify(bad.body)).not.toContain("19971020239")
    const ok = await api.call(
      "POST",
      "/psp/paymentorders",
      orderBody({
        payer: {
          nationalIdentifier: { socialSecurityNumber: ssn, countryCode: "SE" },
          email: "leia@example.com",
          msisdn: "+46739000001",
          payerReference: "cus01",
        },
      }),
    )
    expect(ok.status).toBe(200)
    expect(ok.body.paymentOrder.guestMode).toBe(false)
    const record = sandbox.paymentOrders.get(ok.body.paymentOrder.id.split("/").pop())!
    expect(record.payer).toMatchObject({ ssnLast4: "2392", countryCode: "SE" })
    expect(JSON.stringify(record)).not.toContain(ssn)
    const payer = await api.call("GET", `${ok.body.paymentOrder.id}/payers`)
    expect(JSON.stringify(payer.body)).not.toContain("2392")
  })

  it("refuses a replayed payeeReference first, with the 'already in use' problem, also across APIs", async () => {
    const body = orderBody()
    expect((await api.call("POST", "/psp/paymentorders", body)).status).toBe(200)
    const replay = await api.call("POST", "/psp/paymentorders", {
      ...body,
      paymentorder: { ...body.paymentorder, amount: -1 },
    })
    expect(replay.status).toBe(400)
    expect(replay.body.type).toBe(`${PO_PROBLEM}inputerror`)
    expect(replay.body.problems).toEqual([
      {
        name: "payeeReference",
        description: `payeeReference ${body.paymentorder.payeeInfo.payeeReference} is already in use`,
      },
    ])
    // a failed create does not use the reference up
    const failed = orderBody({ amount: -1 })
    expect((await api.call("POST", "/psp/paymentorders", failed)).status).toBe(400)
    failed.paymentorder.amount = 20000
    expect((await api.call("POST", "/psp/paymentorders", failed)).status).toBe(200)
    expect(sandbox.paymentOrders.size).toBe(2)
    // one payee, one reference space: the invoice API refuses it too
    const reference = body.paymentorder.payeeInfo.payeeReference
    const invoice = paymentBody()
    invoice.payment.payeeInfo = { ...invoice.payment.payeeInfo, payeeReference: reference }
    const crossed = await client(sandbox).call("POST", "/psp/invoice/payments", invoice)
    expect(crossed.status).toBe(400)
    expect(crossed.body.problems).toEqual([
      { name: "payeeReference", description: `payeeReference ${reference} is already in use` },
    ])
  })
})
