import { isSettled, openSyncTargets, syncUpdateFor, syncUpdatesForPage } from "../payer-invoice-sync"

const invoice = (n: number, extra: Record<string, unknown> = {}) =>
  ({ invoiceNumber: n, type: "NORMAL", status: "UNPAID", currencyCode: "SEK", totalAmount: 1000, creditedAmount: 0, outstandingAmount: 1000, dueDate: "2026-01-01", ...extra }) as any

describe("openSyncTargets", () => {
  it("starts at the lowest number that is not PAID or CREDITED, numerically", () => {
    const records = [
      { id: "a", invoice_number: "1009", payer_status: "UNPAID" },
      { id: "b", invoice_number: "998", payer_status: "PAID" },
      { id: "c", invoice_number: "1010", payer_status: "PARTIALLY_CREDITED" },
      { id: "d", invoice_number: null, payer_status: null },
      { id: "e", invoice_number: "999", payer_status: "credited" },
    ]
    expect(openSyncTargets(records)[0]).toBe(1009)
  })

  it("is empty when everything is settled or nothing is issued", () => {
    expect(openSyncTargets([{ id: "a", invoice_number: "5", payer_status: "PAID" }, { id: "b" }])).toEqual([])
    expect(openSyncTargets([])).toEqual([])
    expect(isSettled("OVERDUE")).toBe(false)
  })

  it("open targets: ascending, unique, unknown statuses count as open", () => {
    const records = [
      { id: "a", invoice_number: "1010", payer_status: "IN_DEBT_COLLECTION" },
      { id: "b", invoice_number: "1002", payer_status: null },
      { id: "c", invoice_number: "1002", payer_status: "UNPAID" },
      { id: "d", invoice_number: "1001", payer_status: "PAID" },
      { id: "e", invoice_number: "x", payer_status: "UNPAID" },
    ]
    expect(openSyncTargets(records)).toEqual([1002, 1010])
  })
})

describe("syncUpdateFor / syncUpdatesForPage", () => {
  const record = { id: "r", invoice_number: "1001", payer_status: "UNPAID", credited_amount: 0, outstanding_amount: 1000, due_date: "2026-01-01" }

  it("takes status, credited and outstanding amounts and due date from Payer", () => {
    expect(syncUpdateFor(record, invoice(1001, { status: "PARTIALLY_CREDITED", creditedAmount: 300, outstandingAmount: 700, dueDate: "2026-02-01" }))).toEqual({
      id: "r", payer_status: "PARTIALLY_CREDITED", credited_amount: 300, outstanding_amount: 700, due_date: "2026-02-01",
    })
    expect(syncUpdateFor(record, invoice(1001, { status: "PAID", outstandingAmount: 0 }))).toEqual({ id: "r", payer_status: "PAID", outstanding_amount: 0 })
  })

  it("changes nothing when Payer says the same, and ignores fields Payer left out", () => {
    expect(syncUpdateFor(record, invoice(1001))).toBeNull()
    expect(syncUpdateFor(record, invoice(1001, { creditedAmount: undefined, outstandingAmount: null, dueDate: undefined }))).toBeNull()
  })

  it("only updates invoices we know", () => {
    const page = [invoice(1000, { status: "PAID" }), invoice(1001, { status: "PAID", outstandingAmount: 0 }), invoice(1002, { status: "PAID" })]
    expect(syncUpdatesForPage([record], page)).toEqual([{ id: "r", payer_status: "PAID", outstanding_amount: 0 }])
  })
})
