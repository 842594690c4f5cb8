/**
 * The row types of the Payer tables, inferred from the data model, so a column added or changed there is
 * known everywhere at once instead of in one hand-written interface per reader. Amounts are plain numbers of
 * minor units: the module service converts its numeric columns on the way out (modules/payer-invoice/
 * amount-columns.ts), so Medusa's raw_ companions of those columns are left out. Type-only: nothing of the
 * module is loaded by lib/.
 */
import type { InferTypeOf } from "@medusajs/framework/types"
import type { PayerInvoice } from "../../modules/payer-invoice/models/payer-invoice"
import type { PayerInvoiceLine } from "../../modules/payer-invoice/models/payer-invoice-line"

type WithoutRawColumns<T> = Omit<T, `raw_${string}`>

/** A payer_invoice_line row without its back-reference to the invoice. */
export type PayerInvoiceLineRow = Omit<WithoutRawColumns<InferTypeOf<typeof PayerInvoiceLine>>, "invoice">

/** A payer_invoice row (an invoice or a credit invoice); `lines` are there when they were asked for. */
export type PayerInvoiceRow = Omit<WithoutRawColumns<InferTypeOf<typeof PayerInvoice>>, "lines"> & {
  lines?: PayerInvoiceLineRow[]
}

/** The row with `optional` fields allowed to be missing: what a reader needs of a record that was not read whole. */
export type RowWith<Row, Required extends keyof Row, Optional extends keyof Row = never> = Pick<Row, Required> &
  Partial<Pick<Row, Optional>>
