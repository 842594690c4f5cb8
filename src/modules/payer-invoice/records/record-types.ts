/**
 * The invoice and credit records as the module service hands them out: the one row type per table (inferred
 * from the data model in lib/mapping/payer-invoice-rows.ts), with amounts as plain JS numbers of minor units
 * (see ../amount-columns.ts) and lines when asked for.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import type { PayerInvoiceLineRow, PayerInvoiceRow } from "../../../lib/mapping/payer-invoice-rows"

/** What the record functions need from a container (a step's, a route's scope, a job's, the app's): resolving by name. */
export type Resolver = Pick<MedusaContainer, "resolve">

export type LineRecord = PayerInvoiceLineRow

/**
 * A payer_invoice row. status: pending (planned, not sent), issued, unknown (sent, answer lost), failed (refused:
 * metadata.refused, or legacy). metadata holds the planned credit, stored admin requests and markers.
 */
export type InvoiceRecord = PayerInvoiceRow
