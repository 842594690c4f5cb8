/**
 * The invoice and credit records as the module service hands them out: amounts as plain JS numbers of minor
 * units (see ../amount-columns.ts), lines when asked for.
 */
import type { CreditStatus } from "../../../lib/mapping/payer-open-credits"

/** What the record functions need from the container: resolving by name. */
export type Resolver = { resolve: (key: string) => any }

export interface LineRecord {
  id: string
  position: number
  line_item_id?: string | null
  shipping_method_id?: string | null
  description: string
  quantity: number
  unit_amount: number
  total_amount: number
  vat_basis_points: number
  credited_quantity: number
}

export interface InvoiceRecord {
  id: string
  order_id: string
  payment_id?: string | null
  kind: "invoice" | "credit"
  source: string
  /** pending: planned, not sent; unknown: sent, answer lost; failed: refused (metadata.refused) or legacy. */
  status: CreditStatus
  invoice_number?: string | null
  credited_invoice_id?: string | null
  credited_invoice_number?: string | null
  reference_id: string
  currency_code: string
  total_amount: number
  vat_amount: number
  credited_amount: number
  outstanding_amount: number
  standalone: boolean
  medusa_recorded: boolean
  attempt: number
  last_error?: string | null
  metadata?: Record<string, any> | null
  lines?: LineRecord[]
  created_at?: Date | string
}
