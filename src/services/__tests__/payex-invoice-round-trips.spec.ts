// Round trips of capture, refund and cancel once the payment is authorized: the operations kept from the read at
// cart completion are followed without reading the payment again. Every PayEx request is mocked with nock and
// net connect is off, so the mocks of a test are exactly the requests it makes (setupNock checks each was used).
import nock from "nock"
import type { OrderLike } from "../../lib/mapping/order-lines"
import { PaymentModuleRecords } from "../../lib/medusa/payment-records"
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
} from "../../lib/payex/__tests__/helpers"
import type { PayexSessionData } from "../../lib/payex-invoice/payex-session-data"
import { signHandover, signPayment } from "../../lib/payex-invoice/session-trust"
import { PayexInvoiceProviderService } from "../payex-invoice"
import {
  CAPTURE_ID,
  captureRef,
  FULFILLMENT_ID,
  PAYMENT_MEDUSA_ID,
  REFUND_ID,
  refundRef,
  SESSION_ID,
} from "./payex-provider-fixtures"

setupNock()

const ORDER: OrderLike = {
  id: "order_01",
  currency_code: "sek",
  items: [{ id: "item_a", product_title: "Mug", quantity: 2, total: 200, tax_lines: [{ rate: 25 }] }],
  shipping_methods: [{ id: "sm_1", name: "PostNord", total: 49, tax_lines: [{ rate: 25 }] }],
}

/** What authorizePayment keeps: capture and cancellation, and the reversals resource. */
const KEPT = [
  ...operations(["create-capture", "create-cancellation"]),
  { rel: "create-reversal", method: "POST", href: `${BASE}${PAYMENT_ID}/reversals` },
]
const FC_REF = "FC01JQ40000000000000000000FU"

/** `createdBy`: the admin user of an admin capture (Medusa's route sets it); null for a callback's capture. */
function setup(recordedCaptures: Array<{ id: string; amount: number }> = [], createdBy: string | null = "user_admin") {
  const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() }
  const captureService = {
    retrieve: jest.fn().mockResolvedValue({
      id: CAPTURE_ID,
      amount: 249,
      payment_id: PAYMENT_MEDUSA_ID,
      created_by: createdBy,
      payment: { id: PAYMENT_MEDUSA_ID, payment_collection_id: "pay_col_1", currency_code: "sek" },
    }),
  }
  const paymentService = { list: jest.fn().mockResolvedValue([{ id: PAYMENT_MEDUSA_ID, captures: recordedCaptures }]) }
  const refundService = { retrieve: jest.fn().mockResolvedValue({ id: REFUND_ID, payment_id: PAYMENT_MEDUSA_ID }) }
  const provider = new PayexInvoiceProviderService(
    { logger, captureService, paymentService, refundService },
    { token: TOKEN, payeeId: "12345678-1234-1234-1234-123456789012", baseUrl: BASE, maxRetries: 0 },
  )
  jest.spyOn(PaymentModuleRecords.prototype, "orderOfPaymentCollection").mockResolvedValue(ORDER)
  return { provider, paymentService }
}

afterEach(() => jest.restoreAllMocks())

const authorized = (overrides: Partial<PayexSessionData> = {}): PayexSessionData => ({
  session_id: SESSION_ID,
  payex_payment_id: PAYMENT_ID,
  payex_payment_number: 42,
  payex_signature: signPayment(TOKEN, SESSION_ID, PAYMENT_ID),
  currency_code: "sek",
  amount_minor: 24900,
  payex_operations: KEPT,
  ...overrides,
})

const answer = (kind: string, type: string, number: number) => (_uri: string, body: any) => ({
  payment: PAYMENT_ID,
  [kind]: {
    transaction: transaction({
      type,
      number,
      amount: body.transaction.amount,
      vatAmount: body.transaction.vatAmount,
      payeeReference: body.transaction.payeeReference,
    }),
  },
})

const expandedRead = (rels: string[], txs: unknown[]) => {
  const res = paymentResponse({ state: "Pending" }, rels)
  nock(BASE)
    .get(PAYMENT_ID)
    .query({ $expand: "transactions" })
    .reply(200, { ...res, payment: { ...res.payment, transactions: { id: "t", transactionList: txs } } })
}

describe("capture with the kept operation", () => {
  it("is one request: the capture, no read before it", async () => {
    const { provider } = setup()
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`)
      .reply(200, answer("capture", "Capture", 501))
    const result = await provider.capturePayment({
      data: authorized({
        pending_capture: signHandover(TOKEN, "pending_capture", PAYMENT_MEDUSA_ID, {
          fulfillment_id: FULFILLMENT_ID,
          amount_minor: 24900,
          lines: [
            { reference: "item_a", description: "2 x Mug", amount: 20000, vatBasisPoints: 2500 },
            { reference: "sm_1", description: "Shipping", amount: 4900, vatBasisPoints: 2500 },
          ],
        }),
      }),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect((result.data as PayexSessionData).captures).toEqual({
      [FC_REF]: { number: 501, amount: 24900, vat_summary: [{ amount: 24900, vatPercent: 2500, vatAmount: 4980 }] },
    })
  })

  it("after a lost answer, takes the earlier capture over from PayEx's replay answer: still one capture", async () => {
    const { provider } = setup()
    const earlier = transaction({
      type: "Capture",
      number: 77,
      amount: 24900,
      payeeReference: captureRef(24900),
    })
    nock(BASE).post(`${PAYMENT_ID}/captures`).reply(400, replayProblem(earlier.payeeReference!), PROBLEM_HEADERS)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, { transactions: { transactionList: [earlier] } })
    const result = await provider.capturePayment({
      data: authorized(),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect((result.data as PayexSessionData).captures?.[captureRef(24900)]).toMatchObject({ number: 77 })
  })

  it("when PayEx refuses the kept operation, reads the payment and records money it already holds as captured", async () => {
    const { provider } = setup([{ id: CAPTURE_ID, amount: 249 }])
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`)
      .reply(400, problem("forbidden", "Nothing left to capture", [], 400), PROBLEM_HEADERS)
    // captured in PayEx's portal before its callback reached Medusa
    expandedRead(
      [],
      [
        transaction({ type: "Authorization" }),
        transaction({ type: "Capture", amount: 24900, payeeReference: "portal" }),
      ],
    )
    const result = await provider.capturePayment({
      data: authorized(),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect((result.data as PayexSessionData).captures).toBeUndefined()
  })

  it("a capture Medusa records from a callback (nobody asked for it) reads PayEx first: a partial portal capture is recorded, not made again", async () => {
    const { provider } = setup([{ id: CAPTURE_ID, amount: 249 }], null)
    // the kept create-capture would accept another 249.00 of the payment: only the read tells it is there already
    expandedRead(
      ["create-capture", "create-cancellation"],
      [
        transaction({ type: "Authorization" }),
        transaction({ type: "Capture", amount: 24900, payeeReference: "PORTAL1" }),
      ],
    )
    const result = await provider.capturePayment({
      data: authorized(),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect((result.data as PayexSessionData).captures).toBeUndefined()
  })

  it("a 503 stays PayEx's outage when PayEx holds no capture under the reference: no second capture", async () => {
    const { provider } = setup()
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`)
      .reply(503, problem("systemerror", "Down for maintenance", [], 503), PROBLEM_HEADERS)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, { transactions: { transactionList: [] } })
    const error = await provider
      .capturePayment({ data: authorized(), context: { idempotency_key: CAPTURE_ID } as any })
      .catch((e) => e)
    expect(error.message).toContain("Down for maintenance")
  })
})

describe("refund with the kept operation", () => {
  const captured = (summary = [{ amount: 24900, vatPercent: 2500, vatAmount: 4980 }]) =>
    authorized({ captures: { [FC_REF]: { number: 501, amount: 24900, vat_summary: summary } } })

  it("is one request when the plugin's own captures are all Medusa recorded: the VAT from what they sent", async () => {
    const { provider } = setup([{ id: CAPTURE_ID, amount: 249 }])
    let sent: any
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`, (b) => !!(sent = b))
      .reply(200, answer("reversal", "Reversal", 601))
    await provider.refundPayment({ amount: 100, data: captured(), context: { idempotency_key: REFUND_ID } as any })
    expect(sent.transaction).toMatchObject({
      amount: 10000,
      vatAmount: 2000,
      payeeReference: refundRef(10000),
    })
  })

  it("reads PayEx's item descriptions when Medusa recorded a capture the plugin did not make", async () => {
    const { provider } = setup([
      { id: CAPTURE_ID, amount: 249 },
      { id: "capt_portal", amount: 100 },
    ])
    const own = transaction({ type: "Capture", amount: 24900 })
    const portal = transaction({ type: "Capture", amount: 10000 })
    expandedRead(["create-reversal"], [own, portal])
    for (const [tx, vatPercent, vatAmount] of [
      [own, 2500, 4980],
      [portal, 600, 566],
    ] as const)
      nock(BASE)
        .get(`${tx.id}/itemdescriptions`)
        .reply(200, { itemDescriptions: { vatSummary: [{ amount: tx.amount, vatPercent, vatAmount }] } })
    let sent: any
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`, (b) => !!(sent = b))
      .reply(200, answer("reversal", "Reversal", 602))
    await provider.refundPayment({ amount: 349, data: captured(), context: { idempotency_key: REFUND_ID } as any })
    expect(sent.transaction).toMatchObject({ amount: 34900, vatAmount: 4980 + 566 })
  })

  it("reverses a canceled fulfillment's own capture in one request, kept under its FR reference", async () => {
    const { provider } = setup([{ id: CAPTURE_ID, amount: 249 }])
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`, (b) => b.transaction.amount === 24900 && b.transaction.vatAmount === 4980)
      .reply(200, answer("reversal", "Reversal", 603))
    const pending = signHandover(TOKEN, "pending_refund", PAYMENT_MEDUSA_ID, {
      fulfillment_id: FULFILLMENT_ID,
      amount_minor: 24900,
      capture_number: 501,
    })
    const result = await provider.refundPayment({
      amount: 249,
      data: { ...captured(), pending_refund: pending },
      context: { idempotency_key: REFUND_ID } as any,
    })
    expect((result.data as PayexSessionData).reversals).toEqual({
      FR01JQ40000000000000000000FU: { number: 603, amount: 24900 },
    })
  })
})

describe("cancel with the kept operation", () => {
  it("is one request", async () => {
    const { provider } = setup()
    nock(BASE)
      .post(`${PAYMENT_ID}/cancellations`, (b) => b.transaction.payeeReference === "CN01JQ40000000000000000000PY")
      .reply(200, answer("cancellation", "Cancellation", 701))
    await provider.cancelPayment({ data: authorized(), context: { idempotency_key: PAYMENT_MEDUSA_ID } as any })
  })

  it("when PayEx refuses it (all captured), reads the payment and leaves it: nothing left to release", async () => {
    const { provider } = setup()
    nock(BASE)
      .post(`${PAYMENT_ID}/cancellations`)
      .reply(400, problem("forbidden", "Nothing to cancel", [], 400), PROBLEM_HEADERS)
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending" }, ["create-reversal"]))
    await provider.cancelPayment({ data: authorized(), context: { idempotency_key: PAYMENT_MEDUSA_ID } as any })
  })
})
