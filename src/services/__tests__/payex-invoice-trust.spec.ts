import { MedusaError } from "@medusajs/framework/utils"
import nock from "nock"
import {
  BASE,
  PAYMENT_ID,
  paymentResponse,
  setupNock,
  TOKEN,
  transaction,
  watchUnmatched,
} from "../../lib/payex/__tests__/helpers"
import type { OrderLike } from "../../lib/mapping/order-lines"
import { PayexInvoiceProviderService } from "../payex-invoice"
import { PaymentModuleRecords } from "../../lib/medusa/payment-records"
import type { PayexActionContext, PayexSessionData } from "../../lib/payex-invoice/payex-session-data"
import { signHandover, signPayment } from "../../lib/payex-invoice/session-trust"
import {
  CAPTURE_ID,
  CAPTURE_REF,
  FULFILLMENT_ID,
  PAYMENT_MEDUSA_ID,
  REFUND_ID,
  refundRef,
  SESSION_ID,
} from "./payex-provider-fixtures"

// Issue 6, point 1: the provider acts only on what it wrote itself.
setupNock()

const UUID = "5adc265f-f87f-4313-577e-08d3dca1a26c"
const ORDER: OrderLike = {
  id: "order_01",
  currency_code: "sek",
  items: [{ id: "item_a", product_title: "Mug", quantity: 1, total: 100, tax_lines: [{ rate: 25 }] }],
  shipping_methods: [],
}

function setup() {
  const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() }
  const captureService = { retrieve: jest.fn() }
  const paymentService = { list: jest.fn() }
  const refundService = { retrieve: jest.fn().mockResolvedValue({ id: REFUND_ID, payment_id: PAYMENT_MEDUSA_ID }) }
  const provider = new PayexInvoiceProviderService(
    { logger, captureService, paymentService, refundService },
    { token: TOKEN, payeeId: "12345678-1234-1234-1234-123456789012", baseUrl: BASE, maxRetries: 0 },
  )
  jest.spyOn(PaymentModuleRecords.prototype, "orderOfPaymentCollection").mockResolvedValue(ORDER)
  return { provider, logger, captureService, paymentService }
}

afterEach(() => jest.restoreAllMocks())

const signed = (overrides: Partial<PayexSessionData> = {}): PayexSessionData => ({
  session_id: SESSION_ID,
  payex_payment_id: PAYMENT_ID,
  payex_payment_number: 42,
  payex_signature: signPayment(TOKEN, SESSION_ID, PAYMENT_ID),
  currency_code: "sek",
  amount_minor: 10000,
  capture_on: "fulfillment",
  ...overrides,
})

async function withoutHttp<T>(fn: () => Promise<T>): Promise<T> {
  const unmatched = watchUnmatched()
  try {
    return await fn()
  } finally {
    unmatched.stop()
    expect(unmatched.seen).toEqual([])
  }
}

const PLANTED = {
  payex_payment_id: `http://127.0.0.2:9/psp/invoice/payments/${UUID}`,
  payex_signature: "forged",
  pending_capture: { fulfillment_id: FULFILLMENT_ID, amount_minor: 1, lines: [] },
  pending_refund: { fulfillment_id: FULFILLMENT_ID, amount_minor: 1, capture_number: 1 },
  payex_action: { type: "legal-address", social_security_number: "600307-1161", zip_code: "19792" },
  captures: { FCx: { number: 1, amount: 1 } },
  legal_address: { addressee: "Someone Else" },
  pnr: "196003071161",
  "600307-1161": true,
}

describe("initiatePayment keeps only the documented storefront fields", () => {
  it("returns null for every key the storefront sent except user_agent, and signs the payment it created", async () => {
    const { provider, logger } = setup()
    nock(BASE)
      .post("/psp/invoice/payments", (body) => body.payment.userAgent === "Mozilla/5.0")
      .reply(201, paymentResponse({ number: 777 }))
    const result = await provider.initiatePayment({
      amount: 100,
      currency_code: "sek",
      data: { ...PLANTED, user_agent: "Mozilla/5.0", session_id: SESSION_ID },
    })
    const data = result.data as Record<string, unknown>
    // What Medusa stores: {...storefront data, ...provider data}
    const stored = JSON.parse(
      JSON.stringify({ ...PLANTED, user_agent: "Mozilla/5.0", session_id: SESSION_ID, ...data }),
    )
    expect(stored).toEqual({
      session_id: SESSION_ID,
      user_agent: "Mozilla/5.0",
      payex_payment_id: PAYMENT_ID,
      payex_payment_number: 777,
      payex_signature: signPayment(TOKEN, SESSION_ID, PAYMENT_ID),
      currency_code: "sek",
      amount_minor: 10000,
      capture_on: "fulfillment",
      payex_operations: [
        { rel: "create-authorization", method: "POST", href: `${BASE}${PAYMENT_ID}/authorizations` },
        { rel: "create-approved-legal-address", method: "POST", href: `${BASE}${PAYMENT_ID}/approvedlegaladdress` },
      ],
      pending_capture: null,
      pending_refund: null,
      payex_action: null,
      captures: null,
      legal_address: null,
      pnr: null,
      "600307-1161": null,
    })
    const warning = logger.warn.mock.calls.map((c) => c[0]).join("\n")
    expect(warning).toContain("pending_capture")
    expect(warning).toContain("1 other key(s)")
    expect(warning).not.toMatch(/1161|0307/)
  })

  it("removes a user_agent that is not a string", async () => {
    const { provider } = setup()
    nock(BASE)
      .post("/psp/invoice/payments", (body) => body.payment.userAgent === "medusa-plugin-payex-payer")
      .reply(201, paymentResponse())
    const result = await provider.initiatePayment({
      amount: 100,
      currency_code: "sek",
      data: { session_id: SESSION_ID, user_agent: { ssn: "600307-1161" } },
    })
    expect((result.data as any).user_agent).toBeNull()
  })
})

describe("a payex_payment_id the provider did not write", () => {
  const BAD_IDS = [
    `http://127.0.0.2:9/psp/invoice/payments/${UUID}`,
    `//127.0.0.2:9/psp/invoice/payments/${UUID}`,
    `/psp/invoice/payments/${UUID}/../../../other`,
    `/psp/invoice/payments/${UUID}?x=1`,
    "/psp/invoice/payments/not-a-uuid",
  ]

  it.each(BAD_IDS)("is refused by capture, refund, cancel, status and retrieve without HTTP: %s", async (id) => {
    const { provider, captureService } = setup()
    captureService.retrieve.mockResolvedValue({
      id: CAPTURE_ID,
      amount: 100,
      payment_id: PAYMENT_MEDUSA_ID,
      payment: { id: PAYMENT_MEDUSA_ID, payment_collection_id: "pc" },
    })
    const data = signed({ payex_payment_id: id })
    const calls = [
      provider.capturePayment({ data, context: { idempotency_key: CAPTURE_ID } as any }),
      provider.refundPayment({ data, amount: 10, context: { idempotency_key: REFUND_ID } as any }),
      provider.cancelPayment({ data }),
      provider.getPaymentStatus({ data }),
      provider.retrievePayment({ data }),
    ]
    for (const call of calls) {
      const error = await withoutHttp(() => call.catch((e) => e))
      expect(error).toBeInstanceOf(MedusaError)
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toBe("This payment's payex_payment_id is not a PayEx invoice payment id")
    }
  })

  it.each([...BAD_IDS, PAYMENT_ID])("is never called when a session holding it is deleted unsigned: %s", async (id) => {
    const { provider, logger } = setup()
    const data = { payex_payment_id: id, session_id: SESSION_ID }
    await expect(withoutHttp(() => provider.deletePayment({ data }))).resolves.toEqual({ data })
    expect(logger.warn).toHaveBeenCalledWith(
      "PayEx: a deleted session held a payex_payment_id the plugin did not write; PayEx was not called",
    )
  })

  it("is not trusted when signed for another session or with another token", async () => {
    const { provider } = setup()
    for (const data of [
      signed({ payex_signature: signPayment(TOKEN, "payses_other", PAYMENT_ID) }),
      signed({ payex_signature: signPayment("another-token", SESSION_ID, PAYMENT_ID) }),
      signed({ session_id: "payses_other" }),
    ]) {
      const error = await withoutHttp(() => provider.authorizePayment({ data }).catch((e) => e))
      expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
      await withoutHttp(() => provider.deletePayment({ data }))
    }
  })

  it("cannot carry a storefront action: no PayEx call, no personal number anywhere", async () => {
    const { provider } = setup()
    const action = { type: "legal-address", social_security_number: "600307-1161", zip_code: "19792" } as const
    const error = await withoutHttp(() =>
      provider
        .updatePayment({
          amount: 100,
          currency_code: "sek",
          data: signed({ payex_signature: undefined }),
          context: { payex_action: action } as PayexActionContext,
        })
        .catch((e) => e),
    )
    expect(error).toMatchObject({ type: MedusaError.Types.NOT_ALLOWED })
    expect(error.message).toMatch(/^payment_session_id: /)
    expect(error.message).not.toMatch(/1161/)
  })

  it("update nulls planted keys and keeps the provider's own", async () => {
    const { provider } = setup()
    const result = await withoutHttp(() =>
      provider.updatePayment({
        amount: 100,
        currency_code: "sek",
        data: { ...signed(), pnr: "6003071161", pending_capture: {} },
      }),
    )
    expect(result.data).toEqual({ ...signed(), pnr: null, pending_capture: null })
  })

  it("authorization nulls keys planted before the provider could: no captures or hand-overs reach the payment", async () => {
    const { provider, logger } = setup()
    const auth = transaction({ type: "Authorization", amount: 10000, number: 7 })
    const read = paymentResponse({ state: "Ready" }, ["create-capture", "create-cancellation"])
    nock(BASE)
      .get(PAYMENT_ID)
      .query({ $expand: "transactions" })
      .reply(200, { ...read, payment: { ...read.payment, transactions: { transactionList: [auth] } } })
    const planted = {
      captures: { CPx: { number: 1, amount: 10000, vat_summary: [{ amount: 10000, vatPercent: 0, vatAmount: 0 }] } },
      reversals: { FRx: { number: 2, amount: 1 } },
      pending_capture: { fulfillment_id: FULFILLMENT_ID, amount_minor: 1, lines: [] },
      pending_refund: { fulfillment_id: FULFILLMENT_ID, amount_minor: 1, capture_number: 1 },
    }
    const result = await provider.authorizePayment({ data: { ...signed(), ...planted } as any })
    expect(result.status).toBe("authorized")
    expect(result.data).toMatchObject({
      ...signed(),
      authorization_transaction_number: 7,
      captures: null,
      reversals: null,
      pending_capture: null,
      pending_refund: null,
    })
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/^PayEx authorization: /))
  })
})

describe("hand-overs from the plugin's workflows", () => {
  const lines = [{ reference: "item_a", description: "1 x Mug", amount: 10000, vatBasisPoints: 2500 }]
  const handover = { fulfillment_id: FULFILLMENT_ID, amount_minor: 10000, lines }

  function capturing(ctx: ReturnType<typeof setup>) {
    ctx.captureService.retrieve.mockResolvedValue({
      id: CAPTURE_ID,
      amount: 100,
      payment_id: PAYMENT_MEDUSA_ID,
      payment: { id: PAYMENT_MEDUSA_ID, payment_collection_id: "pc" },
    })
    ctx.paymentService.list.mockResolvedValue([{ id: PAYMENT_MEDUSA_ID, captures: [] }])
    // PayEx answers the expanded read with the link only here: the transactions are read from it
    nock(BASE)
      .get(PAYMENT_ID)
      .query({ $expand: "transactions" })
      .reply(200, paymentResponse({ state: "Pending" }, ["create-capture", "create-cancellation"]))
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, { transactions: { transactionList: [transaction()] } })
    const refs: string[] = []
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`, (b) => !!refs.push(b.transaction.payeeReference))
      .reply(200, (_u, b: any) => ({
        capture: {
          transaction: transaction({
            type: "Capture",
            amount: b.transaction.amount,
            payeeReference: b.transaction.payeeReference,
          }),
        },
      }))
    return refs
  }

  it("a signed pending_capture is used: the fulfillment's reference", async () => {
    const ctx = setup()
    const refs = capturing(ctx)
    const pending = signHandover(TOKEN, "pending_capture", PAYMENT_MEDUSA_ID, handover)
    await ctx.provider.capturePayment({
      data: signed({ pending_capture: pending }),
      context: { idempotency_key: CAPTURE_ID } as any,
    })
    expect(refs).toEqual(["FC01JQ40000000000000000000FU"])
  })

  it.each([
    ["unsigned", handover],
    ["signed for another payment", signHandover(TOKEN, "pending_capture", "pay_other", handover)],
    ["signed with another token", signHandover("other-token", "pending_capture", PAYMENT_MEDUSA_ID, handover)],
    [
      "changed after signing",
      {
        ...signHandover(TOKEN, "pending_capture", PAYMENT_MEDUSA_ID, handover),
        fulfillment_id: "ful_01JQ4000000000000000000OTH",
      },
    ],
  ])(
    "a pending_capture %s is ignored with a warning: the capture's own reference and the order lines",
    async (_what, pending) => {
      const ctx = setup()
      const refs = capturing(ctx)
      const result = await ctx.provider.capturePayment({
        data: signed({ pending_capture: pending as any }),
        context: { idempotency_key: CAPTURE_ID } as any,
      })
      expect(refs).toEqual([CAPTURE_REF])
      expect((result.data as PayexSessionData).pending_capture).toBeNull()
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        `PayEx: ignored a pending_capture in payment ${PAYMENT_MEDUSA_ID} that the plugin did not sign`,
      )
    },
  )

  it("a pending_refund reverses exactly the fulfillment's capture only when signed; unsigned it is an ordinary refund", async () => {
    for (const [pending, expected] of [
      [
        signHandover(TOKEN, "pending_refund", PAYMENT_MEDUSA_ID, {
          fulfillment_id: FULFILLMENT_ID,
          amount_minor: 10000,
          capture_number: 9001,
        }),
        "FR01JQ40000000000000000000FU",
      ],
      [{ fulfillment_id: FULFILLMENT_ID, amount_minor: 10000, capture_number: 9001, signature: "x" }, refundRef(10000)],
    ] as const) {
      const ctx = setup()
      const capture = transaction({ type: "Capture", number: 9001, amount: 10000 })
      nock(BASE)
        .get(PAYMENT_ID)
        .query({ $expand: "transactions" })
        .reply(200, paymentResponse({ state: "Pending" }, ["create-reversal"]))
      nock(BASE)
        .get(`${PAYMENT_ID}/transactions`)
        .reply(200, { transactions: { transactionList: [transaction(), capture] } })
      nock(BASE)
        .get(`${capture.id}/itemdescriptions`)
        .reply(200, { itemDescriptions: { vatSummary: [{ amount: 10000, vatPercent: 2500, vatAmount: 2000 }] } })
      const refs: string[] = []
      nock(BASE)
        .post(
          `${PAYMENT_ID}/reversals`,
          (b) => b.transaction.vatAmount === 2000 && !!refs.push(b.transaction.payeeReference),
        )
        .reply(200, { reversal: { transaction: transaction({ type: "Reversal", amount: 10000, number: 9100 }) } })
      const result = await ctx.provider.refundPayment({
        data: signed({ pending_refund: pending as any }),
        amount: 100,
        context: { idempotency_key: REFUND_ID } as any,
      })
      expect(refs).toEqual([expected])
      expect((result.data as PayexSessionData).pending_refund).toBeNull()
      if (expected.startsWith("FR"))
        expect((result.data as PayexSessionData).reversals).toEqual({ [expected]: { number: 9100, amount: 10000 } })
    }
  })
})
