import { financialTransactionsOf, isAuthorized, isPaymentOrderId, readPaymentOrder } from "../payment-order-reads"

const ID = "/psp/paymentorders/5adc265f-f87f-4313-577e-08d3dca1a26c"

describe("readPaymentOrder", () => {
  it("reads the order under either spelling and keeps only well-formed operations", () => {
    const op = { rel: "capture", method: "POST", href: `https://api.test${ID}/captures` }
    for (const key of ["paymentOrder", "paymentorder"]) {
      const read = readPaymentOrder({ [key]: { id: ID, status: "Paid", extra: 1 }, operations: [op, { rel: 1 }, null] })
      expect(read).toEqual({ paymentOrder: { id: ID, status: "Paid", extra: 1 }, operations: [op] })
    }
  })

  it("is undefined for an answer without a payment order id", () => {
    expect(readPaymentOrder({ payment: { id: ID } })).toBeUndefined()
    expect(readPaymentOrder("<html>")).toBeUndefined()
    expect(readPaymentOrder({ paymentOrder: { status: "Paid" } })).toBeUndefined()
  })
})

describe("isAuthorized", () => {
  it("is true for Paid with an authorization, by the paid node or the financial transactions", () => {
    expect(isAuthorized({ id: ID, status: "Paid", paid: { transactionType: "Authorization" } })).toBe(true)
    expect(
      isAuthorized({
        id: ID,
        status: "paid",
        financialTransactions: { financialTransactionsList: [{ type: "Authorization" }] },
      }),
    ).toBe(true)
  })

  it("is false while initialized, for a sale, a link-only paid node or a status it does not know", () => {
    expect(isAuthorized({ id: ID, status: "Initialized" })).toBe(false)
    expect(isAuthorized({ id: ID, status: "Paid", paid: { transactionType: "Sale" } })).toBe(false)
    expect(isAuthorized({ id: ID, status: "Paid", paid: { id: `${ID}/paid` } as never })).toBe(false)
    expect(isAuthorized({ id: ID, status: "Settled", paid: { transactionType: "Authorization" } })).toBe(false)
  })
})

describe("financialTransactionsOf / isPaymentOrderId", () => {
  it("reads the expanded list, and nothing from a link", () => {
    const list = [{ type: "Capture", payeeReference: "CP1" }]
    expect(financialTransactionsOf({ id: ID, financialTransactions: { financialTransactionsList: list } })).toEqual(
      list,
    )
    expect(financialTransactionsOf({ id: ID, financialTransactions: { id: "x" } as never })).toEqual([])
  })

  it("takes only a payment order id", () => {
    expect(isPaymentOrderId(ID)).toBe(true)
    for (const bad of [`${ID}?x=1`, `${ID}/../../x`, `https://evil.test${ID}`, "/psp/invoice/payments/x", 42])
      expect(isPaymentOrderId(bad)).toBe(false)
  })
})
