jest.mock("../../lib/payer-b2b/refund-credits", () => ({
  creditRefundThroughPayer: jest.fn(),
  pendingRefundVerdict: jest.fn(),
}))

import { BigNumber, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { PayerB2BProviderService } from "../payer-b2b"
import { creditRefundThroughPayer, pendingRefundVerdict } from "../../lib/payer-b2b/refund-credits"
import providerModule from "../../providers/payer"

const creditThroughPayer = creditRefundThroughPayer as jest.MockedFunction<typeof creditRefundThroughPayer>
const verdict = pendingRefundVerdict as jest.MockedFunction<typeof pendingRefundVerdict>

const SESSION_ID = "payses_01JQ3ZK8V6X9T2M4N5P7R8S9TB"
const REFUND_ID = "ref_01JQ40000000000000000000RF"

const CUSTOMER = {
  company_name: "Acme Outdoor AB",
  org_number: "556036-0793",
  vat_id: "SE556036079301",
  email: "ap@acme.example.se",
  phone: "+46 8 123 456 78",
  your_reference: "Anna Andersson",
  delivery_type: "EMAIL",
}

/** The payment data initiatePayment stores for CUSTOMER and 1 250.00 SEK. */
const STORED = { ...CUSTOMER, currency_code: "sek", amount_minor: 125000 }

function setup() {
  const cradle = {
    logger: { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() },
    refundService: { retrieve: jest.fn() },
  }
  const provider = new PayerB2BProviderService(cradle, {} as Record<string, never>)
  return { provider, cradle }
}

async function rejection(promise: Promise<unknown>): Promise<MedusaError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection")
    },
    (e) => e,
  )
  expect(error).toBeInstanceOf(MedusaError)
  return error as MedusaError
}

beforeEach(() => {
  creditThroughPayer.mockReset()
  creditThroughPayer.mockResolvedValue(undefined)
  verdict.mockReset()
  verdict.mockResolvedValue(null) // the marker is the plugin's, unless a test says otherwise
})

describe("PayerB2BProviderService registration", () => {
  it("is the payer-b2b provider", () => {
    expect(PayerB2BProviderService.identifier).toBe("payer-b2b")
  })

  it("is the service the plugin's payer provider module registers", () => {
    expect((providerModule as any).services).toEqual([PayerB2BProviderService])
  })
})

describe("initiatePayment", () => {
  it("stores the normalized customer, the currency and the amount in minor units, pending", async () => {
    const { provider } = setup()
    const result = await provider.initiatePayment({
      amount: 1250,
      currency_code: "sek",
      data: {
        ...CUSTOMER,
        company_name: "  Acme Outdoor AB ",
        org_number: "5560360793",
        vat_id: "se 556036079301",
        session_id: SESSION_ID,
      },
    })
    // session_id is Medusa's addition to the input, not stored data; null keeps the rule "nothing but the documented keys"
    expect(result).toEqual({
      id: `payer_${SESSION_ID}`,
      data: { ...STORED, session_id: null },
      status: PaymentSessionStatus.PENDING,
    })
  })

  it("sets everything that is not a documented field to null, since Medusa stores what the storefront sent and merges the answer", async () => {
    const { provider, cradle } = setup()
    const planted = {
      internal_note: "x",
      pending_refund: { amount_minor: 1000, credit_invoice_number: "1" },
      personnummer: "196003071161",
    }
    const { data } = await provider.initiatePayment({
      amount: 10,
      currency_code: "sek",
      data: { ...CUSTOMER, session_id: SESSION_ID, amount_minor: 1, ...planted },
    })
    expect(data).toEqual({
      ...CUSTOMER,
      currency_code: "sek",
      amount_minor: 1000,
      session_id: null,
      internal_note: null,
      pending_refund: null,
      personnummer: null,
    })
    // the warning names the keys, never their values
    const warning = cradle.logger.warn.mock.calls.map((c: unknown[]) => String(c[0])).join("\n")
    expect(warning).toMatch(/internal_note, pending_refund, personnummer/)
    expect(warning).not.toMatch(/196003071161|session_id/)
  })

  it("stores null for the optional fields the customer left out", async () => {
    const { provider } = setup()
    const { data } = await provider.initiatePayment({
      amount: 10,
      currency_code: "eur",
      data: { company_name: "Acme AB", org_number: "202100-5489", email: "a@b.se" },
    })
    expect(data).toEqual({
      company_name: "Acme AB",
      org_number: "202100-5489",
      vat_id: null,
      email: "a@b.se",
      phone: null,
      your_reference: null,
      delivery_type: null,
      currency_code: "eur",
      amount_minor: 1000,
    })
  })

  it("accepts a sole trader's personal number as organisation number", async () => {
    const { provider } = setup()
    const { data } = await provider.initiatePayment({
      amount: 1,
      currency_code: "sek",
      data: { ...CUSTOMER, org_number: "19811218-9876", vat_id: null },
    })
    expect(data!.org_number).toBe("811218-9876")
  })

  it.each([
    [1250, 125000],
    [99.99, 9999],
    ["99.99", 9999],
    [0.01, 1],
    [0, 0],
    [10.255, 1026],
    [{ value: "1250.5", precision: 20 }, 125050],
    [{ value: "10.255", precision: 20 }, 1026],
    [{ value: 42, precision: 20 }, 4200],
    [new BigNumber("1234.56"), 123456],
    [new BigNumber({ value: "0.1", precision: 20 }), 10],
  ])("stores amount %j SEK as %i öre", async (amount, minor) => {
    const { provider } = setup()
    const { data } = await provider.initiatePayment({ amount: amount as any, currency_code: "sek", data: CUSTOMER })
    expect(data!.amount_minor).toBe(minor)
    expect(Number.isInteger(data!.amount_minor)).toBe(true)
  })

  it.each(["dkk", "eur", "gbp", "nok", "sek", "usd", "chf", "SEK", "Eur"])(
    "accepts the currency %s and stores it in lower case",
    async (currency) => {
      const { provider } = setup()
      const result = await provider.initiatePayment({ amount: 100, currency_code: currency, data: CUSTOMER })
      expect(result.data).toMatchObject({ currency_code: currency.toLowerCase(), amount_minor: 10000 })
      expect(result.status).toBe(PaymentSessionStatus.PENDING)
    },
  )

  it.each(["jpy", "pln", "isk", "USD1", "ZAR", ""])(
    "refuses the currency %j with invalid_data naming the supported ones",
    async (currency) => {
      const { provider } = setup()
      const error = await rejection(provider.initiatePayment({ amount: 100, currency_code: currency, data: CUSTOMER }))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toBe(
        `Payer B2B invoices support DKK, EUR, GBP, NOK, SEK, USD, CHF, not ${currency.toUpperCase()}`,
      )
    },
  )

  it.each<[string, Record<string, unknown>]>([
    ["company_name", { company_name: "" }],
    ["org_number", { org_number: "556036-0794" }],
    ["vat_id", { vat_id: "SE556036079302" }],
    ["email", { email: "not-an-address" }],
    ["phone", { phone: "call me" }],
    ["your_reference", { your_reference: "R".repeat(51) }],
    ["delivery_type", { delivery_type: "FAX" }],
  ])("refuses bad customer data with invalid_data naming %s", async (field, override) => {
    const { provider } = setup()
    const error = await rejection(
      provider.initiatePayment({ amount: 100, currency_code: "sek", data: { ...CUSTOMER, ...override } }),
    )
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message.startsWith(`${field}: `)).toBe(true)
  })

  it("refuses a session without data, naming the first required field", async () => {
    const { provider } = setup()
    const error = await rejection(provider.initiatePayment({ amount: 100, currency_code: "sek" }))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message.startsWith("company_name: ")).toBe(true)
  })

  it("gives every session its own id when Medusa passes no session id", async () => {
    const { provider } = setup()
    const { id } = await provider.initiatePayment({ amount: 1, currency_code: "sek", data: CUSTOMER })
    expect(id).toMatch(/^payer_\d+$/)
  })
})

describe("updatePayment", () => {
  it("re-validates the customer data and recomputes the amount in minor units, clearing keys that are not its own", async () => {
    const { provider } = setup()
    const result = await provider.updatePayment({
      amount: { value: "1999.5", precision: 20 } as any,
      currency_code: "sek",
      data: {
        ...STORED,
        session_id: SESSION_ID,
        pending_refund: { amount_minor: 1 },
        company_name: " Acme Nordic AB ",
        email: "new@acme.example.se",
      },
    })
    expect(result.data).toEqual({
      ...STORED,
      session_id: null,
      pending_refund: null,
      company_name: "Acme Nordic AB",
      email: "new@acme.example.se",
      amount_minor: 199950,
    })
  })

  it("refuses bad customer data with invalid_data naming the field", async () => {
    const { provider } = setup()
    const error = await rejection(
      provider.updatePayment({ amount: 10, currency_code: "sek", data: { ...STORED, org_number: "123" } }),
    )
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message.startsWith("org_number: ")).toBe(true)
  })
})

describe("authorizePayment", () => {
  it("authorizes valid data and hands on only the documented fields (no money moves until an invoice is issued)", async () => {
    const { provider } = setup()
    const data = { ...STORED, session_id: SESSION_ID, pending_refund: { amount_minor: 25000 } }
    await expect(provider.authorizePayment({ data })).resolves.toEqual({
      status: PaymentSessionStatus.AUTHORIZED,
      data: { ...STORED, session_id: null, pending_refund: null },
    })
  })

  it.each<[string, Record<string, unknown>]>([
    ["company_name", { company_name: "   " }],
    ["org_number", { org_number: "551301-0008" }],
    ["vat_id", { vat_id: "SE556036079401" }],
    ["email", { email: "a@b" }],
    ["delivery_type", { delivery_type: "email" }],
  ])("does not authorize when %s is invalid", async (field, override) => {
    const { provider } = setup()
    const error = await rejection(provider.authorizePayment({ data: { ...STORED, ...override } }))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message.startsWith(`${field}: `)).toBe(true)
  })

  it("does not authorize a session without data", async () => {
    const { provider } = setup()
    const error = await rejection(provider.authorizePayment({} as any))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
  })
})

describe("capturePayment", () => {
  it("is not allowed: the invoice issued per fulfillment is the capture", async () => {
    const { provider } = setup()
    const error = await rejection(provider.capturePayment({ data: STORED }))
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toMatch(/create a fulfillment instead of capturing/)
    expect(creditThroughPayer).not.toHaveBeenCalled()
  })
})

describe("refundPayment", () => {
  const PENDING = { amount_minor: 25000, credit_invoice_number: "2001", mac: "signed-by-the-plugin" }

  it("consumes the plugin's pending credit of the same amount without crediting at Payer again", async () => {
    const { provider } = setup()
    const data = { ...STORED, pending_refund: PENDING }
    const result = await provider.refundPayment({
      data,
      amount: { value: "250", precision: 20 } as any,
      context: { idempotency_key: REFUND_ID },
    })
    expect(creditThroughPayer).not.toHaveBeenCalled()
    expect(result.data).toEqual({ ...STORED, pending_refund: null })
  })

  it("clears the marker with an explicit null, since Medusa merges payment data and a missing key would survive", async () => {
    const { provider } = setup()
    const result = await provider.refundPayment({
      data: { ...STORED, pending_refund: PENDING },
      amount: 250,
      context: { idempotency_key: REFUND_ID },
    })
    expect(result.data).toHaveProperty("pending_refund", null)
  })

  it("asks whether the marker is the plugin's for this refund, in minor units of the payment's currency (250.004 SEK -> 25000 öre)", async () => {
    const { provider, cradle } = setup()
    await provider.refundPayment({
      data: { ...STORED, pending_refund: PENDING },
      amount: { value: "250.004", precision: 20 } as any,
      context: { idempotency_key: REFUND_ID },
    })
    expect(verdict).toHaveBeenCalledWith(cradle, { marker: PENDING, refund_id: REFUND_ID, amount_minor: 25000 })
    expect(creditThroughPayer).not.toHaveBeenCalled()
  })

  it("ignores a marker the plugin did not write (planted, forged, stale) with a warning, and credits at Payer once", async () => {
    const { provider, cradle } = setup()
    verdict.mockResolvedValueOnce("bad signature")
    const forged = { ...PENDING, mac: "forged" }
    const result = await provider.refundPayment({
      data: { ...STORED, pending_refund: forged },
      amount: 250,
      context: { idempotency_key: REFUND_ID },
    })
    expect(creditThroughPayer).toHaveBeenCalledTimes(1)
    expect(creditThroughPayer).toHaveBeenCalledWith(cradle, { refund_id: REFUND_ID, amount_minor: 25000 })
    expect(cradle.logger.warn).toHaveBeenCalledWith(expect.stringContaining("bad signature"))
    expect(result.data!.pending_refund).toEqual(forged)
  })

  it("does not modify the payment data it was given", async () => {
    const { provider } = setup()
    const data = { ...STORED, pending_refund: { ...PENDING } }
    await provider.refundPayment({ data, amount: 250, context: { idempotency_key: REFUND_ID } })
    expect(data.pending_refund).toEqual(PENDING)
  })

  it("credits through Payer with the Medusa refund id and the amount in minor units when nothing is pending", async () => {
    const { provider, cradle } = setup()
    const data = { ...STORED, session_id: SESSION_ID }
    const result = await provider.refundPayment({
      data,
      amount: { value: "99.995", precision: 20 } as any,
      context: { idempotency_key: REFUND_ID },
    })
    expect(creditThroughPayer).toHaveBeenCalledTimes(1)
    expect(creditThroughPayer).toHaveBeenCalledWith(cradle, { refund_id: REFUND_ID, amount_minor: 10000 })
    expect(result.data).toEqual(data)
  })

  it("uses the currency stored on the payment for the minor units", async () => {
    const { provider } = setup()
    await provider.refundPayment({
      data: { ...STORED, currency_code: "eur" },
      amount: 12.34,
      context: { idempotency_key: REFUND_ID },
    })
    expect(creditThroughPayer).toHaveBeenCalledWith(expect.anything(), { refund_id: REFUND_ID, amount_minor: 1234 })
  })

  it("credits through Payer when the pending credit is for another amount, and leaves that marker for its own refund", async () => {
    const { provider } = setup()
    verdict.mockResolvedValueOnce("for another amount")
    const result = await provider.refundPayment({
      data: { ...STORED, pending_refund: PENDING },
      amount: 100,
      context: { idempotency_key: REFUND_ID },
    })
    expect(creditThroughPayer).toHaveBeenCalledWith(expect.anything(), { refund_id: REFUND_ID, amount_minor: 10000 })
    expect(result.data!.pending_refund).toEqual(PENDING)
  })

  it("credits through Payer when the marker was already cleared (null)", async () => {
    const { provider } = setup()
    await provider.refundPayment({
      data: { ...STORED, pending_refund: null },
      amount: 250,
      context: { idempotency_key: REFUND_ID },
    })
    expect(creditThroughPayer).toHaveBeenCalledWith(expect.anything(), { refund_id: REFUND_ID, amount_minor: 25000 })
  })

  it.each<[string, Record<string, unknown> | undefined]>([
    ["no context", undefined],
    ["no idempotency key", {}],
    ["an empty idempotency key", { idempotency_key: "" }],
  ])("refuses a refund through Payer with %s (it needs the Medusa refund id)", async (_what, context) => {
    const { provider } = setup()
    const error = await rejection(provider.refundPayment({ data: STORED, amount: 100, context: context as any }))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toMatch(/refund id/)
    expect(creditThroughPayer).not.toHaveBeenCalled()
  })

  it("reports the refund done only after the Payer credit has been issued", async () => {
    const { provider } = setup()
    let finishCredit!: () => void
    creditThroughPayer.mockImplementationOnce(() => new Promise<void>((resolve) => (finishCredit = resolve)))
    let settled = false
    const refund = provider
      .refundPayment({ data: STORED, amount: 100, context: { idempotency_key: REFUND_ID } })
      .then(() => (settled = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(creditThroughPayer).toHaveBeenCalledTimes(1)
    expect(settled).toBe(false)
    finishCredit()
    await refund
    expect(settled).toBe(true)
  })

  it("fails the refund when crediting at Payer fails, so Medusa does not record it", async () => {
    const { provider } = setup()
    const failure = new MedusaError(MedusaError.Types.NOT_FOUND, "No order found for this Payer B2B payment")
    creditThroughPayer.mockRejectedValueOnce(failure)
    await expect(
      provider.refundPayment({ data: STORED, amount: 100, context: { idempotency_key: REFUND_ID } }),
    ).rejects.toBe(failure)
  })
})

describe("cancel, delete, status, retrieve and webhooks", () => {
  it("cancelPayment returns the data unchanged and credits nothing", async () => {
    const { provider } = setup()
    await expect(provider.cancelPayment({ data: STORED })).resolves.toEqual({ data: STORED })
    await expect(provider.cancelPayment({} as any)).resolves.toEqual({ data: {} })
    expect(creditThroughPayer).not.toHaveBeenCalled()
  })

  it("deletePayment returns the data unchanged", async () => {
    const { provider } = setup()
    await expect(provider.deletePayment({ data: STORED })).resolves.toEqual({ data: STORED })
    await expect(provider.deletePayment({} as any)).resolves.toEqual({ data: {} })
  })

  it("getPaymentStatus reports authorized with the data", async () => {
    const { provider } = setup()
    await expect(provider.getPaymentStatus({ data: STORED })).resolves.toEqual({
      status: PaymentSessionStatus.AUTHORIZED,
      data: STORED,
    })
    await expect(provider.getPaymentStatus({} as any)).resolves.toEqual({
      status: PaymentSessionStatus.AUTHORIZED,
      data: {},
    })
  })

  it("retrievePayment returns the data unchanged", async () => {
    const { provider } = setup()
    await expect(provider.retrievePayment({ data: STORED })).resolves.toEqual({ data: STORED })
    await expect(provider.retrievePayment({} as any)).resolves.toEqual({ data: {} })
  })

  it("getWebhookActionAndData says webhooks are not supported (a job polls Payer instead)", async () => {
    const { provider } = setup()
    await expect(provider.getWebhookActionAndData({ data: {}, rawData: "", headers: {} } as any)).resolves.toEqual({
      action: PaymentActions.NOT_SUPPORTED,
    })
    expect(PaymentActions.NOT_SUPPORTED).toBe("not_supported")
  })
})
