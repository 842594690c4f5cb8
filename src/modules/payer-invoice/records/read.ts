/**
 * Reading invoice records: an order's records, one by id or by Payer number, what the credit planner may
 * still credit, and Payer's view of an invoice written back onto its record.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { ReturnableInvoice } from "../../../lib/mapping/payer-return-credits"
import { creditableWithOpenCredits } from "../../../lib/mapping/payer-open-credits"
import type { PayerInvoice } from "../../../lib/payer"
import type PayerInvoiceModuleService from "../service"
import type { InvoiceRecord } from "./record-types"

/** Every invoice and credit record of an order with its lines, oldest first. */
export async function orderRecords(service: PayerInvoiceModuleService, orderId: string): Promise<InvoiceRecord[]> {
  return service.listPayerInvoices({ order_id: orderId }, { relations: ["lines"], order: { created_at: "ASC" } })
}

/** The record of an invoice number (invoice or credit), or a 404. */
export async function recordByNumber(
  service: PayerInvoiceModuleService,
  invoiceNumber: string,
): Promise<InvoiceRecord> {
  const [record] = await service.listPayerInvoices(
    { invoice_number: String(invoiceNumber) },
    { relations: ["lines"], take: 1 },
  )
  if (!record) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `No Payer invoice with number ${invoiceNumber} was issued by this shop`,
    )
  }
  return record
}

export async function recordById(service: PayerInvoiceModuleService, id: string): Promise<InvoiceRecord> {
  return service.retrievePayerInvoice(id, { relations: ["lines"] })
}

/**
 * Issued invoices (not credits) of an order's records as the credit planner sees them. What is credited
 * is the larger of the record's credited amount (Payer's view, also written by the status sync) and the sum
 * of the issued AND open credit records (see lib/mapping/payer-open-credits.ts): Payer leaves standalone
 * credits out of the original's creditedAmount but still refuses to credit that amount again, and a credit
 * whose answer was lost holds its amount back until it is resolved.
 */
export function creditableInvoices(records: InvoiceRecord[]): ReturnableInvoice[] {
  return records
    .filter((r) => r.kind === "invoice" && r.status === "issued" && r.invoice_number)
    .map((r) => creditableOf(r, records))
}

export function creditableOf(record: InvoiceRecord, orderRecords: InvoiceRecord[] = []): ReturnableInvoice {
  const lines = (record.lines ?? []).map((l) => ({
    position: Number(l.position),
    line_item_id: l.line_item_id ?? null,
    quantity: Number(l.quantity),
    credited_quantity: Number(l.credited_quantity ?? 0),
    unit_amount: Number(l.unit_amount),
    total_amount: Number(l.total_amount),
    vat_basis_points: Number(l.vat_basis_points),
  }))
  return creditableWithOpenCredits({ ...record, lines }, orderRecords)
}

/** Payer's view of an invoice (number, status, amounts, dates) as record fields. */
export function recordFieldsFrom(invoice: PayerInvoice) {
  return {
    invoice_number: String(invoice.invoiceNumber),
    ocr: invoice.referenceNumber ?? null,
    payer_status: invoice.status ?? null,
    total_amount: Number(invoice.totalAmount ?? 0),
    vat_amount: Number(invoice.totalVatAmount ?? 0),
    outstanding_amount: Number(invoice.outstandingAmount ?? 0),
    invoice_date: invoice.invoiceDate ?? null,
    due_date: invoice.dueDate ?? null,
    delivery_type: invoice.deliveryType ?? null,
    public_url: invoice.publicInvoiceUrl ?? null,
  }
}

/**
 * Reads an invoice from Payer and writes its status and outstanding amount onto the record. For an invoice
 * the credited amount is the larger of Payer's and the sum of its issued credit records: Payer does not
 * count standalone credits on the original, but refuses to credit that amount again, and so does the plugin.
 */
export async function refreshFromPayer(
  service: PayerInvoiceModuleService,
  record: InvoiceRecord,
): Promise<InvoiceRecord> {
  const invoice = await service.getPayerClient().getInvoice({ invoiceNumber: Number(record.invoice_number) })
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payer has no invoice ${record.invoice_number}`)
  }
  let credited: number | undefined
  if (record.kind === "invoice") {
    const credits = await service.listPayerInvoices({
      credited_invoice_id: record.id,
      kind: "credit",
      status: "issued",
    })
    const local = credits.reduce((sum: number, c: { total_amount: unknown }) => sum + Number(c.total_amount), 0)
    credited = Math.max(Number(invoice.creditedAmount ?? 0), local)
  }
  await service.updatePayerInvoices({
    id: record.id,
    payer_status: invoice.status ?? null,
    outstanding_amount: Number(invoice.outstandingAmount ?? 0),
    ...(credited === undefined ? {} : { credited_amount: credited }),
  })
  return recordById(service, record.id)
}
