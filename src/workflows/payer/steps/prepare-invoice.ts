import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayerInvoiceCustomer } from "../../../lib/payer"
import { fulfillmentSelection, type FulfillmentLike, type OrderLike } from "../../../lib/mapping/order-lines"
import {
  payerInvoiceCustomer,
  payerItemsFor,
  type B2BPaymentData,
  type PlannedPayerItem,
} from "../../../lib/mapping/payer-order"
import { livePaymentOf, ORDER_LINE_FIELDS } from "../../../lib/medusa/order-lookups"
import { PAYER_B2B_PROVIDER_IDENTIFIER, payerInvoiceModule } from "../../../modules/payer-invoice"
import { fulfillmentSource } from "../../../modules/payer-invoice/records/sources"

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

const ORDER_FIELDS = [
  ...ORDER_LINE_FIELDS,
  "display_id",
  "billing_address.*",
  "shipping_address.*",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.canceled_at",
  "fulfillments.items.line_item_id",
  "fulfillments.items.quantity",
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.data",
  "payment_collections.payments.canceled_at",
]

type OrderPayment = { id: string; data?: unknown; provider_id?: string | null; canceled_at?: unknown }

/**
 * Reads the order and decides what the fulfillment invoices: exactly its units (continuing after the units
 * earlier fulfillments invoiced, so a line's slices add up to its total), plus shipping on the first
 * fulfillment. Undefined when the order is not paid with payer-b2b or the fulfillment bills nothing.
 */
export const preparePayerInvoiceStep = createStep(
  "payer-prepare-invoice",
  async (input: PayerInvoiceInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = payerInvoiceModule(container)
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: input.order_id } })
    const payment = livePaymentOf<OrderPayment>(order, PAYER_B2B_PROVIDER_IDENTIFIER)
    if (!order || !payment) return new StepResponse(undefined)

    const [record] = await service.listPayerInvoices({ source: fulfillmentSource(input.fulfillment_id) }, { take: 1 })
    const options = service.getPayerOptions()
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
      delivery_type: data.delivery_type || options.deliveryType,
      due_days: options.dueDays,
    }
    if (plan.done) return new StepResponse(plan)

    const selected = fulfillmentSelection(
      (order.fulfillments ?? []) as unknown as FulfillmentLike[],
      input.fulfillment_id,
    )
    if (!selected) return new StepResponse(record ? plan : undefined)
    try {
      plan.items = payerItemsFor(order as unknown as OrderLike, selected.selection, { includeShipping: selected.first })
      if (!plan.items.some((i) => i.subtotalPrice > 0)) return new StepResponse(record ? plan : undefined)
      plan.customer = payerInvoiceCustomer(data, order.billing_address ?? order.shipping_address)
    } catch (e) {
      plan.order_error = (e as Error).message
    }
    return new StepResponse(plan)
  },
)
