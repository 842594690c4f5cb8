import { loggableEventType, planForPayerEvent } from "../payer-events"

const plan = (type: string, payload: Record<string, unknown>) => planForPayerEvent({ type, payload })

describe("planForPayerEvent", () => {
  it("a payment: the invoice named is read again (number or digit string)", () => {
    expect(plan("INVOICE_PAYMENT_RECEIVED", { invoiceNumber: 1001, amountInCents: 500 })).toEqual({
      kind: "reread",
      invoice_numbers: [1001],
    })
    expect(plan("INVOICE_PAYMENT_RECEIVED", { invoiceNumber: "50001234456" })).toEqual({
      kind: "reread",
      invoice_numbers: [50001234456],
    })
  })

  it("a write-off names its invoice as a string", () => {
    expect(plan("WRITE_OFF_PAYMENT_CREATED", { writeOffAmount: 100, invoiceNumber: "1002" })).toEqual({
      kind: "reread",
      invoice_numbers: [1002],
    })
  })

  it("a credit used: the credit invoice, plus the invoice it paid when used as a payment", () => {
    expect(
      plan("CREDIT_USED", { creditInvoiceNumber: 1003, creditUsedType: "USED_AS_PAYMENT", reference: "1001" }),
    ).toEqual({ kind: "reread", invoice_numbers: [1003, 1001] })
    expect(plan("CREDIT_USED", { creditInvoiceNumber: 1003, creditUsedType: "PAID_OUT", reference: "job" })).toEqual({
      kind: "reread",
      invoice_numbers: [1003],
    })
    expect(
      plan("CREDIT_USED", { creditInvoiceNumber: "1003", creditUsedType: "USED_AS_PAYMENT", reference: "1003" }),
    ).toEqual({ kind: "reread", invoice_numbers: [1003] })
  })

  it("a handled type without a usable invoice number names nothing; unknown types are unknown", () => {
    for (const bad of [undefined, null, 0, -5, "abc", 1.5, { n: 1 }]) {
      expect(plan("INVOICE_PAYMENT_RECEIVED", { invoiceNumber: bad })).toEqual({ kind: "no_invoice" })
    }
    expect(plan("CREDIT_USED", {})).toEqual({ kind: "no_invoice" })
    for (const type of ["INVOICE_CREATED", "CARD_PAYMENT_SETTLED", "SOMETHING_NEW", "invoice_payment_received"]) {
      expect(plan(type, { invoiceNumber: 1001 })).toEqual({ kind: "unknown_type" })
    }
  })
})

describe("loggableEventType", () => {
  it("keeps Payer's names, masks anything else and cuts it short", () => {
    expect(loggableEventType("INVOICE_CREATED")).toBe("INVOICE_CREATED")
    expect(loggableEventType("a b\nc<script>")).toBe("a?b?c?script?")
    expect(loggableEventType("X".repeat(100))).toHaveLength(64)
  })
})
