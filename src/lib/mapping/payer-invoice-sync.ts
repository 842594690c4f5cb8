/**
 * Pure parts of the Payer status sync: where to start paging, and what a Payer invoice changes on our record.
 */
import type { PayerInvoice } from "../payer"

/** Payer statuses after which nothing is expected to change any more. */
export const SETTLED_PAYER_STATUSES: readonly string[] = ["PAID", "CREDITED"]

export interface SyncableRecord {
  id: string
  invoice_number?: string | null
  payer_status?: string | null
  credited_amount?: number | null
  outstanding_amount?: number | null
  due_date?: string | null
}

export type SyncUpdate = { id: string } & Partial<Pick<SyncableRecord, "payer_status" | "credited_amount" | "outstanding_amount" | "due_date">>

export function isSettled(payerStatus: string | null | undefined): boolean {
  return !!payerStatus && SETTLED_PAYER_STATUSES.includes(payerStatus.toUpperCase())
}

function invoiceNumberOf(record: SyncableRecord): number | null {
  const n = Number(record.invoice_number)
  return record.invoice_number && Number.isSafeInteger(n) && n > 0 ? n : null
}

/** The lowest invoice number among issued records that are not settled; null when there is nothing to follow. */
export function syncStartInvoiceNumber(records: SyncableRecord[]): number | null {
  let lowest: number | null = null
  for (const r of records) {
    const n = invoiceNumberOf(r)
    if (n !== null && !isSettled(r.payer_status) && (lowest === null || n < lowest)) lowest = n
  }
  return lowest
}

/** The fields of `record` that `invoice` (as Payer answers it) changes; null when nothing changed. */
export function syncUpdateFor(record: SyncableRecord, invoice: PayerInvoice): SyncUpdate | null {
  const next: Omit<SyncUpdate, "id"> = {}
  if (typeof invoice.status === "string" && invoice.status !== record.payer_status) next.payer_status = invoice.status
  if (Number.isSafeInteger(invoice.creditedAmount) && invoice.creditedAmount !== Number(record.credited_amount ?? 0)) {
    next.credited_amount = invoice.creditedAmount as number
  }
  if (Number.isSafeInteger(invoice.outstandingAmount) && invoice.outstandingAmount !== Number(record.outstanding_amount ?? 0)) {
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
