/**
 * Pure: what the credit planner counts as credited on an invoice, including credits whose outcome is open.
 *
 * A credit record is open while it may exist at Payer without the plugin knowing it: `pending` (planned,
 * perhaps sent by a run that crashed), `unknown` (sent, the answer was lost: timeout, dropped connection,
 * 5xx after the client's retries) and a legacy `failed` record without the `refused` mark (before records
 * could say "unknown", every error was "failed"). An open credit holds back its amount and its positions:
 * planning counts it as made, so nothing else can spend that amount until it is resolved (found at Payer ->
 * issued; refused by Payer -> failed, released). A held amount is never released on a guess.
 */
import type { CreditableInvoice, CreditableLine } from "./payer-credits"
import type { PayerInvoiceRow, RowWith } from "./payer-invoice-rows"

/** What open-credit planning reads of a credit record. */
export type CreditRecordLike = RowWith<
  PayerInvoiceRow,
  "id" | "kind" | "status" | "total_amount",
  "credited_invoice_id" | "metadata"
>

/**
 * What open-credit planning reads of an invoice record; its credited_amount is Payer's creditedAmount (written by
 * credits and the status sync; Payer leaves standalone credits out).
 */
export type InvoiceRecordLike = RowWith<
  PayerInvoiceRow,
  "id" | "total_amount" | "credited_amount",
  "invoice_number" | "currency_code"
> & {
  lines?: Array<CreditableLine & { line_item_id?: string | null }>
}

/** A credit that may exist at Payer without its record saying so. */
export function isOpenCredit(record: Pick<CreditRecordLike, "kind" | "status" | "metadata">): boolean {
  if (record.kind !== "credit") return false
  if (record.status === "pending" || record.status === "unknown") return true
  return record.status === "failed" && !record.metadata?.refused
}

/** Credits that count against an invoice: issued ones and open ones. */
function countingCredits(invoiceId: string, records: CreditRecordLike[]) {
  const mine = records.filter((r) => r.kind === "credit" && r.credited_invoice_id === invoiceId)
  return { issued: mine.filter((r) => r.status === "issued"), open: mine.filter(isOpenCredit) }
}

/** The planned credit a credit record keeps in metadata.credit (a PlannedCredit as it was stored). */
type StoredCredit = { type?: string; items?: Array<{ position: unknown; quantity: unknown }> }

function storedCredit(record: CreditRecordLike): StoredCredit | undefined {
  return (record.metadata?.credit ?? undefined) as StoredCredit | undefined
}

/**
 * The invoice as the planner must see it: credited = the larger of Payer's creditedAmount and the sum of
 * the issued and open credits; each position's credited quantity raised by open full and partial credits.
 */
export function creditableWithOpenCredits(
  invoice: InvoiceRecordLike,
  records: CreditRecordLike[],
): Omit<CreditableInvoice, "lines"> & { lines: Array<CreditableLine & { line_item_id?: string | null }> } {
  const { issued, open } = countingCredits(invoice.id, records)
  const sum = (list: CreditRecordLike[]) => list.reduce((total, r) => total + Number(r.total_amount), 0)
  const heldFull = open.some((r) => storedCredit(r)?.type === "full")
  const heldByPosition = new Map<number, number>()
  for (const r of open.filter((r) => storedCredit(r)?.type === "partial")) {
    for (const item of storedCredit(r)?.items ?? []) {
      heldByPosition.set(
        Number(item.position),
        (heldByPosition.get(Number(item.position)) ?? 0) + Number(item.quantity),
      )
    }
  }
  return {
    id: invoice.id,
    invoice_number: String(invoice.invoice_number),
    ...(invoice.currency_code ? { currency_code: invoice.currency_code } : {}),
    total_amount: Number(invoice.total_amount),
    credited_amount: Math.max(Number(invoice.credited_amount), sum(issued) + sum(open)),
    lines: (invoice.lines ?? []).map((line) => {
      const quantity = Number(line.quantity)
      const credited = Number(line.credited_quantity ?? 0) + (heldByPosition.get(Number(line.position)) ?? 0)
      return { ...line, credited_quantity: heldFull ? quantity : Math.min(quantity, credited) }
    }),
  }
}
