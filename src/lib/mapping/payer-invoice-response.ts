/**
 * A stored Payer invoice record -> what the admin API answers. Pure. Amounts are stored in minor units
 * (as Payer sends them) and answered in the order currency's major units, like the rest of Medusa's admin API.
 */
import { basisPointsToPercent, majorUnits, type StoredMinorUnits } from "../money"

export interface PayerInvoiceLineRecord {
  position: number
  description: string
  quantity: number
  unit_amount: StoredMinorUnits
  total_amount: StoredMinorUnits
  vat_basis_points: number
  line_item_id?: string | null
  shipping_method_id?: string | null
  credited_quantity?: number | null
}

export interface PayerInvoiceRecord {
  id: string
  kind: string
  status: string
  invoice_number?: string | null
  ocr?: string | null
  reference_id?: string | null
  payer_order_id?: string | null
  fulfillment_id?: string | null
  credited_invoice_number?: string | null
  currency_code: string
  total_amount: StoredMinorUnits
  vat_amount: StoredMinorUnits
  credited_amount: StoredMinorUnits
  outstanding_amount: StoredMinorUnits
  payer_status?: string | null
  invoice_date?: string | null
  due_date?: string | null
  delivery_type?: string | null
  public_url?: string | null
  standalone?: boolean | null
  last_error?: string | null
  created_at?: string | Date | null
  lines?: PayerInvoiceLineRecord[] | null
}

// majorUnits lives in lib/money; re-exported for api/admin/payer-invoices/actions.ts until its import moves there.
export { majorUnits }

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
  const createdAt = record.created_at instanceof Date ? record.created_at.toISOString() : record.created_at ?? null
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
