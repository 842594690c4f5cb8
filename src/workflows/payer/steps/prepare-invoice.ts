import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  planFulfillmentInvoice,
  type InvoicedOrder,
  type PayerInvoiceInput,
} from "../../../lib/mapping/payer-invoice-plan"
import { livePaymentOf, ORDER_LINE_FIELDS, type OrderPayment } from "../../../lib/medusa/order-lookups"
import { PAYER_B2B_PROVIDER_IDENTIFIER, payerInvoiceModule } from "../../../modules/payer-invoice"
import { fulfillmentSource } from "../../../modules/payer-invoice/records/sources"

export const preparePayerInvoiceStepId = "payer-prepare-invoice"

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

/**
 * Reads the order and the fulfillment's record and plans what the fulfillment invoices (see
 * lib/mapping/payer-invoice-plan.ts). Undefined when the order is not paid with payer-b2b or the fulfillment
 * bills nothing. Reads only: nothing to undo.
 */
export const preparePayerInvoiceStep = createStep(
  preparePayerInvoiceStepId,
  async (input: PayerInvoiceInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = payerInvoiceModule(container)
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: input.order_id } })
    const payment = livePaymentOf<OrderPayment>(order, PAYER_B2B_PROVIDER_IDENTIFIER)
    if (!order || !payment) return new StepResponse(undefined)
    const [record] = await service.listPayerInvoices({ source: fulfillmentSource(input.fulfillment_id) }, { take: 1 })
    const defaults = service.getPayerOptions()
    // query.graph types the row from the order's full model; InvoicedOrder is the subset ORDER_FIELDS selects.
    const invoiced = order as unknown as InvoicedOrder
    return new StepResponse(planFulfillmentInvoice({ input, order: invoiced, payment, record, defaults }))
  },
)
