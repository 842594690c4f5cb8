import { adminAddressee, adminState, payexAdminSummary } from "../payex-admin-summary"

const PAYMENT_ID = "/psp/invoice/payments/5adc265f-f87f-4313-577e-08d3dca1a26c"

const tx = (number: number, type: string, state: string, amount: unknown, extra: Record<string, unknown> = {}) => ({
  id: `${PAYMENT_ID}/transactions/${number}`,
  number,
  type,
  state,
  amount,
  vatAmount: 0,
  created: `2026-12-01T10:0${number}:00Z`,
  payeeReference: `REF${number}`,
  description: "Purchase from Demo Store",
  ...extra,
})

const paymentDoc = (extra: Record<string, unknown> = {}) => ({
  payment: { id: PAYMENT_ID, number: 1001, state: "Ready", currency: "SEK", amount: 64899, ...extra },
  operations: [],
})

describe("payexAdminSummary", () => {
  it("sums completed transactions per type in minor units and takes PayEx's remaining capture amount", () => {
    const summary = payexAdminSummary({
      payment: paymentDoc({ remainingCaptureAmount: 33233, remainingReversalAmount: 31666 }),
      transactions: {
        payment: PAYMENT_ID,
        transactions: {
          id: `${PAYMENT_ID}/transactions`,
          transactionList: [tx(2, "Capture", "Completed", 31666), tx(1, "Authorization", "Completed", 64899)],
        },
      },
      legalAddress: {
        payment: PAYMENT_ID,
        legalAddress: { addressee: "Sven Svensson", city: "Bro", zipCode: "19792" },
      },
      currencyCode: "SEK",
    })
    expect(summary).toEqual({
      state: "partially_captured",
      payment_state: "Ready",
      currency_code: "sek",
      amounts: { authorized: 64899, captured: 31666, reversed: 0, cancelled: 0, remaining: 33233 },
      transactions: [
        {
          number: 1,
          type: "Authorization",
          state: "Completed",
          amount: 64899,
          created: "2026-12-01T10:01:00Z",
          payee_reference: "REF1",
        },
        {
          number: 2,
          type: "Capture",
          state: "Completed",
          amount: 31666,
          created: "2026-12-01T10:02:00Z",
          payee_reference: "REF2",
        },
      ],
      addressee: { name: "Sven Svensson", city: "Bro" },
    })
  })

  it("counts only completed transactions and never a fraction, a negative or a string amount", () => {
    const summary = payexAdminSummary({
      payment: paymentDoc(),
      transactions: [
        tx(1, "Authorization", "Completed", 10000),
        tx(2, "Capture", "Failed", 5000, { failedReason: "declined" }),
        tx(3, "Capture", "Completed", 12.5),
        tx(4, "Capture", "Completed", "3000"),
        tx(5, "Capture", "Completed", -100),
        tx(6, "Capture", "Initialized", 4000),
        tx(7, "Capture", "Completed", 10000),
      ],
      currencyCode: "sek",
    })
    expect(summary.amounts).toEqual({ authorized: 10000, captured: 10000, reversed: 0, cancelled: 0, remaining: 0 })
    expect(summary.state).toBe("captured")
    expect(summary.transactions.map((t) => t.amount)).toEqual([10000, 5000, null, null, null, 4000, 10000])
  })

  it("reads missing fields and unknown states without failing", () => {
    const summary = payexAdminSummary({
      payment: { payment: { state: "Frozen" } },
      transactions: [null, "x", { type: "Chargeback", state: "Disputed" }, {}],
      legalAddress: undefined,
      currencyCode: "SEK",
    })
    expect(summary.state).toBe("unknown")
    expect(summary.payment_state).toBe("Frozen")
    expect(summary.transactions).toEqual([
      { number: null, type: "Chargeback", state: "Disputed", amount: null, created: null, payee_reference: null },
      { number: null, type: "Unknown", state: "Unknown", amount: null, created: null, payee_reference: null },
    ])
    expect(summary.addressee).toBeNull()
    expect(payexAdminSummary({ payment: null, transactions: null, currencyCode: "sek" })).toEqual(
      expect.objectContaining({
        state: "unknown",
        payment_state: null,
        amounts: { authorized: 0, captured: 0, reversed: 0, cancelled: 0, remaining: 0 },
        transactions: [],
      }),
    )
  })

  it("never passes on the transaction description or other fields PayEx may fill with shopper data", () => {
    const summary = payexAdminSummary({
      payment: paymentDoc(),
      transactions: [tx(1, "Authorization", "Completed", 100, { description: "600307-1161", failedReason: "x" })],
      currencyCode: "sek",
    })
    expect(JSON.stringify(summary)).not.toContain("600307")
    expect(Object.keys(summary.transactions[0]).sort()).toEqual(
      ["amount", "created", "number", "payee_reference", "state", "type"].sort(),
    )
  })
})

describe("adminState", () => {
  const amounts = { authorized: 100, captured: 0, reversed: 0, cancelled: 0, remaining: 100 }
  it.each([
    ["Aborted", amounts, "aborted"],
    ["Failed", amounts, "failed"],
    ["Ready", { ...amounts, authorized: 0 }, "pending"],
    ["Pending", { ...amounts, authorized: 0 }, "pending"],
    ["Ready", amounts, "authorized"],
    ["Ready", { ...amounts, captured: 40, remaining: 60 }, "partially_captured"],
    ["Ready", { ...amounts, captured: 100, remaining: 0 }, "captured"],
    ["Ready", { ...amounts, captured: 40, cancelled: 60, remaining: 0 }, "captured"],
    ["Ready", { ...amounts, cancelled: 100, remaining: 0 }, "cancelled"],
    ["Ready", { ...amounts, captured: 100, reversed: 30, remaining: 0 }, "partially_reversed"],
    ["Ready", { ...amounts, captured: 100, reversed: 100, remaining: 0 }, "reversed"],
  ] as const)("%s with %j is %s", (state, given, expected) => {
    expect(adminState(state, given)).toBe(expected)
  })
})

describe("adminAddressee", () => {
  it("takes only the name and the city, from either document shape", () => {
    const address = {
      addressee: "Leo Lion",
      coAddress: "c/o Lion",
      streetAddress: "Hagagatan 1",
      zipCode: "17674",
      city: "Solna",
      countryCode: "SE",
    }
    expect(adminAddressee({ legalAddress: address })).toEqual({ name: "Leo Lion", city: "Solna" })
    expect(adminAddressee({ approvedLegalAddress: address })).toEqual({ name: "Leo Lion", city: "Solna" })
    expect(adminAddressee(address)).toEqual({ name: "Leo Lion", city: "Solna" })
    expect(adminAddressee({ legalAddress: { city: "Solna" } })).toBeNull()
    expect(adminAddressee({ legalAddress: { addressee: "Leo Lion" } })).toEqual({ name: "Leo Lion", city: null })
  })
})
