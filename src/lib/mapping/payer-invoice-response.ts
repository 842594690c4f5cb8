/**
 * A stored Payer invoice record -> what the admin API answers. Pure. Amounts are stored in minor units
 * (as Payer sends them) and answered in the order currency's major units, like the rest of Medusa's admin API.
 */
import { basisPointsToPercent, majorUnits } from "../money"
import type { PayerInvoiceLineRow, PayerInvoiceRow, RowWith } from "./payer-invoice-rows"

/** What the answer reads of a line. */
export type PayerInvoiceLineRecord = RowWith<
  PayerInvoiceLineRow,
  "position" | "description" | "quantity" | "unit_amount" | "total_amount" | "vat_basis_points",
  "line_item_id" | "shipping_method_id" | "credited_quantity"
>

/** What the answer reads of a record; the created_at of a record read through Medusa's query may be a string. */
export type PayerInvoiceRecord = RowWith<
  PayerInvoiceRow,
  "id" | "kind" | "status" | "currency_code" | "total_amount" | "vat_amount" | "credited_amount" | "outstanding_amount",
  | "invoice_number"
  | "ocr"
  | "reference_id"
  | "payer_order_id"
  | "fulfillment_id"
  | "credited_invoice_number"
  | "payer_status"
  | "invoice_date"
  | "due_date"
  | "delivery_type"
  | "public_url"
  | "standalone"
  | "last_error"
> & { created_at?: Date | string | null; lines?: PayerInvoiceLineRecord[] | null }

export function serializePayerInvoiceLine(line: PayerInvoiceLineRecord, currencyCode: string) {
  return {
    position: line.position,
    description: line.description,
    quantity: Number(line.quantity),
    unit_amount: majorUnits(line.unit_amount, currencyCode),
    total: majorUnits(line.total_amount, currencyCode),
    vat_percent: basisPointsToPercent(line.vat_basis_points),
    line_item_id: line.line_item_id ?? null,
    shipping_method_id: line.shipping_method_id ?? null,
    credited_quantity: Number(line.credited_quantity ?? 0),
  }
}

export function serializePayerInvoice(record: PayerInvoiceRecord) {
  const currency = record.currency_code
  const createdAt = record.created_at instanceof Date ? record.created_at.toISOString() : (record.created_at ?? null)
  return {
    id: record.id,
    kind: record.kind,
    status: record.status,
    number: record.invoice_number ?? null,
    ocr: record.ocr ?? null,
    reference_id: record.reference_id ?? null,
    payer_order_id: record.payer_order_id ?? null,
    fulfillment_id: record.fulfillment_id ?? null,
    credited_invoice_number: record.credited_invoice_number ?? null,
    currency_code: currency,
    total: majorUnits(record.total_amount, currency),
    vat: majorUnits(record.vat_amount, currency),
    credited: majorUnits(record.credited_amount, currency),
    outstanding: majorUnits(record.outstanding_amount, currency),
    payer_status: record.payer_status ?? null,
    invoice_date: record.invoice_date ?? null,
    due_date: record.due_date ?? null,
    delivery_type: record.delivery_type ?? null,
    public_url: record.public_url ?? null,
    standalone: !!record.standalone,
    last_error: record.last_error ?? null,
    created_at: createdAt,
    lines: [...(record.lines ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((line) => serializePayerInvoiceLine(line, currency)),
  }
}

export type PayerInvoiceResponse = ReturnType<typeof serializePayerInvoice>

/** Invoices of an order as answered: oldest first, the newest last. */
export function serializePayerInvoices(records: PayerInvoiceRecord[]): PayerInvoiceResponse[] {
  const time = (r: PayerInvoiceRecord) => (r.created_at ? new Date(r.created_at).getTime() : 0)
  return [...records].sort((a, b) => time(a) - time(b) || a.id.localeCompare(b.id)).map(serializePayerInvoice)
}
