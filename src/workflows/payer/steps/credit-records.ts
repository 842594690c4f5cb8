/**
 * Shared by the credit workflows and the admin invoice routes: the invoice records of an order, Payer
 * errors as MedusaErrors, and writing Payer's view of an invoice back onto its record.
 */
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { ReturnableInvoice } from "../../../lib/mapping/payer-return-credits"
import { creditableWithOpenCredits, type CreditStatus } from "../../../lib/mapping/payer-open-credits"
import { PayerApiError, type PayerInvoice } from "../../../lib/payer"
import { PAYER_INVOICE_MODULE } from "../../../modules/payer-invoice"
import type PayerInvoiceModuleService from "../../../modules/payer-invoice/service"

type Resolver = { resolve: (key: string) => any }

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

export function payerInvoices(container: Resolver): PayerInvoiceModuleService {
  return container.resolve(PAYER_INVOICE_MODULE) as PayerInvoiceModuleService
}

/** Every invoice and credit record of an order with its lines, oldest first. */
export async function orderRecords(service: PayerInvoiceModuleService, orderId: string): Promise<InvoiceRecord[]> {
  const records = await service.listPayerInvoices({ order_id: orderId }, { relations: ["lines"], order: { created_at: "ASC" } })
  return records as unknown as InvoiceRecord[]
}

/** The record of an invoice number (invoice or credit), or a 404. */
export async function recordByNumber(service: PayerInvoiceModuleService, invoiceNumber: string): Promise<InvoiceRecord> {
  const [record] = await service.listPayerInvoices({ invoice_number: String(invoiceNumber) }, { relations: ["lines"], take: 1 })
  if (!record) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No Payer invoice with number ${invoiceNumber} was issued by this shop`)
  }
  return record as unknown as InvoiceRecord
}

export async function recordById(service: PayerInvoiceModuleService, id: string): Promise<InvoiceRecord> {
  return (await service.retrievePayerInvoice(id, { relations: ["lines"] })) as unknown as InvoiceRecord
}

/**
 * Issued invoices (not credits) of an order's records as the credit planner sees them. What is credited
 * is the larger of the record's credited amount (Payer's view, also written by the status sync) and the sum
 * of the issued AND open credit records (see lib/mapping/payer-open-credits.ts): Payer leaves standalone
 * credits out of the original's creditedAmount but still refuses to credit that amount again, and a credit
 * whose answer was lost holds its amount back until it is resolved.
 */
export function creditableInvoices(records: InvoiceRecord[]): ReturnableInvoice[] {
  return records.filter((r) => r.kind === "invoice" && r.status === "issued" && r.invoice_number).map((r) => creditableOf(r, records))
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

/**
 * A Payer failure as a MedusaError that keeps Payer's own explanation: Payer's 400 -> 400, 404 -> 404,
 * anything else (5xx, network, an unrecovered 409) -> 500 with the message.
 */
export function payerFailure(error: unknown, what: string): MedusaError {
  if (error instanceof MedusaError) return error
  if (error instanceof PayerApiError) {
    const why = error.payerMessage ?? error.message
    const type =
      error.status === 400 || error.status === 422
        ? MedusaError.Types.INVALID_DATA
        : error.status === 404
          ? MedusaError.Types.NOT_FOUND
          : error.isConflict
            ? MedusaError.Types.NOT_ALLOWED
            : MedusaError.Types.UNEXPECTED_STATE
    return new MedusaError(type, `${what}: Payer answered: ${why}`)
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${what}: ${(error as Error)?.message ?? String(error)}`)
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
export async function refreshFromPayer(service: PayerInvoiceModuleService, record: InvoiceRecord): Promise<InvoiceRecord> {
  const invoice = await service.getPayerClient().getInvoice({ invoiceNumber: Number(record.invoice_number) })
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payer has no invoice ${record.invoice_number}`)
  }
  let credited: number | undefined
  if (record.kind === "invoice") {
    const credits = await service.listPayerInvoices({ credited_invoice_id: record.id, kind: "credit", status: "issued" })
    const local = credits.reduce((sum: number, c: any) => sum + Number(c.total_amount), 0)
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

/** Links a record to its order so `order.payer_invoices` lists it (ignored when the link exists). */
export async function linkToOrder(container: Resolver, orderId: string, recordId: string): Promise<void> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({ [Modules.ORDER]: { order_id: orderId }, [PAYER_INVOICE_MODULE]: { payer_invoice_id: recordId } })
}
