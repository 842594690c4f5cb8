/**
 * The answers of the plugin's admin routes as the widgets read them. Written out here because the admin bundle
 * cannot import server code (it would pull Medusa's framework into the browser); the shapes are those of
 * lib/mapping/payex-admin-summary.ts and lib/mapping/payer-invoice-response.ts.
 */

/** GET /admin/orders/:id/payex: integers in minor units. */
export interface PayexSummary {
  state: string
  payment_state: string | null
  currency_code: string
  amounts: { authorized: number; captured: number; reversed: number; cancelled: number; remaining: number }
  transactions: Array<{
    number: number | null
    type: string
    state: string
    amount: number | null
    created: string | null
    payee_reference: string | null
  }>
  addressee: { name: string; city: string | null } | null
  fetched_at?: string
}

export interface PayerInvoiceLine {
  position: number
  description: string
  quantity: number
  /** Major units, incl. VAT. */
  unit_amount: number
  total: number
  vat_percent: number
  line_item_id: string | null
  shipping_method_id: string | null
  credited_quantity: number
}

/** One record of GET /admin/orders/:id/payer-invoices: amounts in the currency's major units. */
export interface PayerInvoice {
  id: string
  kind: "invoice" | "credit"
  status: "pending" | "issued" | "failed" | "unknown"
  number: string | null
  ocr: string | null
  fulfillment_id: string | null
  credited_invoice_number: string | null
  currency_code: string
  total: number
  vat: number
  credited: number
  outstanding: number
  payer_status: string | null
  invoice_date: string | null
  due_date: string | null
  delivery_type: string | null
  public_url: string | null
  last_error: string | null
  created_at: string | null
  lines: PayerInvoiceLine[]
}

/** Bodies of POST /admin/payer-invoices/:invoice_number/credits (src/api/admin/payer-invoices/validators.ts). */
export type PayerCreditBody =
  | { type: "full" }
  | { type: "partial"; items: Array<{ position: number; quantity: number }> }
  | {
      type: "manual"
      lines: Array<{ description: string; quantity: number; unit_amount: string; vat_percent: number }>
    }
