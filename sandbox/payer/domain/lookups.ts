/** Read-only queries behind the GET calls. Batch size 20, ascending invoice numbers. */
import { badRequest, notFound } from "../errors"
import type { PayerStore, StoredInvoice, StoredOrder } from "../state"
import { normaliseIdentifier } from "../util"

export const BATCH_SIZE = 20

export interface InvoicePage {
  invoices: StoredInvoice[]
  nextInvoiceNumber: number | null
}

function sorted(store: PayerStore): StoredInvoice[] {
  return [...store.invoices.values()].sort((a, b) => a.invoiceNumber - b.invoiceNumber)
}

export function page(list: StoredInvoice[], fromInvoiceNumber: number | null): InvoicePage {
  const from = list.filter((i) => fromInvoiceNumber === null || i.invoiceNumber >= fromInvoiceNumber)
  return {
    invoices: from.slice(0, BATCH_SIZE),
    nextInvoiceNumber: from.length > BATCH_SIZE ? from[BATCH_SIZE].invoiceNumber : null,
  }
}

/**
 * All given keys must match. When several invoices match (a referenceId is shared by the order's NORMAL
 * invoice and by credits requested with that referenceId), the NORMAL invoice wins, then the lowest number.
 */
export function findInvoice(
  store: PayerStore,
  keys: { invoiceNumber: number | null; referenceId: string | null; externalInvoiceNumber: string | null },
): StoredInvoice {
  const { invoiceNumber, referenceId, externalInvoiceNumber } = keys
  if (invoiceNumber === null && referenceId === null && externalInvoiceNumber === null) {
    throw badRequest("One of invoiceNumber, referenceId or externalInvoiceNumber is required")
  }
  const matches = sorted(store).filter(
    (i) =>
      (invoiceNumber === null || i.invoiceNumber === invoiceNumber) &&
      (referenceId === null || i.referenceId === referenceId) &&
      (externalInvoiceNumber === null || i.externalInvoiceNumber === externalInvoiceNumber),
  )
  const found = matches.find((i) => i.type === "NORMAL") ?? matches[0]
  if (!found) {
    const given = Object.entries(keys)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")
    throw notFound(`No invoice found for ${given}`)
  }
  return found
}

export function batch(store: PayerStore, fromInvoiceNumber: number | null): InvoicePage {
  return page(sorted(store), fromInvoiceNumber)
}

/** Invoices (credits included) whose order's invoice customer has the reg number and/or VAT id. */
export function byRegNumber(
  store: PayerStore,
  regNumber: string | null,
  customerVatId: string | null,
  fromInvoiceNumber: number | null,
): InvoicePage {
  if (regNumber === null && customerVatId === null) throw badRequest("regNumber or customerVatId is required")
  const wantReg = regNumber === null ? null : normaliseIdentifier(regNumber)
  const wantVat = customerVatId === null ? null : normaliseIdentifier(customerVatId)
  const list = sorted(store).filter((invoice) => {
    const customer = store.orders.get(invoice.orderId)?.invoiceCustomer
    if (!customer) return false
    if (wantReg !== null && (customer.regNumber === null || normaliseIdentifier(customer.regNumber) !== wantReg))
      return false
    if (wantVat !== null && (customer.vatId === null || normaliseIdentifier(customer.vatId) !== wantVat)) return false
    return true
  })
  return page(list, fromInvoiceNumber)
}

/** The credit invoices of an order; 404 when the order does not exist, [] when it has none. */
export function creditsOfOrder(
  store: PayerStore,
  orderId: number | null,
  orderReferenceId: string | null,
): StoredInvoice[] {
  if (orderId === null && orderReferenceId === null) throw badRequest("orderId or orderReferenceId is required")
  let order: StoredOrder | undefined
  if (orderId !== null) {
    order = store.orders.get(orderId)
    if (!order) throw notFound(`Order ${orderId} not found`)
    if (orderReferenceId !== null && order.referenceId !== orderReferenceId) {
      throw badRequest(`orderReferenceId ${orderReferenceId} does not belong to order ${orderId}`)
    }
  } else {
    order = [...store.orders.values()].find((o) => o.referenceId === orderReferenceId)
    if (!order) throw notFound(`No order with referenceId ${orderReferenceId} found`)
  }
  const id = order.orderId
  return sorted(store).filter((i) => i.type === "CREDIT" && i.orderId === id)
}
