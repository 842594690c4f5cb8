import { BigNumber, MathBN, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import nock from "nock"
import {
  BASE,
  operations,
  PAYMENT_ID,
  paymentResponse,
  problem,
  PROBLEM_HEADERS,
  replayProblem,
  setupNock,
  TOKEN,
  transaction,
  watchUnmatched,
} from "../../lib/payex/__tests__/helpers"
import type { OrderLike } from "../../lib/mapping/order-lines"
import { PayexInvoiceProviderService } from "../payex-invoice"
import type { PayexInvoiceOptions } from "../../lib/payex-invoice/provider-options"
import { PaymentModuleRecords } from "../../lib/medusa/payment-records"
import type { PayexActionContext, PayexSessionData } from "../../lib/payex-invoice/payex-session-data"
import { signHandover, signPayment } from "../../lib/payex-invoice/session-trust"
import {
  CAPTURE_ID,
  CAPTURE_REF,
  captureRef,
  FULFILLMENT_ID,
  PAYMENT_MEDUSA_ID,
  REFUND_ID,
  REFUND_REF,
  refundRef,
  SESSION_ID,
  ULID,
} from "./payex-provider-fixtures"

setupNock()

const PAYEE_ID = "12345678-1234-1234-1234-123456789012"
const OTHER_PAYMENT_ID = "/psp/invoice/payments/99999999-f87f-4313-577e-08d3dca1a26c"

const OPTIONS: PayexInvoiceOptions = {
  token: TOKEN,
  payeeId: PAYEE_ID,
  payeeName: "Acme Outdoor",
  baseUrl: BASE,
  callbackUrl: "https://shop.example.com/hooks/payment/payex-invoice_payex",
  maxRetries: 0,
}

/** The order of the payment collection: 3 x 33.33 at 25 %, 2 x 22.75 at 12 %, a book at 6 % and shipping. */
const ORDER: OrderLike = {
  id: "order_01",
  currency_code: "sek",
  items: [
    { id: "item_a", product_title: "Mug", quantity: 3, total: 99.99, tax_lines: [{ rate: 25 }] },
    { id: "item_b", product_title: "Tea", quantity: 2, total: 45.5, tax_lines: [{ rate: 12 }] },
    { id: "item_c", product_title: "Cookbook", quantity: 1, total: 199, tax_lines: [{ rate: 6 }] },
  ],
  shipping_methods: [{ id: "sm_1", name: "PostNord", total: 49, tax_lines: [{ rate: 25 }] }],
}
const ORDER_TOTAL_MINOR = 9999 + 4550 + 19900 + 4900

function setup(options: Partial<PayexInvoiceOptions> = {}) {
  const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() }
  const captureService = { retrieve: jest.fn() }
  const paymentService = { list: jest.fn() }
  const refundService = {
    retrieve: jest
      .fn()
      .mockResolvedValue({ id: REFUND_ID, payment_id: PAYMENT_MEDUSA_ID, payment: { id: PAYMENT_MEDUSA_ID } }),
  }
  const provider = new PayexInvoiceProviderService(
    { logger, captureService, paymentService, refundService },
    { ...OPTIONS, ...options },
  )
  const orderLookup = jest.spyOn(PaymentModuleRecords.prototype, "orderOfPaymentCollection").mockResolvedValue(ORDER)
  return { provider, logger, captureService, paymentService, refundService, orderLookup }
}

afterEach(() => jest.restoreAllMocks())

const sessionData = (overrides: Partial<PayexSessionData> = {}): PayexSessionData => ({
  session_id: SESSION_ID,
  payex_payment_id: PAYMENT_ID,
  payex_payment_number: 1234567890,
  payex_signature: signPayment(TOKEN, SESSION_ID, overrides.payex_payment_id ?? PAYMENT_ID),
  currency_code: "sek",
  amount_minor: ORDER_TOTAL_MINOR,
  capture_on: "fulfillment",
  ...overrides,
})

const txList = (list: unknown[], paymentId = PAYMENT_ID) => ({
  payment: paymentId,
  transactions: { id: `${paymentId}/transactions`, transactionList: list },
})

const AUTHORIZED_OPS = ["create-capture", "create-cancellation"]
/** The one read of a payment with its transactions inlined (`$expand=transactions`). */
const EXPANDED = { $expand: "transactions" }
const withTransactions = (res: ReturnType<typeof paymentResponse>, list: unknown[]) => ({
  ...res,
  payment: { ...res.payment, transactions: { id: `${res.payment.id}/transactions`, transactionList: list } },
})
const CAPTURED_OPS = ["create-capture", "create-cancellation", "create-reversal"]

/** Asserts no request left the process during `fn` (every PayEx call would be unmatched). */
async function withoutHttp<T>(fn: () => Promise<T>): Promise<T> {
  const unmatched = watchUnmatched()
  try {
    return await fn()
  } finally {
    unmatched.stop()
    expect(unmatched.seen).toEqual([])
  }
}

const createdPayment = (number = 1234567890, id = PAYMENT_ID) =>
  paymentResponse({ id, number }, ["update-payment-abort", "create-authorization", "create-approved-legal-address"])

describe("initiatePayment", () => {
  it("refuses a currency PayEx invoice does not serve before any HTTP call", async () => {
    const { provider } = setup()
    const error = await withoutHttp(() =>
      provider.initiatePayment({ amount: 100, currency_code: "usd", data: { session_id: SESSION_ID } }).catch((e) => e),
    )
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toBe("PayEx invoice supports SEK, NOK and EUR, not USD")
  })

  it("creates a SEK invoice payment in minor units, referenced by the session", async () => {
    const { provider } = setup()
    nock(BASE)
      .post("/psp/invoice/payments", {
        payment: {
          operation: "FinancingConsumer",
          intent: "Authorization",
          currency: "SEK",
          prices: [{ type: "Invoice", amount: ORDER_TOTAL_MINOR, vatAmount: 0 }],
          description: "Purchase from Acme Outdoor",
          userAgent: "Mozilla/5.0 (shop)",
          language: "sv-SE",
          urls: { callbackUrl: "https://shop.example.com/hooks/payment/payex-invoice_payex" },
          payeeInfo: {
            payeeId: PAYEE_ID,
            payeeReference: `PS${ULID}`,
            payeeName: "Acme Outdoor",
            orderReference: SESSION_ID,
          },
        },
        invoice: { invoiceType: "PayExFinancingSe" },
      })
      .matchHeader("authorization", `Bearer ${TOKEN}`)
      .reply(201, createdPayment(777))
    const result = await provider.initiatePayment({
      amount: new BigNumber("393.49"),
      currency_code: "sek",
      data: { session_id: SESSION_ID, user_agent: "Mozilla/5.0 (shop)" },
    })
    expect(result.id).toBe(PAYMENT_ID)
    expect(result.status).toBe(PaymentSessionStatus.PENDING)
    expect(JSON.parse(JSON.stringify(result.data))).toEqual({
      session_id: SESSION_ID,
      payex_payment_id: PAYMENT_ID,
      payex_payment_number: 777,
      payex_signature: signPayment(TOKEN, SESSION_ID, PAYMENT_ID),
      currency_code: "sek",
      amount_minor: ORDER_TOTAL_MINOR,
      capture_on: "fulfillment",
      // What the shopper's two actions follow without reading the payment again (one request each).
      payex_operations: [
        { rel: "create-authorization", method: "POST", href: `${BASE}${PAYMENT_ID}/authorizations` },
        { rel: "create-approved-legal-address", method: "POST", href: `${BASE}${PAYMENT_ID}/approvedlegaladdress` },
      ],
    })
  })

  it.each([
    ["nok", "NOK", "PayExFinancingNo", "nb-NO"],
    ["EUR", "EUR", "PayExFinancingFi", "en-US"],
  ])("chooses invoice type and language by currency (%s)", async (currency, upper, invoiceType, language) => {
    const { provider } = setup({ callbackUrl: undefined })
    let sent: any
    nock(BASE)
      .post("/psp/invoice/payments", (body) => {
        sent = body
        return true
      })
      .reply(201, createdPayment())
    const result = await provider.initiatePayment({
      amount: "12.5",
      currency_code: currency,
      data: { session_id: SESSION_ID },
    })
    expect(sent.payment).toMatchObject({
      currency: upper,
      language,
      prices: [{ type: "Invoice", amount: 1250, vatAmount: 0 }],
    })
    expect(sent.invoice).toEqual({ invoiceType })
    expect(sent.payment.urls).toBeUndefined()
    expect(sent.payment.userAgent).toBe("medusa-plugin-payex-payer")
    expect((result.data as PayexSessionData).currency_code).toBe(currency.toLowerCase())
  })

  it("lets the merchant's language option win and keeps the description within 40 characters", async () => {
    const { provider } = setup({
      language: "en-US",
      payeeName: "The Extraordinarily Long Named Outdoor Store of Sweden",
      captureOn: "manual",
    })
    let sent: any
    nock(BASE)
      .post("/psp/invoice/payments", (body) => {
        sent = body
        return true
      })
      .reply(201, createdPayment())
    const result = await provider.initiatePayment({
      amount: 10,
      currency_code: "sek",
      data: { session_id: SESSION_ID },
    })
    expect(sent.payment.language).toBe("en-US")
    expect(sent.payment.description.length).toBeLessThanOrEqual(40)
    expect(sent.payment.description.startsWith("Purchase from The Extraordinarily")).toBe(true)
    expect((result.data as PayexSessionData).capture_on).toBe("manual")
  })

  it("takes the session id from the idempotency key when the data has none", async () => {
    const { provider } = setup()
    let sent: any
    nock(BASE)
      .post("/psp/invoice/payments", (body) => {
        sent = body
        return true
      })
      .reply(201, createdPayment())
    const result = await provider.initiatePayment({
      amount: 10,
      currency_code: "sek",
      data: {},
      context: { idempotency_key: SESSION_ID } as any,
    })
    expect(sent.payment.payeeInfo).toMatchObject({ payeeReference: `PS${ULID}`, orderReference: SESSION_ID })
    expect((result.data as PayexSessionData).session_id).toBe(SESSION_ID)
  })

  it("creates the payment again with the R-suffixed reference when PayEx has seen the first", async () => {
    const { provider } = setup()
    const references: string[] = []
    nock(BASE)
      .post("/psp/invoice/payments", (body) => !!references.push(body.payment.payeeInfo.payeeReference))
      .reply(400, replayProblem(`PS${ULID}`), PROBLEM_HEADERS)
    nock(BASE)
      .post("/psp/invoice/payments", (body) => !!references.push(body.payment.payeeInfo.payeeReference))
      .reply(201, createdPayment(888))
    const result = await provider.initiatePayment({
      amount: 10,
      currency_code: "sek",
      data: { session_id: SESSION_ID },
    })
    expect(references).toEqual([`PS${ULID}`, `PS${ULID}R`])
    expect((result.data as PayexSessionData).payex_payment_number).toBe(888)
  })

  it("gives up with a MedusaError when the R reference is used too", async () => {
    const { provider } = setup()
    nock(BASE)
      .post("/psp/invoice/payments")
      .reply(400, replayProblem(`PS${ULID}`), PROBLEM_HEADERS)
    nock(BASE)
      .post("/psp/invoice/payments")
      .reply(400, replayProblem(`PS${ULID}R`), PROBLEM_HEADERS)
    const error = await provider
      .initiatePayment({ amount: 10, currency_code: "sek", data: { session_id: SESSION_ID } })
      .catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toContain(`payeeReference PS${ULID}R is already in use`)
  })

  it("does not retry the create with another reference after other errors", async () => {
    const { provider } = setup()
    nock(BASE)
      .post("/psp/invoice/payments")
      .reply(
        400,
        problem("inputerror", "Invalid payeeId", [{ name: "payeeInfo.payeeId", description: "Unknown" }]),
        PROBLEM_HEADERS,
      )
    const error = await provider
      .initiatePayment({ amount: 10, currency_code: "sek", data: { session_id: SESSION_ID } })
      .catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toContain("payeeInfo.payeeId: Unknown")
    expect(error.message).not.toContain(TOKEN)
  })

  it("drops a personal number a storefront put into the session data", async () => {
    const { provider } = setup()
    nock(BASE)
      .post("/psp/invoice/payments", (body) => !JSON.stringify(body).includes("6003071161"))
      .reply(201, createdPayment())
    const result = await provider.initiatePayment({
      amount: 10,
      currency_code: "sek",
      data: {
        session_id: SESSION_ID,
        social_security_number: "600307-1161",
        ssn: "6003071161",
        personnummer: "196003071161",
      },
    })
    // only an explicit null removes the storefront's value when Medusa merges the data
    for (const key of ["social_security_number", "ssn", "personnummer"]) expect((result.data as any)[key]).toBeNull()
  })
})

describe("updatePayment", () => {
  it("runs a storefront action and stores neither the action nor the personal number", async () => {
    const { provider } = setup()
    nock(BASE).get(PAYMENT_ID).reply(200, createdPayment())
    nock(BASE)
      .post(`${PAYMENT_ID}/approvedlegaladdress`, {
        addressee: { socialSecurityNumber: "196003071161", zipCode: "19792" },
      })
      .reply(200, {
        payment: PAYMENT_ID,
        approvedLegalAddress: {
          addressee: "Leo Andersson",
          streetAddress: "Helgestavägen 9",
          zipCode: "19792",
          city: "Bro",
          countryCode: "SE",
        },
      })
    const result = await provider.updatePayment({
      amount: 393.49,
      currency_code: "sek",
      data: { ...sessionData(), ssn: "600307-1161" },
      context: {
        payex_action: { type: "legal-address", social_security_number: "600307-1161", zip_code: "19792" },
      } as PayexActionContext,
    })
    expect(result.data).toEqual({
      ...sessionData(),
      ssn: null,
      legal_address: {
        addressee: "Leo Andersson",
        co_address: null,
        street_address: "Helgestavägen 9",
        zip_code: "19792",
        city: "Bro",
        country_code: "SE",
      },
    })
    expect(JSON.stringify(result)).not.toMatch(/6003071161|600307-1161/)
  })

  it("ignores an action planted in the session data: no PayEx call", async () => {
    const { provider } = setup()
    const planted = { type: "legal-address", social_security_number: "600307-1161", zip_code: "19792" }
    const result = await withoutHttp(() =>
      provider.updatePayment({
        amount: 393.49,
        currency_code: "sek",
        data: { ...sessionData(), payex_action: planted },
      }),
    )
    expect(result.data.legal_address).toBeUndefined()
    expect(result.data.payex_action).toBeNull()
    expect(JSON.stringify(result)).not.toMatch(/6003071161/)
  })

  it("changes nothing at PayEx when the amount is the same", async () => {
    const { provider } = setup()
    const result = await withoutHttp(() =>
      provider.updatePayment({
        amount: 393.49,
        currency_code: "sek",
        data: { ...sessionData(), personal_number: "x" },
      }),
    )
    expect(result.data).toEqual({ ...sessionData(), personal_number: null })
  })

  it("aborts the PayEx payment and creates one for the new amount, with a reference PayEx has not seen", async () => {
    const { provider } = setup()
    const NEW_ID = "/psp/invoice/payments/11111111-f87f-4313-577e-08d3dca1a26c"
    const references: string[] = []
    // the first change
    nock(BASE).get(PAYMENT_ID).reply(200, createdPayment())
    nock(BASE)
      .patch(PAYMENT_ID, { payment: { operation: "Abort", abortReason: "CancelledByConsumer" } })
      .reply(200, paymentResponse({ state: "Aborted" }, []))
    nock(BASE)
      .post(
        "/psp/invoice/payments",
        (body) => body.payment.prices[0].amount === 50000 && !!references.push(body.payment.payeeInfo.payeeReference),
      )
      .reply(201, createdPayment(901, NEW_ID))
    const first = await provider.updatePayment({ amount: 500, currency_code: "sek", data: sessionData() })
    expect(first.data).toMatchObject({ session_id: SESSION_ID, payex_payment_id: NEW_ID, amount_minor: 50000 })

    // a second change aborts the new payment and creates a third
    const THIRD_ID = "/psp/invoice/payments/22222222-f87f-4313-577e-08d3dca1a26c"
    nock(BASE).get(NEW_ID).reply(200, createdPayment(901, NEW_ID))
    nock(BASE)
      .patch(NEW_ID)
      .reply(200, paymentResponse({ id: NEW_ID, state: "Aborted" }, []))
    nock(BASE)
      .post(
        "/psp/invoice/payments",
        (body) => body.payment.prices[0].amount === 60000 && !!references.push(body.payment.payeeInfo.payeeReference),
      )
      .reply(201, createdPayment(902, THIRD_ID))
    const second = await provider.updatePayment({
      amount: 600,
      currency_code: "sek",
      data: first.data as PayexSessionData,
    })
    expect(second.data).toMatchObject({ session_id: SESSION_ID, payex_payment_id: THIRD_ID, amount_minor: 60000 })

    // PayEx refuses a payeeReference it has seen: each payment needs its own
    expect(new Set([`PS${ULID}`, ...references]).size).toBe(3)
    for (const ref of references) expect(ref).toMatch(/^[A-Za-z0-9]{1,30}$/)
  })

  it("keeps a retried amount change safe: PayEx's replay answer leads to the R-suffixed reference", async () => {
    const { provider } = setup()
    const references: string[] = []
    nock(BASE).get(PAYMENT_ID).reply(200, createdPayment())
    nock(BASE)
      .patch(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Aborted" }, []))
    nock(BASE)
      .post("/psp/invoice/payments", (body) => !!references.push(body.payment.payeeInfo.payeeReference))
      .reply(400, (_uri, body: any) => replayProblem(body.payment.payeeInfo.payeeReference))
    nock(BASE)
      .post("/psp/invoice/payments", (body) => !!references.push(body.payment.payeeInfo.payeeReference))
      .reply(201, createdPayment(903))
    const result = await provider.updatePayment({ amount: 500, currency_code: "sek", data: sessionData() })
    expect(result.data).toMatchObject({ payex_payment_number: 903, amount_minor: 50000 })
    expect(references).toHaveLength(2)
    expect(references[1]).not.toBe(references[0])
    expect(references[1].endsWith("R")).toBe(true)
    for (const ref of references) expect(ref).toMatch(/^[A-Za-z0-9]{1,30}$/)
    expect(references).not.toContain(`PS${ULID}`)
    expect(references).not.toContain(`PS${ULID}R`)
  })
})

describe("authorizePayment", () => {
  it("is authorized when PayEx holds a completed Authorization transaction, read in one request", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(
        200,
        withTransactions(paymentResponse({ state: "Pending" }, AUTHORIZED_OPS), [
          transaction({ type: "Authorization", state: "Failed", number: 1 }),
          transaction({ type: "Authorization", state: "Completed", number: 2 }),
        ]),
      )
    const result = await provider.authorizePayment({ data: sessionData() })
    // The operations are kept for capture and cancellation, and the payment's reversals resource for a reversal.
    const kept = operations(AUTHORIZED_OPS)
    expect(result).toEqual({
      status: PaymentSessionStatus.AUTHORIZED,
      data: {
        ...sessionData(),
        authorization_transaction_number: 2,
        payex_operations: [...kept, { rel: "create-reversal", method: "POST", href: `${BASE}${PAYMENT_ID}/reversals` }],
      },
    })
  })

  it("reads the transactions from their link when PayEx does not inline them", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(200, paymentResponse({ state: "Pending" }, CAPTURED_OPS))
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([transaction({ type: "Authorization", number: 7 })]))
    const result = await provider.authorizePayment({ data: sessionData() })
    expect(result.data).toMatchObject({
      authorization_transaction_number: 7,
      payex_operations: operations(CAPTURED_OPS),
    })
  })

  it("keeps no operation of another payment or off PayEx's origin", async () => {
    const { provider } = setup()
    const answer = paymentResponse({ state: "Pending", reversals: { id: "https://evil.example/reversals" } }, [])
    answer.operations = [
      ...operations(["create-capture"], OTHER_PAYMENT_ID),
      { rel: "create-cancellation", method: "POST", href: `https://evil.example${PAYMENT_ID}/cancellations` },
    ]
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(200, withTransactions(answer, [transaction({ type: "Authorization" })]))
    const result = await provider.authorizePayment({ data: sessionData() })
    expect(result.data.payex_operations).toEqual([])
  })

  it.each([
    ["no transaction", []],
    ["an authorization still in progress", [{ type: "Authorization", state: "Initialized" }]],
    ["a failed authorization", [{ type: "Authorization", state: "Failed" }]],
  ])("refuses with %s", async (_what, txs) => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(
        200,
        withTransactions(
          paymentResponse({ state: "Pending" }),
          txs.map((t) => transaction(t)),
        ),
      )
    const error = await provider.authorizePayment({ data: sessionData() }).catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toBe(
      "The shopper is not authorized by PayEx yet: call POST /store/payex/authorize before completing the cart",
    )
  })

  it("refuses a session without a PayEx payment without calling PayEx", async () => {
    const { provider } = setup()
    const error = await withoutHttp(() =>
      provider.authorizePayment({ data: sessionData({ payex_payment_id: undefined }) }).catch((e) => e),
    )
    expect(error).toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
      message: "This payment session has no PayEx payment the plugin created; create the payment session again",
    })
  })

  it("reports PayEx being unreachable as a MedusaError", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(503, problem("systemerror", "down", [], 503), PROBLEM_HEADERS)
    const error = await provider.authorizePayment({ data: sessionData() }).catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toContain("PayEx get-payment failed (503): down")
  })
})

describe("capturePayment", () => {
  /** Medusa's capture row and the payment's recorded captures, as the cradle services return them. */
  function medusaCapture(
    ctx: ReturnType<typeof setup>,
    amount: unknown,
    recorded: Array<{ id: string; raw_amount?: unknown; amount?: unknown }> = [{ id: CAPTURE_ID, raw_amount: amount }],
  ) {
    ctx.captureService.retrieve.mockResolvedValue({
      id: CAPTURE_ID,
      amount: typeof amount === "object" ? undefined : amount,
      raw_amount: typeof amount === "object" ? amount : undefined,
      payment_id: PAYMENT_MEDUSA_ID,
      payment: { id: PAYMENT_MEDUSA_ID, payment_collection_id: "pay_col_1", currency_code: "sek" },
    })
    ctx.paymentService.list.mockResolvedValue([{ id: PAYMENT_MEDUSA_ID, captures: recorded }])
  }

  function mockPayexState(captures: unknown[] = []) {
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(
        200,
        withTransactions(paymentResponse({ state: "Pending" }, captures.length ? CAPTURED_OPS : AUTHORIZED_OPS), [
          transaction({ type: "Authorization", amount: ORDER_TOTAL_MINOR }),
          ...captures,
        ]),
      )
  }

  function captureAnswer(body: any, number = 5001) {
    return {
      payment: PAYMENT_ID,
      capture: {
        transaction: transaction({
          type: "Capture",
          number,
          amount: body.transaction.amount,
          vatAmount: body.transaction.vatAmount,
          payeeReference: body.transaction.payeeReference,
        }),
      },
    }
  }

  const pendingLines = [
    { reference: "item_a", description: "2 x Mug", amount: 6666, vatBasisPoints: 2500 },
    { reference: "item_b", description: "1 x Tea", amount: 2275, vatBasisPoints: 1200 },
    { reference: "sm_1", description: "Shipping: PostNord", amount: 4900, vatBasisPoints: 2500 },
  ]

  it("captures a fulfillment with its FC reference and exactly its lines", async () => {
    const ctx = setup()
    medusaCapture(ctx, { value: "138.41", precision: 20 })
    mockPayexState()
    let sent: any
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`, (body) => {
        sent = body
        return true
      })
      .reply(200, (_uri, body) => captureAnswer(body))
    const result = await ctx.provider.capturePayment({
      data: sessionData({
        pending_capture: signHandover(TOKEN, "pending_capture", PAYMENT_MEDUSA_ID, {
          fulfillment_id: FULFILLMENT_ID,
          amount_minor: 13841,
          lines: pendingLines,
        }),
      }),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect(sent).toEqual({
      transaction: {
        activity: "FinancingConsumer",
        amount: 13841,
        vatAmount: 2313 + 244, // 11566 at 25 %: 2313.2; 2275 at 12 %: 243.75
        payeeReference: "FC01JQ40000000000000000000FU",
        description: "Capture of a shipment",
        itemDescriptions: [
          { amount: 6666, description: "2 x Mug" },
          { amount: 2275, description: "1 x Tea" },
          { amount: 4900, description: "Shipping: PostNord" },
        ],
        vatSummary: [
          { amount: 11566, vatPercent: 2500, vatAmount: 2313 },
          { amount: 2275, vatPercent: 1200, vatAmount: 244 },
        ],
      },
    })
    expect(ctx.orderLookup).not.toHaveBeenCalled()
    expect(ctx.captureService.retrieve).toHaveBeenCalledWith(CAPTURE_ID, expect.anything())
    // null, not absent: Medusa merges payment data, so only null clears the hand-over
    expect(result.data).toEqual({
      ...sessionData(),
      pending_capture: null,
      captures: {
        FC01JQ40000000000000000000FU: {
          number: 5001,
          amount: 13841,
          // what the capture sent: a later reversal splits its VAT from this without reading PayEx
          vat_summary: [
            { amount: 11566, vatPercent: 2500, vatAmount: 2313 },
            { amount: 2275, vatPercent: 1200, vatAmount: 244 },
          ],
        },
      },
    })
  })

  it("captures a partial amount from the admin scaled from the order lines, with a CP reference", async () => {
    const ctx = setup()
    medusaCapture(ctx, 100)
    mockPayexState()
    let sent: any
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`, (body) => {
        sent = body
        return true
      })
      .reply(200, (_uri, body) => captureAnswer(body, 5002))
    const result = await ctx.provider.capturePayment({
      data: sessionData({ captures: { FCold: { number: 1, amount: 1 } } }),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect(ctx.orderLookup).toHaveBeenCalledWith("pay_col_1")
    const t = sent.transaction
    expect(t).toMatchObject({ amount: 10000, payeeReference: CAPTURE_REF, description: "Capture" })
    expect(t.itemDescriptions.map((i: any) => i.description)).toEqual([
      "3 x Mug",
      "2 x Tea",
      "1 x Cookbook",
      "Shipping: PostNord",
    ])
    expect(t.itemDescriptions.reduce((s: number, i: any) => s + i.amount, 0)).toBe(10000)
    expect(t.vatSummary.reduce((s: number, v: any) => s + v.amount, 0)).toBe(10000)
    expect(t.vatSummary.reduce((s: number, v: any) => s + v.vatAmount, 0)).toBe(t.vatAmount)
    expect(t.vatSummary.map((v: any) => v.vatPercent)).toEqual([2500, 1200, 600])
    // each row is its line's share of 100.00 out of 393.49 (2541.11, 1156.32, 5057.31, 1245.27: the
    // öre left after rounding down goes to the largest remainder)
    expect(t.itemDescriptions.map((i: any) => i.amount)).toEqual([2541, 1157, 5057, 1245])
    expect(result.data).toMatchObject({
      captures: { FCold: { number: 1, amount: 1 }, [CAPTURE_REF]: { number: 5002, amount: 10000 } },
    })
  })

  it("uses the order lines when the pending fulfillment is for another amount", async () => {
    const ctx = setup()
    medusaCapture(ctx, ORDER_TOTAL_MINOR / 100)
    mockPayexState()
    let sent: any
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`, (body) => {
        sent = body
        return true
      })
      .reply(200, (_uri, body) => captureAnswer(body))
    await ctx.provider.capturePayment({
      data: sessionData({
        pending_capture: signHandover(TOKEN, "pending_capture", PAYMENT_MEDUSA_ID, {
          fulfillment_id: FULFILLMENT_ID,
          amount_minor: 13841,
          lines: pendingLines,
        }),
      }),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect(sent.transaction.payeeReference).toBe(captureRef(ORDER_TOTAL_MINOR))
    expect(sent.transaction.amount).toBe(ORDER_TOTAL_MINOR)
    expect(sent.transaction.itemDescriptions).toHaveLength(4)
  })

  it("records, without a second capture, money PayEx already holds as captured that Medusa has not counted", async () => {
    const ctx = setup()
    // Medusa knows only the capture it is making now; PayEx already captured 100.00 (a crash after PayEx answered)
    medusaCapture(ctx, 100, [{ id: CAPTURE_ID, raw_amount: { value: "100", precision: 20 } }])
    mockPayexState([
      transaction({
        type: "Capture",
        state: "Completed",
        amount: 10000,
        payeeReference: CAPTURE_REF,
      }),
    ])
    const result = await withoutHttp(() =>
      ctx.provider.capturePayment({ data: sessionData(), context: { idempotency_key: CAPTURE_ID } as any }),
    )
    expect(result.data).toEqual({ ...sessionData(), pending_capture: null })
    expect(ctx.paymentService.list).toHaveBeenCalledWith(
      { id: PAYMENT_MEDUSA_ID },
      expect.objectContaining({ relations: ["captures"] }),
    )
  })

  it("captures when everything PayEx captured is already recorded in Medusa", async () => {
    const ctx = setup()
    medusaCapture(ctx, 100, [
      { id: "capt_earlier", amount: 100 },
      { id: CAPTURE_ID, amount: 100 },
    ])
    mockPayexState([
      transaction({ type: "Capture", state: "Completed", amount: 10000 }),
      transaction({ type: "Capture", state: "Failed", amount: 10000 }),
    ])
    const capture = nock(BASE)
      .post(`${PAYMENT_ID}/captures`)
      .reply(200, (_uri, body) => captureAnswer(body))
    await ctx.provider.capturePayment({ data: sessionData(), context: { idempotency_key: CAPTURE_ID } as any })
    expect(capture.isDone()).toBe(true)
  })

  it("takes over the capture an earlier attempt made when PayEx has seen the reference", async () => {
    const ctx = setup()
    medusaCapture(ctx, 100)
    const earlier = transaction({
      type: "Capture",
      state: "Completed",
      number: 4242,
      amount: 10000,
      payeeReference: CAPTURE_REF,
    })
    mockPayexState()
    nock(BASE).post(`${PAYMENT_ID}/captures`).reply(400, replayProblem(CAPTURE_REF), PROBLEM_HEADERS)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([earlier]))
    const result = await ctx.provider.capturePayment({
      data: sessionData(),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect(result.data).toMatchObject({ captures: { [CAPTURE_REF]: { number: 4242, amount: 10000 } } })
  })

  it("needs the Medusa capture id", async () => {
    const ctx = setup()
    const error = await withoutHttp(() => ctx.provider.capturePayment({ data: sessionData() } as any).catch((e) => e))
    expect(error).toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: "capturePayment needs the Medusa capture id",
    })
    expect(ctx.captureService.retrieve).not.toHaveBeenCalled()
  })

  it("refuses to capture without the order lines", async () => {
    const ctx = setup()
    medusaCapture(ctx, 100)
    ctx.orderLookup.mockResolvedValue(null)
    const error = await withoutHttp(() =>
      ctx.provider.capturePayment({ data: sessionData(), context: { idempotency_key: CAPTURE_ID } as any }),
    ).catch((e) => e)
    expect(error).toMatchObject({
      type: MedusaError.Types.NOT_FOUND,
      message: "No order found for this payment; PayEx needs the order lines to capture",
    })
  })

  it("sends nothing when an order line has a VAT rate PayEx does not accept", async () => {
    const ctx = setup()
    medusaCapture(ctx, 100)
    ctx.orderLookup.mockResolvedValue({
      ...ORDER,
      items: [{ id: "item_x", product_title: "Gadget", quantity: 1, total: 393.49, tax_lines: [{ rate: 20 }] }],
      shipping_methods: [],
    })
    await expect(
      withoutHttp(() =>
        ctx.provider.capturePayment({ data: sessionData(), context: { idempotency_key: CAPTURE_ID } as any }),
      ),
    ).rejects.toThrow(/PayEx does not accept a VAT rate of 20%/)
  })
})

describe("refundPayment", () => {
  it("reverses with the VAT split over what the captures' item descriptions say", async () => {
    const { provider } = setup()
    const c1 = transaction({ type: "Capture", amount: 54900 })
    const c2 = transaction({ type: "Capture", amount: 9999 })
    const failed = transaction({ type: "Capture", state: "Failed", amount: 500 })
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(
        200,
        withTransactions(paymentResponse({ state: "Pending", remainingReversalAmount: 64899 }, CAPTURED_OPS), [
          transaction(),
          c1,
          c2,
          failed,
        ]),
      )
    nock(BASE)
      .get(`${c1.id}/itemdescriptions`)
      .reply(200, {
        payment: PAYMENT_ID,
        transaction: c1.id,
        itemDescriptions: {
          id: "x",
          itemDescriptionList: [],
          vatSummary: [{ amount: 54900, vatPercent: 2500, vatAmount: 10980 }],
        },
      })
    nock(BASE)
      .get(`${c2.id}/itemdescriptions`)
      .reply(200, {
        payment: PAYMENT_ID,
        transaction: c2.id,
        itemDescriptions: {
          id: "x",
          itemDescriptionList: [],
          vatSummary: [{ amount: 9999, vatPercent: 1200, vatAmount: 1071 }],
        },
      })
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`, {
        transaction: {
          activity: "FinancingConsumer",
          amount: 10000,
          vatAmount: 1857,
          payeeReference: refundRef(10000),
          description: "Refund",
        },
      })
      .reply(200, { payment: PAYMENT_ID, reversal: { transaction: transaction({ type: "Reversal", amount: 10000 }) } })
    const result = await provider.refundPayment({
      amount: 100,
      data: sessionData(),
      context: { idempotency_key: REFUND_ID } as any,
    })
    expect(result.data).toEqual(sessionData())
  })

  it("takes over a reversal an earlier attempt made", async () => {
    const { provider } = setup()
    const c1 = transaction({ type: "Capture", amount: 10000 })
    const earlier = transaction({ type: "Reversal", amount: 5000, payeeReference: REFUND_REF })
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(200, withTransactions(paymentResponse({ state: "Pending" }, CAPTURED_OPS), [c1]))
    nock(BASE)
      .get(`${c1.id}/itemdescriptions`)
      .reply(200, { itemDescriptions: { vatSummary: [{ amount: 10000, vatPercent: 2500, vatAmount: 2000 }] } })
    const reversal = nock(BASE).post(`${PAYMENT_ID}/reversals`).reply(400, replayProblem(REFUND_REF), PROBLEM_HEADERS)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([c1, earlier]))
    await expect(
      provider.refundPayment({ amount: 50, data: sessionData(), context: { idempotency_key: REFUND_ID } as any }),
    ).resolves.toEqual({
      data: sessionData(),
    })
    expect(reversal.isDone()).toBe(true)
  })

  it("needs the Medusa refund id", async () => {
    const { provider } = setup()
    const error = await withoutHttp(() =>
      provider.refundPayment({ amount: 50, data: sessionData() } as any).catch((e) => e),
    )
    expect(error).toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: "refundPayment needs the Medusa refund id",
    })
  })

  it("passes PayEx's refusal on as a MedusaError", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(200, withTransactions(paymentResponse({ state: "Pending" }, AUTHORIZED_OPS), [transaction()]))
    const error = await provider
      .refundPayment({ amount: 50, data: sessionData(), context: { idempotency_key: REFUND_ID } as any })
      .catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toContain('The payment does not offer "create-reversal" in its current state')
  })
})

describe("cancelPayment", () => {
  it("cancels when PayEx offers create-cancellation, referenced by the Medusa payment", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending" }, AUTHORIZED_OPS))
    nock(BASE)
      .post(`${PAYMENT_ID}/cancellations`, {
        transaction: {
          activity: "FinancingConsumer",
          payeeReference: "CN01JQ40000000000000000000PY",
          description: "Order canceled",
        },
      })
      .reply(200, { payment: PAYMENT_ID, cancellation: { transaction: transaction({ type: "Cancellation" }) } })
    await expect(
      provider.cancelPayment({ data: sessionData(), context: { idempotency_key: PAYMENT_MEDUSA_ID } as any }),
    ).resolves.toEqual({
      data: sessionData(),
    })
  })

  it("falls back to the session id for the reference", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending" }, AUTHORIZED_OPS))
    nock(BASE)
      .post(`${PAYMENT_ID}/cancellations`, (body) => body.transaction.payeeReference === `CN${ULID}`)
      .reply(200, {
        cancellation: { transaction: transaction({ type: "Cancellation" }) },
      })
    await provider.cancelPayment({ data: sessionData() })
  })

  it("does nothing when nothing is left to release", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending" }, ["create-reversal"]))
    await expect(
      provider.cancelPayment({ data: sessionData(), context: { idempotency_key: PAYMENT_MEDUSA_ID } as any }),
    ).resolves.toEqual({
      data: sessionData(),
    })
  })
})

describe("deletePayment", () => {
  it("aborts a payment PayEx still lets abort", async () => {
    const { provider } = setup()
    nock(BASE).get(PAYMENT_ID).reply(200, createdPayment())
    const abort = nock(BASE)
      .patch(PAYMENT_ID, { payment: { operation: "Abort", abortReason: "CancelledByConsumer" } })
      .reply(200, paymentResponse({ state: "Aborted" }, []))
    await expect(provider.deletePayment({ data: sessionData() })).resolves.toEqual({ data: sessionData() })
    expect(abort.isDone()).toBe(true)
  })

  it("an abort whose answer was lost is found done: the payment is Aborted, so the delete succeeds", async () => {
    const { provider } = setup()
    nock(BASE).get(PAYMENT_ID).reply(200, createdPayment())
    nock(BASE).patch(PAYMENT_ID).replyWithError("socket hang up")
    const reread = nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Aborted" }, []))
    await expect(provider.deletePayment({ data: sessionData() })).resolves.toEqual({ data: sessionData() })
    expect(reread.isDone()).toBe(true)
  })

  it("an abort that failed and left the payment Ready still fails, as a PayEx outage", async () => {
    const { provider } = setup()
    nock(BASE).get(PAYMENT_ID).reply(200, createdPayment())
    nock(BASE).patch(PAYMENT_ID).replyWithError("socket hang up")
    nock(BASE).get(PAYMENT_ID).reply(200, createdPayment())
    await expect(provider.deletePayment({ data: sessionData() })).rejects.toMatchObject({ upstream_status: 502 })
  })

  it("cancels the authorization of a session PayEx has already authorized, referenced by the session", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending" }, AUTHORIZED_OPS))
    const cancel = nock(BASE)
      .post(`${PAYMENT_ID}/cancellations`, {
        transaction: { activity: "FinancingConsumer", payeeReference: `CN${ULID}`, description: "Order canceled" },
      })
      .reply(200, { payment: PAYMENT_ID, cancellation: { transaction: transaction({ type: "Cancellation" }) } })
    await expect(provider.deletePayment({ data: sessionData() })).resolves.toEqual({ data: sessionData() })
    expect(cancel.isDone()).toBe(true)
  })

  it("leaves a payment alone that has nothing left to abort or cancel", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending" }, ["create-reversal"]))
    await expect(provider.deletePayment({ data: sessionData() })).resolves.toEqual({ data: sessionData() })
  })

  it("does not call PayEx for a session that never got a PayEx payment", async () => {
    const { provider } = setup()
    const data = sessionData({ payex_payment_id: undefined })
    await expect(withoutHttp(() => provider.deletePayment({ data }))).resolves.toEqual({ data })
  })
})

describe("getPaymentStatus and retrievePayment", () => {
  it.each<[string, string, Array<{ type: string; state: string }>, string]>([
    ["an aborted payment", "Aborted", [], PaymentSessionStatus.CANCELED],
    [
      "a completed capture",
      "Pending",
      [
        { type: "Authorization", state: "Completed" },
        { type: "Capture", state: "Completed" },
      ],
      PaymentSessionStatus.CAPTURED,
    ],
    [
      "a completed cancellation",
      "Pending",
      [
        { type: "Authorization", state: "Completed" },
        { type: "Cancellation", state: "Completed" },
      ],
      PaymentSessionStatus.CANCELED,
    ],
    [
      "a completed authorization",
      "Pending",
      [
        { type: "Authorization", state: "Completed" },
        { type: "Capture", state: "Failed" },
      ],
      PaymentSessionStatus.AUTHORIZED,
    ],
    ["a failed payment", "Failed", [{ type: "Authorization", state: "Failed" }], PaymentSessionStatus.ERROR],
    ["a payment in progress", "Ready", [{ type: "Authorization", state: "Initialized" }], PaymentSessionStatus.PENDING],
  ])("reports %s as %s", async (_what, state, txs, status) => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .query(EXPANDED)
      .reply(
        200,
        withTransactions(
          paymentResponse({ state }, []),
          txs.map((t) => transaction(t)),
        ),
      )
    await expect(provider.getPaymentStatus({ data: sessionData() })).resolves.toEqual({ status, data: sessionData() })
  })

  it("retrieves the PayEx state", async () => {
    const { provider } = setup()
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending" }, []))
    await expect(provider.retrievePayment({ data: sessionData() })).resolves.toEqual({
      data: { ...sessionData(), payex_state: "Pending" },
    })
  })
})

describe("getWebhookActionAndData", () => {
  const callback = (tx: { id: string; number?: number }, paymentId = PAYMENT_ID) => ({
    data: { payment: { id: paymentId, number: 1234567890 }, transaction: { id: tx.id, number: tx.number ?? 1 } },
    rawData: "",
    headers: {},
  })

  function mockPayex(
    tx: ReturnType<typeof transaction>,
    { orderReference = SESSION_ID as string | undefined, transactionOnly = false } = {},
  ) {
    nock(BASE).get(tx.id).reply(200, { payment: PAYMENT_ID, transaction: tx })
    if (transactionOnly) return // the transaction alone decides: nothing else may be read
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending", currency: "SEK" }, CAPTURED_OPS))
    nock(BASE)
      .get(`${PAYMENT_ID}/payeeinfo`)
      .reply(200, {
        payment: PAYMENT_ID,
        payeeInfo: { id: `${PAYMENT_ID}/payeeinfo`, payeeId: PAYEE_ID, payeeReference: `PS${ULID}`, orderReference },
      })
  }

  const amountOf = (result: any) => MathBN.convert(result.data.amount).toNumber()

  it.each<[string, unknown]>([
    ["no body", undefined],
    ["no transaction", { payment: { id: PAYMENT_ID } }],
    ["ids that are not strings", { payment: { id: 1 }, transaction: { id: 2 } }],
    [
      "a payment id of another API",
      {
        payment: { id: "/psp/creditcard/payments/5adc265f-f87f-4313-577e-08d3dca1a26c" },
        transaction: { id: "/psp/creditcard/payments/5adc265f-f87f-4313-577e-08d3dca1a26c/transactions/1" },
      },
    ],
    [
      "an absolute URL",
      {
        payment: { id: `https://evil.test${PAYMENT_ID}` },
        transaction: { id: `https://evil.test${PAYMENT_ID}/transactions/00000000-0000-4000-8000-000000000001` },
      },
    ],
    [
      "a transaction of another payment",
      {
        payment: { id: PAYMENT_ID },
        transaction: { id: `${OTHER_PAYMENT_ID}/transactions/00000000-0000-4000-8000-000000000001` },
      },
    ],
    [
      "a transaction id that climbs out of its payment",
      {
        payment: { id: PAYMENT_ID },
        transaction: {
          id: `${PAYMENT_ID}/transactions/../../99999999-f87f-4313-577e-08d3dca1a26c/transactions/00000000-0000-4000-8000-000000000001`,
        },
      },
    ],
    [
      "a transaction id with a query",
      {
        payment: { id: PAYMENT_ID },
        transaction: { id: `${PAYMENT_ID}/transactions/00000000-0000-4000-8000-000000000001?expand=all` },
      },
    ],
  ])("ignores %s without calling PayEx", async (_what, data) => {
    const { provider } = setup()
    const result = await withoutHttp(() =>
      provider.getWebhookActionAndData({ data: data as any, rawData: "", headers: {} }),
    )
    expect(result).toEqual({ action: PaymentActions.NOT_SUPPORTED })
  })

  it("reports its own completed authorization from the transaction alone (one read), the session found by its payeeReference", async () => {
    const { provider, paymentService } = setup()
    const sessions = jest
      .spyOn(PaymentModuleRecords.prototype, "session")
      .mockResolvedValue({ id: SESSION_ID, currency_code: "sek", data: { payex_payment_id: PAYMENT_ID } })
    const tx = transaction({ type: "Authorization", amount: ORDER_TOTAL_MINOR, payeeReference: `PS${ULID}` })
    mockPayex(tx, { transactionOnly: true })
    const result = await provider.getWebhookActionAndData(callback(tx))
    expect(result.action).toBe(PaymentActions.AUTHORIZED)
    expect(result.data?.session_id).toBe(SESSION_ID)
    expect(amountOf(result)).toBe(393.49)
    expect(sessions).toHaveBeenCalledWith(SESSION_ID)
    expect(paymentService.list).not.toHaveBeenCalled()
  })

  it("reads the payment's payee info when the session named by the reference holds another payment", async () => {
    const { provider } = setup()
    jest.spyOn(PaymentModuleRecords.prototype, "session").mockResolvedValue({
      id: SESSION_ID,
      currency_code: "sek",
      data: { payex_payment_id: "/psp/invoice/payments/other" },
    })
    const tx = transaction({ type: "Authorization", amount: ORDER_TOTAL_MINOR, payeeReference: `PS${ULID}` })
    mockPayex(tx) // transaction, payment and payee info
    const result = await provider.getWebhookActionAndData(callback(tx))
    expect(result).toMatchObject({ action: PaymentActions.AUTHORIZED, data: { session_id: SESSION_ID } })
  })

  it("reports a completed authorization for the session named in payeeInfo.orderReference", async () => {
    const { provider, paymentService } = setup()
    const tx = transaction({ type: "Authorization", state: "Completed", amount: ORDER_TOTAL_MINOR })
    mockPayex(tx)
    const result = await provider.getWebhookActionAndData(callback(tx))
    expect(result.action).toBe(PaymentActions.AUTHORIZED)
    expect(result.data?.session_id).toBe(SESSION_ID)
    expect(amountOf(result)).toBe(393.49)
    expect(paymentService.list).not.toHaveBeenCalled()
  })

  it("ignores transactions that are not completed and payments without an order reference", async () => {
    const { provider } = setup()
    const pending = transaction({ type: "Authorization", state: "Initialized" })
    mockPayex(pending, { transactionOnly: true })
    expect(await provider.getWebhookActionAndData(callback(pending))).toEqual({ action: PaymentActions.NOT_SUPPORTED })
    const anonymous = transaction({ type: "Authorization", state: "Completed" })
    mockPayex(anonymous, { orderReference: "" })
    expect(await provider.getWebhookActionAndData(callback(anonymous))).toEqual({
      action: PaymentActions.NOT_SUPPORTED,
    })
  })

  it.each(["CP01JQ40000000000000000000CA", "FC01JQ40000000000000000000FU"])(
    "ignores its own capture %s (Medusa records it already)",
    async (payeeReference) => {
      const { provider, paymentService } = setup()
      const tx = transaction({ type: "Capture", state: "Completed", amount: 10000, payeeReference })
      mockPayex(tx, { transactionOnly: true })
      expect(await provider.getWebhookActionAndData(callback(tx))).toEqual({ action: PaymentActions.NOT_SUPPORTED })
      expect(paymentService.list).not.toHaveBeenCalled()
    },
  )

  it("ignores reversals and cancellations, the plugin's own and the portal's, from the transaction alone", async () => {
    const { provider } = setup()
    for (const [type, payeeReference] of [
      ["Reversal", "portal1"],
      ["Cancellation", "portal2"],
      ["Reversal", `RF${ULID}`],
      ["Cancellation", `CN${ULID}`],
    ]) {
      const tx = transaction({ type, state: "Completed", payeeReference })
      mockPayex(tx, { transactionOnly: true })
      expect(await provider.getWebhookActionAndData(callback(tx))).toEqual({ action: PaymentActions.NOT_SUPPORTED })
    }
  })

  it("reports a capture made in PayEx's portal that Medusa has not recorded as captured", async () => {
    const { provider, paymentService } = setup()
    const earlier = transaction({
      type: "Capture",
      state: "Completed",
      amount: 10000,
      payeeReference: "CP01JQ40000000000000000000CA",
    })
    const portal = transaction({ type: "Capture", state: "Completed", amount: 5000, payeeReference: "portal20240101" })
    mockPayex(portal)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([transaction(), earlier, portal]))
    paymentService.list.mockResolvedValue([
      { id: PAYMENT_MEDUSA_ID, captures: [{ id: "capt_1", raw_amount: { value: "100", precision: 20 } }] },
    ])
    const result = await provider.getWebhookActionAndData(callback(portal))
    expect(result.action).toBe(PaymentActions.SUCCESSFUL)
    expect(result.action).toBe("captured")
    expect(result.data?.session_id).toBe(SESSION_ID)
    expect(amountOf(result)).toBe(50)
    expect(paymentService.list).toHaveBeenCalledWith({ payment_session_id: SESSION_ID }, expect.anything())
  })

  it("ignores a portal capture Medusa has recorded already (a repeated callback)", async () => {
    const { provider, paymentService } = setup()
    const portal = transaction({ type: "Capture", state: "Completed", amount: 5000, payeeReference: "portal20240101" })
    mockPayex(portal)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([portal]))
    paymentService.list.mockResolvedValue([{ id: PAYMENT_MEDUSA_ID, captures: [{ id: "capt_1", amount: 50 }] }])
    expect(await provider.getWebhookActionAndData(callback(portal))).toEqual({ action: PaymentActions.NOT_SUPPORTED })
  })

  it("ignores a portal capture when Medusa has no payment for the session yet", async () => {
    const { provider, paymentService } = setup()
    const portal = transaction({ type: "Capture", state: "Completed", amount: 5000, payeeReference: "portal20240101" })
    mockPayex(portal)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([portal]))
    paymentService.list.mockResolvedValue([])
    expect(await provider.getWebhookActionAndData(callback(portal))).toEqual({ action: PaymentActions.NOT_SUPPORTED })
  })

  it("ignores a callback PayEx cannot confirm, logging why without the token", async () => {
    const { provider, logger } = setup()
    const tx = transaction({ type: "Authorization" })
    nock(BASE)
      .get(tx.id)
      .reply(404, problem("notfound", "Transaction not found", [], 404), PROBLEM_HEADERS)
    expect(await provider.getWebhookActionAndData(callback(tx))).toEqual({ action: PaymentActions.NOT_SUPPORTED })
    expect(logger.warn).toHaveBeenCalledWith(
      `PayEx callback for ${PAYMENT_ID} could not be verified: PayEx get-transaction failed (404): Transaction not found`,
    )
    for (const call of [...logger.warn.mock.calls, ...logger.debug.mock.calls])
      expect(String(call[0])).not.toContain(TOKEN)
  })
})
