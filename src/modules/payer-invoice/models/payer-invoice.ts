import { model } from "@medusajs/framework/utils"
import { PayerInvoiceLine } from "./payer-invoice-line"

/**
 * One Payer invoice or credit invoice issued for a Medusa order. Amounts are integers in minor units,
 * as Payer sends them (numeric columns: see below); Payer's numbers (int64) are kept as text so nothing is lost in a 32-bit column.
 *
 * `source` is the Medusa event the document serves ("fulfillment:<id>", "refund:<id>", "credit:<key>"):
 * unique, so the same event handled twice finds the record it already made instead of invoicing again.
 */
export const PayerInvoice = model
  .define("payer_invoice", {
    id: model.id({ prefix: "pinv" }).primaryKey(),
    order_id: model.text(),
    payment_id: model.text().nullable(),
    kind: model.enum(["invoice", "credit"]).default("invoice"),
    source: model.text(),
    fulfillment_id: model.text().nullable(),
    /** Our record of the invoice a credit invoice credits. */
    credited_invoice_id: model.text().nullable(),
    credited_invoice_number: model.text().nullable(),
    /**
     * pending -> issued, or failed (with last_error) until retried, or unknown: the request reached Payer
     * (or may have) but its answer was lost, so the outcome must be looked up before anything else is sent.
     */
    status: model.enum(["pending", "issued", "failed", "unknown"]).default("pending"),
    /** How far issuing got, so a retry after a crash continues instead of starting over. */
    step: model.text().nullable(),
    attempt: model.number().default(0),
    payer_order_id: model.text().nullable(),
    reference_id: model.text(),
    invoice_number: model.text().nullable(),
    ocr: model.text().nullable(),
    payer_status: model.text().nullable(),
    currency_code: model.text(),
    // Amounts: numeric columns (model.bigNumber(), with Medusa's raw_ companion) rather than 32-bit integers,
    // which overflow at 21 474 836.47 in a two-decimal currency. The service hands them out as plain JS numbers
    // of minor units (see amount-columns.ts) and refuses amounts beyond JS's safe integers.
    total_amount: model.bigNumber().default(0),
    vat_amount: model.bigNumber().default(0),
    credited_amount: model.bigNumber().default(0),
    outstanding_amount: model.bigNumber().default(0),
    invoice_date: model.text().nullable(),
    due_date: model.text().nullable(),
    delivery_type: model.text().nullable(),
    public_url: model.text().nullable(),
    standalone: model.boolean().default(false),
    /** The capture (invoice) or refund (credit) is recorded on the Medusa payment. */
    medusa_recorded: model.boolean().default(false),
    last_error: model.text().nullable(),
    lines: model.hasMany(() => PayerInvoiceLine, { mappedBy: "invoice" }),
    metadata: model.json().nullable(),
  })
  .cascades({ delete: ["lines"] })
  .indexes([
    { name: "IDX_payer_invoice_source_unique", on: ["source"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_payer_invoice_order_id", on: ["order_id"] },
    { name: "IDX_payer_invoice_invoice_number", on: ["invoice_number"] },
  ])
