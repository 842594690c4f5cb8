import nock from "nock"
import { BASE, PROBLEM_HEADERS, replayProblem, setupNock, TOKEN } from "../../lib/payex/__tests__/helpers"
import { PaymentModuleRecords } from "../../lib/medusa/payment-records"
import type { OrderLike } from "../../lib/mapping/order-lines"
import { payeeReferenceForNth } from "../../lib/payex"
import { signOrder } from "../../lib/swedbankpay-invoice/session-data"
import { SwedbankPayInvoiceProviderService } from "../swedbankpay-invoice"

setupNock()

const ORDER_ID = "/psp/paymentorders/5adc265f-f87f-4313-577e-08d3dca1a26c"
const SESSION_ID = "payses_01JQ3ZK8V6X9T2M4N5P7R8S9TB"
const PAYMENT_ID = "pay_01JQ40000000000000000000PY"
const CART: OrderLike = {
  id: "cart_1",
  currency_code: "sek",
  items: [{ id: "item_a", product_title: "Mug", quantity: 2, total: 200, tax_lines: [{ rate: 25 }] }],
  shipping_methods: [{ id: "casm_1", name: "PostNord", total: 49, tax_lines: [{ rate: 25 }] }],
}
const OPTIONS = {
  token: TOKEN,
  payeeId: "12345678-1234-1234-1234-123456789012",
  baseUrl: BASE,
  maxRetries: 0,
  completeUrl: "https://shop.example.se/done",
  cancelUrl: "https://shop.example.se/checkout",
  termsOfServiceUrl: "https://shop.example.se/terms",
  hostUrls: ["https://shop.example.se"],
  callbackUrl: "https://api.example.se/hooks/payment/swedbankpay-invoice_swedbankpay",
}

function setup() {
  const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() }
  const captureService = {
    retrieve: jest.fn().mockResolvedValue({
      id: "capt_1",
      amount: 100,
      payment_id: PAYMENT_ID,
      payment: { id: PAYMENT_ID, payment_collection_id: "paycol_1", currency_code: "sek" },
    }),
  }
  const paymentService = { list: jest.fn().mockResolvedValue([{ id: PAYMENT_ID, captures: [], refunds: [] }]) }
  const paymentSessionService = { list: jest.fn().mockResolvedValue([]) }
  const refundService = {
    retrieve: jest.fn().mockResolvedValue({
      id: "ref_1",
      payment_id: PAYMENT_ID,
      payment: { id: PAYMENT_ID, payment_collection_id: "paycol_1" },
    }),
  }
  const provider = new SwedbankPayInvoiceProviderService(
    { logger, captureService, paymentService, paymentSessionService, refundService },
    OPTIONS,
  )
  jest.spyOn(PaymentModuleRecords.prototype, "cartOfSession").mockResolvedValue(CART)
  jest.spyOn(PaymentModuleRecords.prototype, "orderOfPaymentCollection").mockResolvedValue({ ...CART, id: "order_1" })
  return { provider, logger, paymentSessionService }
}
afterEach(() => jest.restoreAllMocks())

const signed = (extra: Record<string, unknown> = {}) => ({
  session_id: SESSION_ID,
  swedbankpay_order_id: ORDER_ID,
  swedbankpay_signature: signOrder(TOKEN, SESSION_ID, ORDER_ID),
  currency_code: "sek",
  amount_minor: 24900,
  ...extra,
})
const op = (rel: string, method = "POST", path = "") => ({ rel, method, href: `${BASE}${ORDER_ID}${path}` })
const order = (status: string, extra: Record<string, unknown> = {}, operations: unknown[] = []) => ({
  paymentOrder: { id: ORDER_ID, status, amount: 24900, vatAmount: 4980, ...extra },
  operations,
})
const PAID = { paid: { transactionType: "Authorization", amount: 24900 } }
const EXPAND = { $expand: "paid,financialtransactions" }

describe("initiatePayment", () => {
  it("creates the payment order with the cart's lines, the v3.1 header and the session's reference; keeps what the storefront needs", async () => {
    const { provider } = setup()
    let sent: any
    let contentType: string | undefined
    nock(BASE)
      .post("/psp/paymentorders", (b) => !!(sent = b))
      .reply(function () {
        contentType = this.req.headers["content-type"] as string
        return [
          200,
          order("Initialized", {}, [
            op("redirect-checkout", "GET", "/shopper"),
            op("view-checkout", "GET", "/view.js"),
            op("abort", "PATCH"),
          ]),
        ]
      })
    const result = await provider.initiatePayment({
      amount: 249,
      currency_code: "sek",
      data: { session_id: SESSION_ID, user_agent: "UA", email: "sven@example.com", pnr: "600307-1161" },
    } as any)
    expect(contentType).toBe("application/json;version=3.1")
    expect(sent.paymentorder).toMatchObject({
      operation: "Purchase",
      currency: "SEK",
      amount: 24900,
      vatAmount: 4980,
      instrument: "Invoice-PayExFinancingSe",
      payeeInfo: { payeeReference: "PS01JQ3ZK8V6X9T2M4N5P7R8S9TB", orderReference: SESSION_ID },
      payer: { email: "sven@example.com" },
      urls: { completeUrl: OPTIONS.completeUrl, hostUrls: OPTIONS.hostUrls, callbackUrl: OPTIONS.callbackUrl },
    })
    expect(sent.paymentorder.orderItems.map((i: any) => [i.type, i.amount, i.vatAmount])).toEqual([
      ["PRODUCT", 20000, 4000],
      ["SHIPPING_FEE", 4900, 980],
    ])
    expect(result.data).toMatchObject({
      ...signed(),
      redirect_url: `${BASE}${ORDER_ID}/shopper`,
      view_url: `${BASE}${ORDER_ID}/view.js`,
      email: null,
      pnr: null,
    })
    expect(JSON.stringify(result.data)).not.toContain("600307")
  })

  it("refuses a cart whose lines do not add up to the amount, and a currency without an invoice instrument", async () => {
    const { provider } = setup()
    await expect(provider.initiatePayment({ amount: 250, currency_code: "sek", data: {} } as any)).rejects.toThrow(
      /do not add up to the payment amount/,
    )
    await expect(provider.initiatePayment({ amount: 249, currency_code: "eur", data: {} } as any)).rejects.toThrow(
      /supports SEK and NOK/,
    )
  })
})

describe("authorizePayment", () => {
  it.each([
    ["Paid with an authorization", order("Paid", PAID), "authorized"],
    ["Initialized (the shopper is still on Swedbank Pay's page)", order("Initialized"), "requires_more"],
    ["Aborted", order("Aborted"), "canceled"],
    ["Failed", order("Failed"), "error"],
  ])("reads the payment order: %s -> %s", async (_what, answer, status) => {
    const { provider } = setup()
    nock(BASE).get(ORDER_ID).query(EXPAND).reply(200, answer)
    expect((await provider.authorizePayment({ data: signed() } as any)).status).toBe(status)
  })

  it("nulls what the storefront planted before the provider ran, payment-only keys included", async () => {
    const { provider } = setup()
    nock(BASE).get(ORDER_ID).query(EXPAND).reply(200, order("Paid", PAID))
    const planted = {
      captures: { FCx: { amount: 1, items: [] } },
      pending_capture: { fulfillment_id: "ful_x", amount_minor: 1, lines: [] },
      pending_refund: { fulfillment_id: "ful_x", amount_minor: 1, capture_number: 0 },
      pnr: "600307-1161",
    }
    const result = await provider.authorizePayment({ data: { ...signed(), ...planted } } as any)
    expect(result.status).toBe("authorized")
    expect(result.data).toEqual({
      ...signed(),
      captures: null,
      pending_capture: null,
      pending_refund: null,
      pnr: null,
    })
  })

  it("refuses a payment order id the provider did not write, without a call", async () => {
    const { provider } = setup()
    const forged = { ...signed(), swedbankpay_order_id: "/psp/paymentorders/00000000-0000-0000-0000-000000000000" }
    await expect(provider.authorizePayment({ data: forged } as any)).rejects.toThrow(/no Swedbank Pay payment order/)
  })
})

describe("capture, refund, cancel", () => {
  const CAPTURE_REF = payeeReferenceForNth("CP", PAYMENT_ID, 0, 10000)

  it("captures the capture's amount with the order's lines scaled to it, under the n-th capture's reference", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(ORDER_ID)
      .query(EXPAND)
      .reply(200, order("Paid", PAID, [op("capture", "POST", "/captures")]))
    let sent: any
    nock(BASE)
      .post(`${ORDER_ID}/captures`, (b) => !!(sent = b))
      .reply(200, order("Paid", PAID))
    const result = await provider.capturePayment({ data: signed(), context: { idempotency_key: "capt_1" } } as any)
    expect(sent.transaction).toMatchObject({ amount: 10000, payeeReference: CAPTURE_REF, description: "Capture" })
    expect(sent.transaction.orderItems.reduce((s: number, i: any) => s + i.amount, 0)).toBe(10000)
    expect(sent.transaction.orderItems.reduce((s: number, i: any) => s + i.vatAmount, 0)).toBe(
      sent.transaction.vatAmount,
    )
    expect(result.data).toMatchObject({ captures: { [CAPTURE_REF]: { amount: 10000 } } })
  })

  it("after a lost answer, takes over the capture Swedbank Pay made under the reference: one capture", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(ORDER_ID)
      .query(EXPAND)
      .reply(200, order("Paid", PAID, [op("capture", "POST", "/captures")]))
    nock(BASE).post(`${ORDER_ID}/captures`).reply(400, replayProblem(CAPTURE_REF), PROBLEM_HEADERS)
    const list = [{ type: "Capture", amount: 10000, payeeReference: CAPTURE_REF }]
    nock(BASE)
      .get(ORDER_ID)
      .query({ $expand: "financialtransactions" })
      .reply(200, order("Paid", { financialTransactions: { financialTransactionsList: list } }))
    const result = await provider.capturePayment({ data: signed(), context: { idempotency_key: "capt_1" } } as any)
    expect(result.data).toMatchObject({ captures: { [CAPTURE_REF]: { amount: 10000 } } })
  })

  it("a refund with a pending_refund the plugin did not sign is an ordinary refund: the n-th refund's reference, the order's lines", async () => {
    const { provider, logger } = setup()
    const items = [{ reference: "item_x", amount: 10000, vatAmount: 2000 }]
    const data = signed({
      captures: { FC01JQ40000000000000000000FU: { amount: 10000, items } },
      pending_refund: { fulfillment_id: "ful_01JQ40000000000000000000FU", amount_minor: 10000, capture_number: 0 },
    })
    nock(BASE)
      .get(ORDER_ID)
      .query(EXPAND)
      .reply(200, order("Paid", PAID, [op("reversal", "POST", "/reversals")]))
    let sent: any
    nock(BASE)
      .post(`${ORDER_ID}/reversals`, (b) => !!(sent = b))
      .reply(200, order("Paid", PAID))
    const result = await provider.refundPayment({ amount: 100, data, context: { idempotency_key: "ref_1" } } as any)
    expect(sent.transaction.payeeReference).toBe(payeeReferenceForNth("RF", PAYMENT_ID, 0, 10000))
    expect(sent.transaction.orderItems.map((i: any) => i.reference)).toEqual(["item_a", "casm_1"])
    expect(result.data).toMatchObject({ pending_refund: null })
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/did not sign/))
  })

  it("cancels what is not captured under the payment's reference, and does nothing when no cancel is offered", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(ORDER_ID)
      .query(EXPAND)
      .reply(200, order("Paid", PAID, [op("cancel", "POST", "/cancellations")]))
    let sent: any
    nock(BASE)
      .post(`${ORDER_ID}/cancellations`, (b) => !!(sent = b))
      .reply(200, order("Cancelled"))
    await provider.cancelPayment({ data: signed(), context: { idempotency_key: PAYMENT_ID } } as any)
    expect(sent.transaction.payeeReference).toBe("CN01JQ40000000000000000000PY")
    nock(BASE).get(ORDER_ID).query(EXPAND).reply(200, order("Cancelled"))
    await provider.cancelPayment({ data: signed(), context: { idempotency_key: PAYMENT_ID } } as any)
  })

  it("aborts a deleted session's order; an abort whose answer was lost counts when the order is aborted", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(ORDER_ID)
      .query(EXPAND)
      .reply(200, order("Initialized", {}, [op("abort", "PATCH")]))
    nock(BASE)
      .patch(ORDER_ID)
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))
    nock(BASE).get(ORDER_ID).query(EXPAND).reply(200, order("Aborted"))
    await expect(provider.deletePayment({ data: signed() } as any)).resolves.toEqual({ data: signed() })
  })
})

describe("getWebhookActionAndData", () => {
  it("answers authorized only for an authorized order whose orderReference is a session holding that order", async () => {
    const { provider, paymentSessionService } = setup()
    paymentSessionService.list.mockResolvedValue([{ id: SESSION_ID, currency_code: "sek", data: signed() }])
    nock(BASE)
      .get(ORDER_ID)
      .query({ $expand: "paid,payeeinfo" })
      .reply(200, order("Paid", { ...PAID, payeeInfo: { orderReference: SESSION_ID } }))
    const result = await provider.getWebhookActionAndData({
      data: { paymentOrder: { id: ORDER_ID, number: 1 } },
    } as any)
    expect(result).toMatchObject({ action: "authorized", data: { session_id: SESSION_ID } })
    expect(Number(result.data!.amount)).toBe(249)
  })

  it("changes nothing for a forged or malformed body, without reading anything", async () => {
    const { provider } = setup()
    for (const data of [{ paymentOrder: { id: `${ORDER_ID}/../x` } }, { hello: 1 }, null])
      expect((await provider.getWebhookActionAndData({ data } as any)).action).toBe("not_supported")
  })
})
