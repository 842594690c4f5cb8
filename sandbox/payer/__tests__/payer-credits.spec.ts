import {
  ORDER_TOTAL,
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
beforeEach(() => sandbox.reset())

const FULL = "/api/v2/orders/invoices/credit/full"
const PARTIAL = "/api/v2/orders/invoices/credit/partial"
const MANUAL = "/api/v2/orders/invoices/credit/manual"
const today = () => new Date().toISOString().slice(0, 10)
const get = async (n: number) => (await api.get(`/api/v2/orders/invoices?invoiceNumber=${n}`)).body

describe("invoice listings", () => {
  it("pages through 45 invoices 20 at a time with nextInvoiceNumber", async () => {
    for (let i = 0; i < 45; i++) await invoicedOrder(api, `ref-batch-${i}`)
    const p1 = await api.get("/api/v2/orders/invoices/batch?fromInvoiceNumber=1001")
    expect(p1.status).toBe(200)
    expect(p1.body.invoices.map((i: any) => i.invoiceNumber)).toEqual(Array.from({ length: 20 }, (_, i) => 1001 + i))
    expect(p1.body.nextInvoiceNumber).toBe(1021)
    const p2 = await api.get(`/api/v2/orders/invoices/batch?fromInvoiceNumber=${p1.body.nextInvoiceNumber}`)
    expect(p2.body.invoices.map((i: any) => i.invoiceNumber)).toEqual(Array.from({ length: 20 }, (_, i) => 1021 + i))
    expect(p2.body.nextInvoiceNumber).toBe(1041)
    const p3 = await api.get(`/api/v2/orders/invoices/batch?fromInvoiceNumber=${p2.body.nextInvoiceNumber}`)
    expect(p3.body.invoices.map((i: any) => i.invoiceNumber)).toEqual([1041, 1042, 1043, 1044, 1045])
    expect(p3.body.nextInvoiceNumber).toBeNull()
    expect(p3.body.invoices[4]).toMatchObject({ referenceId: "ref-batch-44", type: "NORMAL", totalAmount: ORDER_TOTAL })
    // from the middle, and past the end
    const mid = await api.get("/api/v2/orders/invoices/batch?fromInvoiceNumber=1030")
    expect(mid.body.invoices.map((i: any) => i.invoiceNumber)).toEqual(Array.from({ length: 16 }, (_, i) => 1030 + i))
    expect(mid.body.nextInvoiceNumber).toBeNull()
    expect((await api.get("/api/v2/orders/invoices/batch")).body.nextInvoiceNumber).toBe(1021)
    expect((await api.get("/api/v2/orders/invoices/batch?fromInvoiceNumber=2000")).body).toEqual({
      invoices: [],
      nextInvoiceNumber: null,
    })
    expectSpringError(
      await api.get("/api/v2/orders/invoices/batch?fromInvoiceNumber=x"),
      400,
      "fromInvoiceNumber must be an integer",
    )
  })

  it("lists invoices by the customer's reg number or VAT id", async () => {
    const other = { ...orderBody("x").invoiceCustomer, regNumber: "559999-0001", vatId: "SE559999000101" }
    for (let i = 0; i < 22; i++) await invoicedOrder(api, `ref-a-${i}`)
    await invoicedOrder(api, "ref-other", { invoiceCustomer: other })
    const p1 = await api.get("/api/v2/orders/invoices/reg-number?regNumber=556036-0793")
    expect(p1.body.invoices).toHaveLength(20)
    expect(p1.body.nextInvoiceNumber).toBe(1021)
    const p2 = await api.get("/api/v2/orders/invoices/reg-number?regNumber=5560360793&fromInvoiceNumber=1021")
    expect(p2.body.invoices.map((i: any) => i.invoiceNumber)).toEqual([1021, 1022])
    expect(p2.body.nextInvoiceNumber).toBeNull()
    const byVat = await api.get("/api/v2/orders/invoices/reg-number?customerVatId=SE559999000101")
    expect(byVat.body).toEqual({
      invoices: [expect.objectContaining({ referenceId: "ref-other" })],
      nextInvoiceNumber: null,
    })
    expectSpringError(
      await api.get("/api/v2/orders/invoices/reg-number"),
      400,
      "regNumber or customerVatId is required",
    )
  })
})

describe("credits", () => {
  it("full credit of an unpaid invoice cancels the debt", async () => {
    const invoice = await invoicedOrder(api, "ref-full")
    const res = await api.post(FULL, { invoiceNumber: invoice.invoiceNumber }, uuid())
    expect(res.status).toBe(200)
    const credit = res.body
    expect(credit).toMatchObject({
      invoiceNumber: 1002,
      type: "CREDIT",
      status: "PAID",
      referenceId: null,
      orderId: invoice.orderId,
      orderReferenceId: "ref-full",
      totalAmount: ORDER_TOTAL,
      totalVatAmount: invoice.totalVatAmount,
      creditedAmount: 0,
      outstandingAmount: 0,
      creditedInvoiceNumber: invoice.invoiceNumber,
      standalone: false,
      deliveryType: "EMAIL",
      invoiceDate: today(),
      dueDate: today(),
    })
    expect(credit.items).toEqual(invoice.items)
    expect(await get(invoice.invoiceNumber)).toMatchObject({
      status: "CREDITED",
      creditedAmount: ORDER_TOTAL,
      outstandingAmount: 0,
    })

    expectSpringError(await api.post(FULL, { invoiceNumber: invoice.invoiceNumber }), 400, "nothing remains to credit")
    expectSpringError(
      await api.post(PARTIAL, { invoiceNumber: invoice.invoiceNumber, items: [{ position: 2, quantity: 1 }] }),
      400,
      "exceeds the quantity of position 2 not yet credited (0)",
    )
    expect(sandbox.state.invoices.size).toBe(2)
  })

  it("full credit by referenceId; the referenceId lookup still returns the NORMAL invoice", async () => {
    const invoice = await invoicedOrder(api, "ref-by-ref")
    const res = await api.post(FULL, {
      referenceId: "ref-by-ref",
      deliveryType: "PRINT",
      externalInvoiceNumber: "CN-1",
    })
    expect(res.body).toMatchObject({
      referenceId: "ref-by-ref",
      deliveryType: "PRINT",
      externalInvoiceNumber: "CN-1",
      creditedInvoiceNumber: invoice.invoiceNumber,
    })
    expect((await api.get("/api/v2/orders/invoices?referenceId=ref-by-ref")).body.invoiceNumber).toBe(
      invoice.invoiceNumber,
    )
    expect((await api.get("/api/v2/orders/invoices?externalInvoiceNumber=CN-1")).body.type).toBe("CREDIT")
  })

  it("crediting a paid invoice leaves the money on the credit; payout pays it out once", async () => {
    const invoice = await invoicedOrder(api, "ref-paid")
    expect(sandbox.markPaid(invoice.invoiceNumber).status).toBe("PAID")
    const credit = (await api.post(FULL, { invoiceNumber: invoice.invoiceNumber })).body
    expect(credit).toMatchObject({ outstandingAmount: ORDER_TOTAL, status: "UNPAID" })
    expect(await get(invoice.invoiceNumber)).toMatchObject({
      status: "CREDITED",
      outstandingAmount: 0,
      creditedAmount: ORDER_TOTAL,
    })

    const payout = await api.post(
      "/api/v2/orders/invoices/payout-credit",
      { invoiceNumber: credit.invoiceNumber },
      uuid(),
    )
    expect(payout.status).toBe(200)
    expect(payout.body).toEqual({
      amount: ORDER_TOTAL,
      currencyCode: "SEK",
      payoutJobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      transactionMessage: expect.any(String),
      bankAccountPayout: { maskedAccountNumber: "****1234" },
    })
    expect(await get(credit.invoiceNumber)).toMatchObject({ outstandingAmount: 0, status: "PAID" })
    expectSpringError(
      await api.post("/api/v2/orders/invoices/payout-credit", { invoiceNumber: credit.invoiceNumber }),
      400,
      "nothing left to pay out",
    )
    expectSpringError(
      await api.post("/api/v2/orders/invoices/payout-credit", { invoiceNumber: invoice.invoiceNumber }),
      400,
      "is not a credit invoice",
    )
    expectSpringError(
      await api.post("/api/v2/orders/invoices/payout-credit", { invoiceNumber: 9999 }),
      404,
      "Invoice 9999 not found",
    )
  })

  it("partial credit by position, tracking the quantity not yet credited per position", async () => {
    const invoice = await invoicedOrder(api, "ref-partial")
    const n = invoice.invoiceNumber
    const first = await api.post(PARTIAL, { invoiceNumber: n, items: [{ position: 1, quantity: 1 }] })
    expect(first.status).toBe(200)
    expect(first.body.items).toEqual([
      {
        position: 1,
        articleNumber: "SKU-1",
        description: "Widget",
        quantity: 1,
        unit: "pcs",
        unitPrice: 12500,
        subtotalPrice: 12500,
        vatPercentage: 2500,
        vatAmount: 2500,
      },
    ])
    expect(first.body).toMatchObject({ totalAmount: 12500, totalVatAmount: 2500, outstandingAmount: 0 })
    expect(await get(n)).toMatchObject({
      status: "PARTIALLY_CREDITED",
      creditedAmount: 12500,
      outstandingAmount: ORDER_TOTAL - 12500,
    })

    expectSpringError(
      await api.post(PARTIAL, { invoiceNumber: n, items: [{ position: 1, quantity: 2 }] }),
      400,
      "items[0].quantity 2 exceeds the quantity of position 1 not yet credited (1)",
    )
    expectSpringError(
      await api.post(PARTIAL, { invoiceNumber: n, items: [{ position: 9, quantity: 1 }] }),
      400,
      `items[0].position 9 does not exist on invoice ${n}`,
    )
    expectSpringError(
      await api.post(PARTIAL, { invoiceNumber: n, items: [{ position: 2, quantity: 0 }] }),
      400,
      "items[0].quantity must be a number > 0",
    )
    expectSpringError(
      await api.post(PARTIAL, {
        invoiceNumber: n,
        items: [
          { position: 2, quantity: 1 },
          { position: 2, quantity: 1 },
        ],
      }),
      400,
      "used more than once",
    )
    expectSpringError(await api.post(PARTIAL, { invoiceNumber: n }), 400, "items is required")

    // decimal quantities: 1.5 of 3, then the rest
    const half = await api.post(PARTIAL, { invoiceNumber: n, items: [{ position: 3, quantity: 1.5 }] })
    expect(half.body).toMatchObject({ totalAmount: 15900, totalVatAmount: 900 })
    const rest = await api.post(FULL, { invoiceNumber: n })
    expect(rest.body.items.map((i: any) => [i.position, i.quantity, i.subtotalPrice])).toEqual([
      [1, 1, 12500],
      [2, 1, 4900],
      [3, 1.5, 15900],
    ])
    expect(rest.body.totalAmount).toBe(ORDER_TOTAL - 12500 - 15900)
    expect(await get(n)).toMatchObject({ status: "CREDITED", creditedAmount: ORDER_TOTAL, outstandingAmount: 0 })
    expect((await api.get(`/api/v2/orders/invoices/credit?orderId=${invoice.orderId}`)).body.invoices).toHaveLength(3)
  })

  it("manual credit lines, limited to the amount not yet credited; a later full credit takes the rest per VAT rate", async () => {
    const invoice = await invoicedOrder(api, "ref-manual")
    const n = invoice.invoiceNumber
    const line = (overrides: Record<string, unknown>) => ({
      itemType: "FREEFORM",
      position: 1,
      description: "Goodwill",
      quantity: 1,
      unitPrice: 5000,
      subtotalPrice: 5000,
      vatPercentage: 2500,
      ...overrides,
    })

    const over = await api.post(MANUAL, {
      invoiceNumber: n,
      items: [line({ unitPrice: ORDER_TOTAL + 1, subtotalPrice: ORDER_TOTAL + 1 })],
    })
    expectSpringError(
      over,
      400,
      `The credit total ${ORDER_TOTAL + 1} exceeds the amount of invoice ${n} not yet credited (${ORDER_TOTAL})`,
    )
    expectSpringError(
      await api.post(MANUAL, { invoiceNumber: n, items: [line({ subtotalPrice: 4000 })] }),
      400,
      "items[0].subtotalPrice must equal unitPrice * quantity",
    )
    expectSpringError(
      await api.post(MANUAL, { invoiceNumber: n, items: [line({}), line({})] }),
      400,
      "items[1].position 1 is used more than once",
    )
    expect(sandbox.state.invoices.size).toBe(1)

    const ok = await api.post(MANUAL, {
      invoiceNumber: n,
      items: [
        line({}),
        line({
          position: 2,
          description: "Books",
          unitPrice: 1060,
          subtotalPrice: 2120,
          quantity: 2,
          vatPercentage: 600,
        }),
      ],
    })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ totalAmount: 7120, totalVatAmount: 1000 + 120, creditedInvoiceNumber: n })
    expect(await get(n)).toMatchObject({
      status: "PARTIALLY_CREDITED",
      creditedAmount: 7120,
      outstandingAmount: ORDER_TOTAL - 7120,
    })

    const rest = (await api.post(FULL, { invoiceNumber: n })).body
    expect(rest.totalAmount).toBe(ORDER_TOTAL - 7120)
    expect(rest.items.map((i: any) => [i.vatPercentage, i.subtotalPrice])).toEqual([
      [2500, 25000 + 4900 - 5000],
      [600, 31800 - 2120],
    ])
    expect(await get(n)).toMatchObject({ status: "CREDITED", creditedAmount: ORDER_TOTAL })
    expectSpringError(
      await api.post(MANUAL, { invoiceNumber: n, items: [line({ unitPrice: 1, subtotalPrice: 1 })] }),
      400,
      "fully credited",
    )
  })

  it("a standalone credit leaves the original untouched but counts against what can be credited", async () => {
    const invoice = await invoicedOrder(api, "ref-standalone")
    const n = invoice.invoiceNumber
    const res = await api.post(PARTIAL, { invoiceNumber: n, standalone: true, items: [{ position: 1, quantity: 2 }] })
    expect(res.body).toMatchObject({
      standalone: true,
      creditedInvoiceNumber: null,
      totalAmount: 25000,
      outstandingAmount: 25000,
      status: "UNPAID",
    })
    expect(await get(n)).toMatchObject({ status: "UNPAID", creditedAmount: 0, outstandingAmount: ORDER_TOTAL })
    expectSpringError(
      await api.post(PARTIAL, { invoiceNumber: n, items: [{ position: 1, quantity: 1 }] }),
      400,
      "not yet credited (0)",
    )
    const rest = await api.post(FULL, { invoiceNumber: n })
    expect(rest.body.totalAmount).toBe(ORDER_TOTAL - 25000)
    expect(await get(n)).toMatchObject({
      status: "PARTIALLY_CREDITED",
      creditedAmount: ORDER_TOTAL - 25000,
      outstandingAmount: 25000,
    })
  })

  it("validates the common credit fields", async () => {
    const invoice = await invoicedOrder(api, "ref-common")
    const n = invoice.invoiceNumber
    expectSpringError(await api.post(FULL, {}), 400, "invoiceNumber or referenceId is required")
    expectSpringError(await api.post(FULL, { invoiceNumber: 9999 }), 404, "Invoice 9999 not found")
    expectSpringError(await api.post(FULL, { referenceId: "nope" }), 404, "No invoice with referenceId nope")
    expectSpringError(
      await api.post(FULL, { invoiceNumber: n, referenceId: "other" }),
      400,
      `referenceId other does not belong to invoice ${n}`,
    )
    expectSpringError(
      await api.post(FULL, { invoiceNumber: n, invoiceDate: "2999-01-01" }),
      400,
      "invoiceDate 2999-01-01 can not be in the future",
    )
    expectSpringError(await api.post(FULL, { invoiceNumber: n, invoiceDate: "2024-02-30" }), 400, "not a valid date")
    expectSpringError(
      await api.post(FULL, { invoiceNumber: n, externalInvoiceNumber: "E".repeat(37) }),
      400,
      "externalInvoiceNumber must be at most 36 characters",
    )
    expectSpringError(
      await api.post(FULL, { invoiceNumber: n, standalone: "yes" }),
      400,
      "standalone must be a boolean",
    )
    expectSpringError(
      await api.post(FULL, { invoiceNumber: n, deliveryType: "FAX" }),
      400,
      "deliveryType must be one of",
    )
    expect(sandbox.state.invoices.size).toBe(1)

    const dated = await api.post(PARTIAL, {
      invoiceNumber: n,
      invoiceDate: "2024-01-15",
      externalInvoiceNumber: "CN-9",
      items: [{ position: 2, quantity: 1 }],
    })
    expect(dated.body).toMatchObject({
      invoiceDate: "2024-01-15",
      dueDate: "2024-01-15",
      externalInvoiceNumber: "CN-9",
    })
    expectSpringError(
      await api.post(PARTIAL, {
        invoiceNumber: n,
        externalInvoiceNumber: "CN-9",
        items: [{ position: 1, quantity: 1 }],
      }),
      400,
      "externalInvoiceNumber CN-9 is already used",
    )
    expectSpringError(
      await api.post(FULL, { invoiceNumber: dated.body.invoiceNumber }),
      400,
      "is a credit invoice and can not be credited",
    )
  })

  it("lists the credit invoices of an order by orderId or orderReferenceId", async () => {
    const a = await invoicedOrder(api, "ref-list-a")
    const b = await invoicedOrder(api, "ref-list-b")
    await api.post(PARTIAL, { invoiceNumber: a.invoiceNumber, items: [{ position: 1, quantity: 1 }] })
    await api.post(PARTIAL, { invoiceNumber: b.invoiceNumber, items: [{ position: 1, quantity: 1 }] })
    await api.post(PARTIAL, { invoiceNumber: a.invoiceNumber, items: [{ position: 2, quantity: 1 }] })
    const byId = await api.get(`/api/v2/orders/invoices/credit?orderId=${a.orderId}`)
    expect(byId.status).toBe(200)
    expect(byId.body.invoices.map((i: any) => [i.invoiceNumber, i.type, i.creditedInvoiceNumber])).toEqual([
      [1003, "CREDIT", a.invoiceNumber],
      [1005, "CREDIT", a.invoiceNumber],
    ])
    expect(
      (await api.get("/api/v2/orders/invoices/credit?orderReferenceId=ref-list-b")).body.invoices.map(
        (i: any) => i.invoiceNumber,
      ),
    ).toEqual([1004])
    const none = await api.post("/api/v2/orders", orderBody("ref-no-credits"))
    expect((await api.get(`/api/v2/orders/invoices/credit?orderId=${none.body.orderId}`)).body).toEqual({
      invoices: [],
    })
    expectSpringError(await api.get("/api/v2/orders/invoices/credit?orderId=1"), 404, "Order 1 not found")
    expectSpringError(await api.get("/api/v2/orders/invoices/credit"), 400, "orderId or orderReferenceId is required")
    expectSpringError(
      await api.get(`/api/v2/orders/invoices/credit?orderReferenceId=${"r".repeat(49)}`),
      400,
      "orderReferenceId must be at most 48 characters",
    )
  })
})

describe("send, pay-with-credit, test helpers", () => {
  it("records sends on the invoice (state only, not in the Invoice object)", async () => {
    const invoice = await invoicedOrder(api, "ref-send")
    const res = await api.put(
      "/api/v2/orders/invoices/send",
      { invoiceNumber: invoice.invoiceNumber, deliveryType: "EMAIL" },
      uuid(),
    )
    expect(res.status).toBe(200)
    expect(res.text).toBe("")
    await api.put("/api/v2/orders/invoices/send", { invoiceNumber: invoice.invoiceNumber, deliveryType: "PRINT" })
    expect(sandbox.state.invoices.get(invoice.invoiceNumber)!.sends.map((s) => s.deliveryType)).toEqual([
      "EMAIL",
      "PRINT",
    ])
    expect(await get(invoice.invoiceNumber)).not.toHaveProperty("sends")
    expectSpringError(
      await api.put("/api/v2/orders/invoices/send", { invoiceNumber: 9999, deliveryType: "EMAIL" }),
      404,
      "Invoice 9999 not found",
    )
    expectSpringError(
      await api.put("/api/v2/orders/invoices/send", { invoiceNumber: invoice.invoiceNumber, deliveryType: "NONE" }),
      400,
      "deliveryType NONE can not be used",
    )
    expectSpringError(
      await api.put("/api/v2/orders/invoices/send", { invoiceNumber: invoice.invoiceNumber }),
      400,
      "deliveryType is required",
    )
    expect(sandbox.state.invoices.get(invoice.invoiceNumber)!.sends).toHaveLength(2)
  })

  it("pays an invoice with a credit invoice's outstanding amount", async () => {
    const a = await invoicedOrder(api, "ref-pwc-a")
    const b = await invoicedOrder(api, "ref-pwc-b")
    const credit = (
      await api.post(PARTIAL, {
        invoiceNumber: a.invoiceNumber,
        standalone: true,
        items: [{ position: 1, quantity: 1 }],
      })
    ).body
    const PWC = "/api/v2/orders/invoices/pay-with-credit"
    expectSpringError(
      await api.post(PWC, {
        creditInvoiceNumber: credit.invoiceNumber,
        toPayInvoiceNumber: b.invoiceNumber,
        amount: 12501,
      }),
      400,
      `amount 12501 exceeds the outstanding amount of credit invoice ${credit.invoiceNumber} (12500)`,
    )
    expectSpringError(
      await api.post(PWC, { creditInvoiceNumber: b.invoiceNumber, toPayInvoiceNumber: a.invoiceNumber, amount: 1 }),
      400,
      "is not a credit invoice",
    )
    expectSpringError(
      await api.post(PWC, {
        creditInvoiceNumber: credit.invoiceNumber,
        toPayInvoiceNumber: credit.invoiceNumber,
        amount: 1,
      }),
      400,
      "can not be paid",
    )
    expectSpringError(
      await api.post(PWC, { creditInvoiceNumber: credit.invoiceNumber, amount: 1 }),
      400,
      "toPayInvoiceNumber or toPayInvoiceAggregationId is required",
    )
    expectSpringError(
      await api.post(PWC, {
        creditInvoiceNumber: credit.invoiceNumber,
        toPayInvoiceNumber: b.invoiceNumber,
        toPayInvoiceAggregationId: "agg",
        amount: 1,
      }),
      400,
      "only one of",
    )
    expectSpringError(
      await api.post(PWC, { creditInvoiceNumber: credit.invoiceNumber, toPayInvoiceAggregationId: "agg-1", amount: 1 }),
      404,
      "Invoice aggregation agg-1 not found",
    )
    expectSpringError(
      await api.post(PWC, {
        creditInvoiceNumber: credit.invoiceNumber,
        toPayInvoiceNumber: b.invoiceNumber,
        amount: 0,
      }),
      400,
      "amount must be >= 1",
    )

    const res = await api.post(
      PWC,
      { creditInvoiceNumber: credit.invoiceNumber, toPayInvoiceNumber: b.invoiceNumber, amount: 10000 },
      uuid(),
    )
    expect(res.status).toBe(200)
    expect(res.text).toBe("")
    expect(await get(b.invoiceNumber)).toMatchObject({
      status: "PARTIALLY_PAID",
      outstandingAmount: ORDER_TOTAL - 10000,
    })
    expect(await get(credit.invoiceNumber)).toMatchObject({ status: "PARTIALLY_PAID", outstandingAmount: 2500 })
    expect(await get(a.invoiceNumber)).toMatchObject({ status: "UNPAID", outstandingAmount: ORDER_TOTAL })

    sandbox.markPaid(b.invoiceNumber, ORDER_TOTAL - 10000 - 2000)
    expectSpringError(
      await api.post(PWC, {
        creditInvoiceNumber: credit.invoiceNumber,
        toPayInvoiceNumber: b.invoiceNumber,
        amount: 2500,
      }),
      400,
      `exceeds the outstanding amount of invoice ${b.invoiceNumber} (2000)`,
    )
    await api.post(PWC, {
      creditInvoiceNumber: credit.invoiceNumber,
      toPayInvoiceNumber: b.invoiceNumber,
      amount: 2000,
    })
    expect(await get(b.invoiceNumber)).toMatchObject({ status: "PAID", outstandingAmount: 0 })
    expect(await get(credit.invoiceNumber)).toMatchObject({ outstandingAmount: 500 })
  })

  it("markPaid and markOverdue simulate the customer", async () => {
    const invoice = await invoicedOrder(api, "ref-helpers")
    const n = invoice.invoiceNumber
    expect(sandbox.markOverdue(n).status).toBe("OVERDUE")
    expect(sandbox.markPaid(n, 1700)).toMatchObject({ status: "PARTIALLY_PAID", outstandingAmount: 60000 })
    expect(() => sandbox.markPaid(n, 60001)).toThrow("amount must be an integer between 1 and 60000")
    expect(sandbox.markPaid(n)).toMatchObject({ status: "PAID", outstandingAmount: 0 })
    expect(() => sandbox.markPaid(n)).toThrow("nothing outstanding")
    expect(() => sandbox.markOverdue(n)).toThrow("nothing outstanding")
    expect(sandbox.state.invoices.get(n)!.payments.map((p) => [p.source, p.amount])).toEqual([
      ["CUSTOMER", 1700],
      ["CUSTOMER", 60000],
    ])
    expect((await get(n)).status).toBe("PAID")
  })
})

describe("faults on credits", () => {
  it("failNext leaves the invoice uncredited; dropNext credits once and the replay is refused", async () => {
    const invoice = await invoicedOrder(api, "ref-fault")
    const n = invoice.invoiceNumber
    sandbox.setFaults({ failNext: 1, failStatus: 500 })
    const id = uuid()
    expect((await api.post(FULL, { invoiceNumber: n }, id)).status).toBe(500)
    expect(await get(n)).toMatchObject({ status: "UNPAID", creditedAmount: 0 })
    expect(sandbox.state.invoices.size).toBe(1)

    sandbox.setFaults({ dropNext: 1 })
    await expect(api.post(PARTIAL, { invoiceNumber: n, items: [{ position: 1, quantity: 1 }] }, id)).rejects.toThrow()
    expect((await api.post(PARTIAL, { invoiceNumber: n, items: [{ position: 1, quantity: 1 }] }, id)).status).toBe(409)
    const credits = await api.get(`/api/v2/orders/invoices/credit?orderReferenceId=ref-fault`)
    expect(credits.body.invoices).toHaveLength(1)
    expect(await get(n)).toMatchObject({ status: "PARTIALLY_CREDITED", creditedAmount: 12500 })
  })
})
