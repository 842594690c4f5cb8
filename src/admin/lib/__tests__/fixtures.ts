import type { PayerInvoice, PayerInvoiceLine } from "../api-types"

export const line = (position: number, extra: Partial<PayerInvoiceLine> = {}): PayerInvoiceLine => ({
  position,
  description: `Line ${position}`,
  quantity: 2,
  unit_amount: 250,
  total: 500,
  vat_percent: 25,
  line_item_id: `ordli_${position}`,
  shipping_method_id: null,
  credited_quantity: 0,
  ...extra,
})

export const invoice = (extra: Partial<PayerInvoice> = {}): PayerInvoice => ({
  id: "pinv_1",
  kind: "invoice",
  status: "issued",
  number: "1001",
  ocr: "10016",
  fulfillment_id: "ful_1",
  credited_invoice_number: null,
  currency_code: "sek",
  total: 533.33,
  vat: 103.57,
  credited: 0,
  outstanding: 533.33,
  payer_status: "UNPAID",
  invoice_date: "2026-12-01",
  due_date: "2026-12-31",
  delivery_type: "EMAIL",
  public_url: null,
  last_error: null,
  created_at: "2026-12-01T10:00:00.000Z",
  lines: [line(1), line(2, { quantity: 1, unit_amount: 33.33, total: 33.33, vat_percent: 12 })],
  ...extra,
})
