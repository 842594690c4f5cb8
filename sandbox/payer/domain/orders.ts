/** Orders and their (NORMAL) invoice: create, approve, cancel, invoice. */
import { badRequest } from "../errors"
import type { PayerStore, StoredInvoice, StoredOrder } from "../state"
import { addDaysIso, ocrReference, todayIso } from "../util"
import type { ValidatedInvoiceRequest, ValidatedOrder } from "../validation"
import { assertExternalInvoiceNumberFree, getLiveOrder, newPublicToken, nowIso, toInvoiceItems, totals } from "./common"

/** referenceId is unique among all orders ever created, cancelled ones included. */
export function createOrder(store: PayerStore, input: ValidatedOrder): StoredOrder {
  for (const existing of store.orders.values()) {
    if (existing.referenceId === input.referenceId) {
      throw badRequest(`referenceId ${input.referenceId} is already used by order ${existing.orderId}`)
    }
  }
  const order: StoredOrder = {
    orderId: store.nextOrderId++,
    ...input,
    status: "CREATED",
    createdAt: nowIso(),
    approvedAt: null,
    cancelledAt: null,
    invoiceNumber: null,
  }
  store.orders.set(order.orderId, order)
  return order
}

/** Approving an approved (or invoiced) order again changes nothing and succeeds. */
export function approveOrder(store: PayerStore, orderId: number): StoredOrder {
  const order = getLiveOrder(store, orderId)
  if (order.status === "CREATED") {
    order.status = "APPROVED"
    order.approvedAt = nowIso()
  }
  return order
}

export function cancelOrder(store: PayerStore, orderId: number): StoredOrder {
  const order = getLiveOrder(store, orderId)
  if (order.status === "INVOICED") {
    throw badRequest(
      `Order ${orderId} has been invoiced (invoice ${order.invoiceNumber}) and can not be cancelled; credit the invoice instead`,
    )
  }
  order.status = "CANCELLED"
  order.cancelledAt = nowIso()
  return order
}

export function createInvoice(store: PayerStore, orderId: number, input: ValidatedInvoiceRequest): StoredInvoice {
  const order = getLiveOrder(store, orderId)
  if (order.status === "CREATED") throw badRequest(`Order ${orderId} is not approved`)
  if (order.status === "INVOICED") {
    throw badRequest(`Order ${orderId} has already been invoiced (invoice ${order.invoiceNumber})`)
  }
  assertExternalInvoiceNumberFree(store, input.externalInvoiceNumber)

  const items = toInvoiceItems(order.items)
  const { totalAmount, totalVatAmount } = totals(items)
  const invoiceNumber = store.nextInvoiceNumber++
  const invoiceDate = todayIso()
  const invoice: StoredInvoice = {
    invoiceNumber,
    referenceNumber: ocrReference(invoiceNumber),
    referenceId: order.referenceId,
    externalInvoiceNumber: input.externalInvoiceNumber,
    orderId: order.orderId,
    orderReferenceId: order.referenceId,
    type: "NORMAL",
    status: "UNPAID",
    currencyCode: order.currencyCode,
    invoiceDate,
    dueDate: addDaysIso(invoiceDate, input.dueDays),
    deliveryType: input.deliveryType,
    totalAmount,
    totalVatAmount,
    creditedAmount: 0,
    outstandingAmount: totalAmount,
    creditedInvoiceNumber: null,
    standalone: false,
    items,
    publicToken: newPublicToken(),
    sends: [],
    payments: [],
    creditLedger: { byPosition: {}, manualByVat: {}, total: 0 },
    creditInvoiceNumbers: [],
    createdAt: nowIso(),
  }
  store.invoices.set(invoiceNumber, invoice)
  order.status = "INVOICED"
  order.invoiceNumber = invoiceNumber
  return invoice
}
