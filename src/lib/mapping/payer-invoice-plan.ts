/**
 * What one fulfillment invoices at Payer, decided from the order as `query.graph` reads it, and the invoice
 * record's rows that plan becomes. Pure: the workflow step reads the order, the invoice module writes the rows.
 */
import { sumItems, type PayerInvoiceCustomer } from "../payer"
import { fulfillmentSelection, type FulfillmentLike, type OrderLike } from "./order-lines"
import {
  payerInvoiceCustomer,
  payerItemsFor,
  type B2BPaymentData,
  type OrderAddressLike,
  type PlannedPayerItem,
} from "./payer-order"

export interface PayerInvoiceInput {
  order_id: string
  fulfillment_id: string
}

/** What a fulfillment invoices at Payer, worked out from the order. */
export interface PayerInvoicePlan extends PayerInvoiceInput {
  payment_id: string
  currency_code: string
  /** The record of this fulfillment, when one exists already. */
  record_id: string | null
  /** That record is issued and its capture recorded: nothing left to do. */
  done: boolean
  /** What the Payer order bills; null when the fulfillment is gone or the lines cannot be built. */
  items: PlannedPayerItem[] | null
  /** Null when it cannot be built (see order_error). */
  customer: PayerInvoiceCustomer | null
  description: string
  /** Why the Payer order cannot be built (shown on the record). */
  order_error: string | null
  delivery_type: string
  due_days: number
}

/** The order as the plan reads it (the step's query selects these fields). */
export type InvoicedOrder = OrderLike & {
  id: string
  currency_code: string
  display_id?: number | string | null
  billing_address?: OrderAddressLike | null
  shipping_address?: OrderAddressLike | null
  fulfillments?: FulfillmentLike[] | null
}

export interface PlanSources {
  input: PayerInvoiceInput
  order: InvoicedOrder
  payment: { id: string; data?: unknown }
  /** The fulfillment's invoice record, if any. */
  record: { id: string; status: string; medusa_recorded?: boolean | null } | undefined
  defaults: { deliveryType: string; dueDays: number }
}

/**
 * Exactly the fulfillment's units (continuing after the units earlier fulfillments invoiced, so a line's slices
 * add up to its total), plus shipping on the first fulfillment. Undefined when the fulfillment bills nothing and
 * has no record yet; a record whose fulfillment is gone keeps a plan without items (issuing then says why).
 */
export function planFulfillmentInvoice({ input, order, payment, record, defaults }: PlanSources) {
  const data = (payment.data ?? {}) as B2BPaymentData
  const plan: PayerInvoicePlan = {
    ...input,
    payment_id: payment.id,
    currency_code: order.currency_code,
    record_id: record?.id ?? null,
    done: !!record && record.status === "issued" && !!record.medusa_recorded,
    items: null,
    customer: null,
    description: `Order #${order.display_id ?? order.id}`,
    order_error: null,
    delivery_type: data.delivery_type || defaults.deliveryType,
    due_days: defaults.dueDays,
  }
  if (plan.done) return plan
  const selected = fulfillmentSelection(order.fulfillments ?? [], input.fulfillment_id)
  if (!selected) return record ? plan : undefined
  try {
    plan.items = payerItemsFor(order, selected.selection, { includeShipping: selected.first })
    if (!plan.items.some((i) => i.subtotalPrice > 0)) return record ? plan : undefined
    plan.customer = payerInvoiceCustomer(data, order.billing_address ?? order.shipping_address)
  } catch (e) {
    plan.order_error = (e as Error).message
  }
  return plan
}

/** The invoice record's line rows of the planned items. */
export function invoiceLineRows(invoiceId: string, items: PlannedPayerItem[] | null) {
  return (items ?? []).map((item) => ({
    invoice_id: invoiceId,
    position: item.position,
    line_item_id: item.line_item_id,
    shipping_method_id: item.shipping_method_id,
    description: item.description,
    quantity: item.quantity,
    unit_amount: item.unitPrice,
    total_amount: item.subtotalPrice,
    vat_basis_points: item.vatPercentage,
  }))
}

/** The record's amounts of the planned items (all outstanding until Payer says otherwise). */
export function invoiceAmounts(items: PlannedPayerItem[] | null) {
  const { total, vat } = sumItems(items ?? [])
  return { total_amount: total, vat_amount: vat, outstanding_amount: total }
}
