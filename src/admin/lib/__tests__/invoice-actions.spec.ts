import { invoiceActions, payableInvoices, rowKey, uncreditedMinorUnits } from "../invoice-actions"
import { invoice } from "./fixtures"

describe("invoiceActions", () => {
  it("offers credit and a copy on an issued invoice", () => {
    expect(invoiceActions(invoice(), 2)).toEqual(["credit", "sendCopy"])
  })

  it("offers no credit on a fully credited invoice", () => {
    expect(invoiceActions(invoice({ credited: 533.33, outstanding: 0 }), 2)).toEqual(["sendCopy"])
    expect(uncreditedMinorUnits(invoice({ total: 0.3, credited: 0.1 }), 2)).toBe(20)
  })

  it("offers pay with credit and pay out on a credit invoice with something outstanding", () => {
    const credit = invoice({ kind: "credit", number: "2001", outstanding: 100 })
    expect(invoiceActions(credit, 2)).toEqual(["sendCopy", "payWithCredit", "payout"])
    expect(invoiceActions({ ...credit, outstanding: 0 }, 2)).toEqual(["sendCopy"])
  })

  it("offers a retry on a failed invoice record of a fulfillment, and nothing else", () => {
    const failed = invoice({ status: "failed", number: null, ocr: null, last_error: "Payer said no" })
    expect(invoiceActions(failed, 2)).toEqual(["retry"])
    expect(invoiceActions({ ...failed, fulfillment_id: null }, 2)).toEqual([])
    expect(rowKey(failed)).toBe("pinv_1")
    expect(rowKey(invoice())).toBe("1001")
  })

  it("offers nothing on a pending record or a credit whose outcome is unknown", () => {
    expect(invoiceActions(invoice({ status: "pending", number: null }), 2)).toEqual([])
    expect(invoiceActions(invoice({ kind: "credit", status: "unknown", outstanding: 10 }), 2)).toEqual([])
  })
})

describe("payableInvoices", () => {
  it("lists the issued invoices with something outstanding", () => {
    const paid = invoice({ id: "pinv_2", number: "1002", outstanding: 0 })
    const credit = invoice({ id: "pinv_3", kind: "credit", number: "2001" })
    const open = invoice({ id: "pinv_4", number: "1003" })
    expect(payableInvoices([invoice(), paid, credit, open], 2).map((i) => i.number)).toEqual(["1001", "1003"])
  })
})
