import { pendingRefundProblem, signPendingRefund } from "../payer-refund-marker"

const SECRET = "sandbox-secret"
const PAYMENT = "pay_01JQ40000000000000000000PY"
const signed = () =>
  signPendingRefund(SECRET, { payment_id: PAYMENT, amount_minor: 25000, credit_invoice_number: "2001" })

describe("pending_refund marker", () => {
  it("is accepted for the payment and amount it was signed for", () => {
    expect(pendingRefundProblem(SECRET, signed(), PAYMENT, 25000)).toBeNull()
  })

  it("is bound to the payment, the amount, the credit invoice and the shop's Payer secret", () => {
    expect(pendingRefundProblem(SECRET, signed(), "pay_other", 25000)).toBe("bad signature")
    expect(pendingRefundProblem(SECRET, signed(), PAYMENT, 25001)).toBe("for another amount")
    expect(pendingRefundProblem(SECRET, { ...signed(), amount_minor: 1 }, PAYMENT, 1)).toBe("bad signature")
    expect(pendingRefundProblem(SECRET, { ...signed(), credit_invoice_number: "2002" }, PAYMENT, 25000)).toBe(
      "bad signature",
    )
    expect(pendingRefundProblem("another-shops-secret", signed(), PAYMENT, 25000)).toBe("bad signature")
  })

  it.each([
    [
      "what a storefront can plant without the secret",
      { amount_minor: 25000, credit_invoice_number: "2001" },
      "malformed",
    ],
    ["a guessed mac", { amount_minor: 25000, credit_invoice_number: "2001", mac: "AAAA" }, "bad signature"],
    ["a string", "pending", "not an object"],
    ["an array", [25000], "not an object"],
    ["text amounts", { amount_minor: "25000", credit_invoice_number: "2001", mac: "x" }, "malformed"],
  ])("refuses %s", (_what, marker, problem) => {
    expect(pendingRefundProblem(SECRET, marker, PAYMENT, 25000)).toBe(problem)
  })

  it("cannot be made or checked without a secret", () => {
    expect(() => signPendingRefund("", { payment_id: PAYMENT, amount_minor: 1, credit_invoice_number: "1" })).toThrow()
    expect(pendingRefundProblem("", signed(), PAYMENT, 25000)).toBe("no key to check it")
  })
})
