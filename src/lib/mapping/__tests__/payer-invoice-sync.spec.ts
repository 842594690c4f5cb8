import type { PayerInvoiceBatch } from "../../payer"
import {
  coveredUntil,
  isSettled,
  openSyncTargets,
  runBoundedSync,
  syncUpdateFor,
  syncUpdatesForPage,
  type SyncBudget,
} from "../payer-invoice-sync"

const invoice = (n: number, extra: Record<string, unknown> = {}) =>
  ({
    invoiceNumber: n,
    type: "NORMAL",
    status: "UNPAID",
    currencyCode: "SEK",
    totalAmount: 1000,
    creditedAmount: 0,
    outstandingAmount: 1000,
    dueDate: "2026-01-01",
    ...extra,
  }) as any

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
  const record = {
    id: "r",
    invoice_number: "1001",
    payer_status: "UNPAID",
    credited_amount: 0,
    outstanding_amount: 1000,
    due_date: "2026-01-01",
  }

  it("takes status, credited and outstanding amounts and due date from Payer", () => {
    expect(
      syncUpdateFor(
        record,
        invoice(1001, {
          status: "PARTIALLY_CREDITED",
          creditedAmount: 300,
          outstandingAmount: 700,
          dueDate: "2026-02-01",
        }),
      ),
    ).toEqual({
      id: "r",
      payer_status: "PARTIALLY_CREDITED",
      credited_amount: 300,
      outstanding_amount: 700,
      due_date: "2026-02-01",
    })
    expect(syncUpdateFor(record, invoice(1001, { status: "PAID", outstandingAmount: 0 }))).toEqual({
      id: "r",
      payer_status: "PAID",
      outstanding_amount: 0,
    })
  })

  it("changes nothing when Payer says the same, and ignores fields Payer left out", () => {
    expect(syncUpdateFor(record, invoice(1001))).toBeNull()
    expect(
      syncUpdateFor(record, invoice(1001, { creditedAmount: undefined, outstandingAmount: null, dueDate: undefined })),
    ).toBeNull()
  })

  it("only updates invoices we know", () => {
    const page = [
      invoice(1000, { status: "PAID" }),
      invoice(1001, { status: "PAID", outstandingAmount: 0 }),
      invoice(1002, { status: "PAID" }),
    ]
    expect(syncUpdatesForPage([record], page)).toEqual([{ id: "r", payer_status: "PAID", outstanding_amount: 0 }])
  })
})

// The bounded status sync's planning: caps, stored cursor, wrap-around, nothing pins the start.

/** A Payer holding invoices first..last; the batch answers 20 from a number on, like the API. */
function fakePayer(first: number, last: number) {
  const calls: number[] = []
  const fetchPage = async (from: number): Promise<PayerInvoiceBatch> => {
    calls.push(from)
    const numbers: number[] = []
    for (let n = Math.max(from, first); n <= last && numbers.length < 21; n++) numbers.push(n)
    const invoices = numbers.slice(0, 20).map((invoiceNumber) => ({ invoiceNumber }) as never)
    return { invoices, nextInvoiceNumber: numbers[20] ?? null }
  }
  return { calls, fetchPage }
}

const plenty = (): SyncBudget => ({ maxCalls: 1000, deadline: Number.MAX_SAFE_INTEGER, now: () => 0 })
const seen = async () => 0

describe("runBoundedSync", () => {
  it("jumps from open record to open record and covers each page's records with one call", async () => {
    const payer = fakePayer(1001, 1200)
    const targets = [1001, 1005, 1019, 1020, 1021, 1150]
    const out = await runBoundedSync({
      targets,
      cursor: null,
      budget: plenty(),
      fetchPage: payer.fetchPage,
      applyPage: seen,
    })
    expect(payer.calls).toEqual([1001, 1021, 1150])
    expect(out).toEqual({
      from_invoice_number: 1001,
      pages: 3,
      updated: 0,
      next_cursor: null,
      completed_cycle: true,
      stopped_by: null,
    })
  })

  it("stops at the call cap, leaves the cursor, and the next runs continue there and wrap around", async () => {
    const payer = fakePayer(1001, 1140)
    const targets = [1001, 1021, 1041, 1061, 1081, 1101, 1121]
    const budget = { maxCalls: 3, deadline: Number.MAX_SAFE_INTEGER, now: () => 0 }
    const run = (cursor: number | null) =>
      runBoundedSync({ targets, cursor, budget, fetchPage: payer.fetchPage, applyPage: seen })

    const first = await run(null)
    expect(first).toMatchObject({
      from_invoice_number: 1001,
      pages: 3,
      next_cursor: 1061,
      completed_cycle: false,
      stopped_by: "calls",
    })
    const second = await run(first.next_cursor)
    expect(second).toMatchObject({ from_invoice_number: 1061, pages: 3, next_cursor: 1121, stopped_by: "calls" })
    const third = await run(second.next_cursor)
    expect(third).toMatchObject({ from_invoice_number: 1121, pages: 3, next_cursor: 1041, stopped_by: "calls" })
    expect(payer.calls).toEqual([1001, 1021, 1041, 1061, 1081, 1101, 1121, 1001, 1021])
  })

  it("an old record that never settles does not pin the start: each run begins where the last one stopped", async () => {
    const payer = fakePayer(1001, 1400)
    // 1001: overdue for months; 1002: a credit invoice nobody uses; the rest: recent invoices, one per page
    const targets = [1001, 1002, ...Array.from({ length: 15 }, (_, i) => 1100 + 20 * i)]
    const budget = { maxCalls: 4, deadline: Number.MAX_SAFE_INTEGER, now: () => 0 }
    let cursor: number | null = null
    const starts: Array<number | null> = []
    for (let run = 0; run < 4; run++) {
      const out = await runBoundedSync({ targets, cursor, budget, fetchPage: payer.fetchPage, applyPage: seen })
      starts.push(out.from_invoice_number)
      cursor = out.next_cursor
    }
    expect(starts).toEqual([1001, 1160, 1240, 1320])
    // 16 pages visit all 17 open records (1001 and 1002 share a page) within 4 runs of 4 calls
    expect(new Set(payer.calls).size).toBe(16)
    expect(payer.calls.filter((n) => n === 1001)).toHaveLength(1)
  })

  it("stops at the seconds cap before starting another call", async () => {
    const payer = fakePayer(1001, 1200)
    let clock = 0
    const budget: SyncBudget = { maxCalls: 100, deadline: 10_000, now: () => clock }
    const fetchPage = async (from: number) => {
      clock += 4_000 // every call takes 4 s
      return payer.fetchPage(from)
    }
    const out = await runBoundedSync({
      targets: [1001, 1050, 1100, 1150],
      cursor: null,
      budget,
      fetchPage,
      applyPage: seen,
    })
    expect(out).toMatchObject({ pages: 3, next_cursor: 1150, stopped_by: "seconds", completed_cycle: false })
  })

  it("a cursor past every open record starts from the lowest; nothing open means no call", async () => {
    const payer = fakePayer(1001, 1100)
    const out = await runBoundedSync({
      targets: [1010, 1050],
      cursor: 1090,
      budget: plenty(),
      fetchPage: payer.fetchPage,
      applyPage: seen,
    })
    expect(out).toMatchObject({ from_invoice_number: 1010, pages: 2, completed_cycle: true, next_cursor: null })
    const none = await runBoundedSync({
      targets: [],
      cursor: 1090,
      budget: plenty(),
      fetchPage: payer.fetchPage,
      applyPage: seen,
    })
    expect(none).toEqual({
      from_invoice_number: null,
      pages: 0,
      updated: 0,
      next_cursor: null,
      completed_cycle: true,
      stopped_by: null,
    })
  })

  it("counts what applyPage changed", async () => {
    const payer = fakePayer(1001, 1050)
    const out = await runBoundedSync({
      targets: [1001, 1030],
      cursor: null,
      budget: plenty(),
      fetchPage: payer.fetchPage,
      applyPage: async (page) => page.length,
    })
    expect(out.updated).toBe(20 + 20)
  })
})

describe("coveredUntil", () => {
  it("takes nextInvoiceNumber, everything when there is none, and forces progress on a next number that goes backwards", () => {
    const page = (numbers: number[], next: number | null) => ({
      invoices: numbers.map((invoiceNumber) => ({ invoiceNumber }) as never),
      nextInvoiceNumber: next,
    })
    expect(coveredUntil(1001, page([1001, 1002], 1021))).toBe(1021)
    expect(coveredUntil(1001, page([1001], null))).toBe(Infinity)
    expect(coveredUntil(1001, page([1001, 1007], 1001))).toBe(1008)
    expect(coveredUntil(1001, page([], 5))).toBe(1002)
  })
})
