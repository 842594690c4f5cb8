/**
 * Pure parts of the Payer status sync: which records are still open, how a bounded run walks Payer's invoice
 * batch from a stored cursor, and what a Payer invoice changes on our record.
 *
 * Payer's batch lists invoices with number >= fromInvoiceNumber, 20 at a time, with the number where the
 * next page starts. A run jumps straight to the next open record's number (pages between our records hold
 * other sales channels' invoices), stops at a cap on calls and on seconds, and leaves a cursor: the next run
 * continues there and wraps around to the lowest open record after the highest. So an old record that stays
 * open for months (overdue, or a credit invoice nobody uses) is visited once per cycle instead of being where
 * every run starts.
 */
import type { PayerInvoice, PayerInvoiceBatch } from "../payer"
import type { PayerInvoiceRow, RowWith } from "./payer-invoice-rows"

/**
 * Payer statuses after which nothing is expected to change any more. Anything else, including statuses
 * Payer adds later, counts as open: reading one more invoice is cheaper than missing a change.
 */
export const SETTLED_PAYER_STATUSES: readonly string[] = ["PAID", "CREDITED"]

/** What the status sync reads of a record. */
export type SyncableRecord = RowWith<
  PayerInvoiceRow,
  "id",
  "invoice_number" | "payer_status" | "credited_amount" | "outstanding_amount" | "due_date"
>

export interface SyncUpdate {
  id: string
  payer_status?: string
  credited_amount?: number
  outstanding_amount?: number
  due_date?: string
}

export function isSettled(payerStatus: string | null | undefined): boolean {
  return !!payerStatus && SETTLED_PAYER_STATUSES.includes(payerStatus.toUpperCase())
}

function invoiceNumberOf(record: SyncableRecord): number | null {
  const n = Number(record.invoice_number)
  return record.invoice_number && Number.isSafeInteger(n) && n > 0 ? n : null
}

/** Invoice numbers of the records still worth asking Payer about, ascending, without duplicates. */
export function openSyncTargets(records: SyncableRecord[]): number[] {
  const numbers = new Set<number>()
  for (const r of records) {
    const n = invoiceNumberOf(r)
    if (n !== null && !isSettled(r.payer_status)) numbers.add(n)
  }
  return [...numbers].sort((a, b) => a - b)
}

function firstAtOrAfter(sorted: number[], from: number): number | null {
  for (const n of sorted) if (n >= from) return n
  return null
}

/**
 * The first invoice number a page fetched from `from` has NOT shown: nextInvoiceNumber, or everything
 * (Infinity) when Payer says nothing follows. A next number that does not move forward would make a run
 * ask for the same page again and again, so progress is forced past what the page held.
 */
export function coveredUntil(from: number, page: PayerInvoiceBatch): number {
  const next = page.nextInvoiceNumber ?? null
  if (next === null) return Infinity
  if (next > from) return next
  const highest = Math.max(from, ...page.invoices.map((i) => Number(i.invoiceNumber)).filter(Number.isSafeInteger))
  return highest + 1
}

export interface SyncBudget {
  maxCalls: number
  /** Epoch ms after which no new call is started. */
  deadline: number
  now: () => number
}

export interface SyncRunOutcome {
  /** Where this run started (null: nothing open). */
  from_invoice_number: number | null
  /** Payer calls made. */
  pages: number
  updated: number
  /** Where the next run starts; null: from the lowest open record. */
  next_cursor: number | null
  /** Every open record was visited once since this run started. */
  completed_cycle: boolean
  stopped_by: "calls" | "seconds" | null
}

/**
 * One bounded run. `targets` are the open invoice numbers (openSyncTargets), `cursor` where the previous run
 * stopped. Visits targets >= cursor, then wraps to the lowest and goes on up to where it started, fetching one
 * page per still-unseen target and handing each page to `applyPage` (which answers how many records changed).
 */
export async function runBoundedSync(opts: {
  targets: number[]
  cursor: number | null
  budget: SyncBudget
  fetchPage: (fromInvoiceNumber: number) => Promise<PayerInvoiceBatch>
  applyPage: (invoices: PayerInvoice[]) => Promise<number>
}): Promise<SyncRunOutcome> {
  const { targets, budget } = opts
  const lowest = targets[0] ?? null
  const start = opts.cursor !== null ? (firstAtOrAfter(targets, opts.cursor) ?? lowest) : lowest
  const outcome: SyncRunOutcome = {
    from_invoice_number: start,
    pages: 0,
    updated: 0,
    next_cursor: null,
    completed_cycle: true,
    stopped_by: null,
  }
  if (start === null || lowest === null) return outcome

  let position = start
  let wrapped = false
  for (;;) {
    let target = firstAtOrAfter(targets, position)
    if (wrapped && target !== null && target >= start) target = null // back where this run began
    if (target === null) {
      if (!wrapped && start > lowest) {
        wrapped = true
        position = lowest
        continue
      }
      return outcome
    }
    const stop = outcome.pages >= budget.maxCalls ? "calls" : budget.now() >= budget.deadline ? "seconds" : null
    if (stop) {
      return { ...outcome, next_cursor: target, completed_cycle: false, stopped_by: stop }
    }
    const page = await opts.fetchPage(target)
    outcome.pages += 1
    outcome.updated += await opts.applyPage(page.invoices)
    position = coveredUntil(target, page)
  }
}

/** The fields of `record` that `invoice` (as Payer answers it) changes; null when nothing changed. */
export function syncUpdateFor(record: SyncableRecord, invoice: PayerInvoice): SyncUpdate | null {
  const next: Omit<SyncUpdate, "id"> = {}
  if (typeof invoice.status === "string" && invoice.status !== record.payer_status) next.payer_status = invoice.status
  if (Number.isSafeInteger(invoice.creditedAmount) && invoice.creditedAmount !== Number(record.credited_amount ?? 0)) {
    next.credited_amount = invoice.creditedAmount as number
  }
  if (
    Number.isSafeInteger(invoice.outstandingAmount) &&
    invoice.outstandingAmount !== Number(record.outstanding_amount ?? 0)
  ) {
    next.outstanding_amount = invoice.outstandingAmount as number
  }
  if (typeof invoice.dueDate === "string" && invoice.dueDate !== record.due_date) next.due_date = invoice.dueDate
  return Object.keys(next).length ? { id: record.id, ...next } : null
}

/** Updates for every known record that one page of Payer invoices touches. */
export function syncUpdatesForPage(records: SyncableRecord[], invoices: PayerInvoice[]): SyncUpdate[] {
  const byNumber = new Map<string, SyncableRecord>()
  for (const r of records) if (r.invoice_number) byNumber.set(String(r.invoice_number), r)
  const updates: SyncUpdate[] = []
  for (const invoice of invoices) {
    const record = byNumber.get(String(invoice.invoiceNumber))
    const update = record && syncUpdateFor(record, invoice)
    if (update) updates.push(update)
  }
  return updates
}
