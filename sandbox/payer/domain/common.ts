/** Helpers shared by the domain operations (no HTTP here). */
import { randomBytes } from "node:crypto"
import { badRequest, notFound } from "../errors"
import type { InvoiceItem, OrderItem, PayerStore, StoredInvoice, StoredOrder } from "../state"
import { vatAmountOf } from "../util"

export const nowIso = () => new Date().toISOString()

export function newPublicToken(): string {
  return randomBytes(16).toString("hex")
}

/** A cancelled order counts as deleted: every later call with its id answers 404. */
export function getLiveOrder(store: PayerStore, orderId: number): StoredOrder {
  const order = store.orders.get(orderId)
  if (!order) throw notFound(`Order ${orderId} not found`)
  if (order.status === "CANCELLED") throw notFound(`Order ${orderId} not found (it was cancelled)`)
  return order
}

export function getInvoice(store: PayerStore, invoiceNumber: number): StoredInvoice {
  const invoice = store.invoices.get(invoiceNumber)
  if (!invoice) throw notFound(`Invoice ${invoiceNumber} not found`)
  return invoice
}

export function assertExternalInvoiceNumberFree(store: PayerStore, externalInvoiceNumber: string | null): void {
  if (externalInvoiceNumber === null) return
  for (const invoice of store.invoices.values()) {
    if (invoice.externalInvoiceNumber === externalInvoiceNumber) {
      throw badRequest(
        `externalInvoiceNumber ${externalInvoiceNumber} is already used by invoice ${invoice.invoiceNumber}`,
      )
    }
  }
}

export function toInvoiceItems(items: OrderItem[]): InvoiceItem[] {
  return items.map((item) => ({
    position: item.position,
    articleNumber: item.articleNumber,
    description: item.description,
    quantity: item.quantity,
    unit: item.unit,
    unitPrice: item.unitPrice,
    subtotalPrice: item.subtotalPrice,
    vatPercentage: item.vatPercentage,
    vatAmount: vatAmountOf(item.subtotalPrice, item.vatPercentage),
  }))
}

export function totals(items: InvoiceItem[]): { totalAmount: number; totalVatAmount: number } {
  return {
    totalAmount: items.reduce((sum, item) => sum + item.subtotalPrice, 0),
    totalVatAmount: items.reduce((sum, item) => sum + item.vatAmount, 0),
  }
}

/** Status of a NORMAL invoice after money came in (payment or credit used as payment). */
export function paidStatus(invoice: StoredInvoice): "PAID" | "PARTIALLY_PAID" {
  return invoice.outstandingAmount === 0 ? "PAID" : "PARTIALLY_PAID"
}

/** Status of a CREDIT invoice: UNPAID while nothing of it was used, PAID when all of it was used or paid out. */
export function creditStatus(credit: StoredInvoice): "UNPAID" | "PARTIALLY_PAID" | "PAID" {
  if (credit.outstandingAmount === 0) return "PAID"
  return credit.outstandingAmount === credit.totalAmount ? "UNPAID" : "PARTIALLY_PAID"
}
