import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { buildPayerItems, requestIdFor, toPayerItems, type InvoiceLineInput } from "../../src/lib/payer"
import { toMinorUnits } from "../../src/lib/money"
import { waitFor } from "./environment"
import type { SeededStore } from "./seed"

type H = { headers: Record<string, string> }

/**
 * How the credit tests get an invoiced order. "fulfillment": the plugin's own invoice-per-fulfillment
 * workflow (a fulfillment of everything, then wait for its issued, captured record). "direct": the test
 * issues the invoice at Payer through the module's client and writes the record and the capture itself.
 */
export const INVOICING: "fulfillment" | "direct" = (process.env.PAYER_CREDITS_INVOICING as any) || "direct"

export interface InvoicedOrder {
  orderId: string
  paymentId: string
  invoice: any
}

const ORDER_FIELDS = [
  "id", "display_id", "currency_code", "total",
  "*items", "items.tax_lines.rate", "*shipping_methods", "shipping_methods.tax_lines.rate",
  "*payment_collections", "*payment_collections.payments",
].join(",")

export async function payerRecords(container: MedusaContainer, orderId: string): Promise<any[]> {
  const service: any = container.resolve("payerInvoice")
  return service.listPayerInvoices({ order_id: orderId }, { relations: ["lines"], order: { created_at: "ASC" } })
}

export async function orderPayment(api: AxiosInstance, admin: H, orderId: string) {
  const { data: { order } } = await api.get(
    `/admin/orders/${orderId}?fields=*payment_collections,*payment_collections.payments,*payment_collections.payments.refunds,*payment_collections.payments.captures`,
    admin
  )
  return order.payment_collections[0].payments[0]
}

/** Issues one Payer invoice for the whole order and records it as the capture, like the plugin's workflow does. */
async function invoiceDirectly(container: MedusaContainer, order: any, paymentId: string) {
  const service: any = container.resolve("payerInvoice")
  const client = service.getPayerClient()
  const currency = order.currency_code
  const lines: InvoiceLineInput[] = [
    ...order.items.map((i: any) => ({
      lineItemId: i.id, description: i.title, quantity: Number(i.quantity),
      grossAmount: toMinorUnits(i.total, currency), vatBasisPoints: Math.round(Number(i.tax_lines[0].rate) * 100),
    })),
    ...order.shipping_methods.map((s: any) => ({
      description: s.name, quantity: 1, grossAmount: toMinorUnits(s.total, currency), vatBasisPoints: Math.round(Number(s.tax_lines[0].rate) * 100),
    })),
  ]
  const items = buildPayerItems(lines)
  const referenceId = `test-${order.id}`
  const created = await client.createOrder({
    currencyCode: currency.toUpperCase(), purchaseChannel: "ECOMMERCE", referenceId, description: `Order #${order.display_id}`,
    invoiceCustomer: {
      customerType: "ORGANISATION", regNumber: "5560360793",
      address: { companyName: "Ekbacken Möbler AB", streetAddress1: "Storgatan 1", zipCode: "19792", city: "Bro", countryCode: "SE" },
    },
    items: toPayerItems(items),
  }, requestIdFor(order.id, "test-create-order"))
  await client.approveOrder(created.orderId, requestIdFor(order.id, "test-approve"))
  const { invoice } = await client.createInvoice(created.orderId, { dueDays: 30, deliveryType: "EMAIL", orderReferenceId: referenceId }, requestIdFor(order.id, "test-invoice"))
  const record = await service.createPayerInvoices({
    order_id: order.id, payment_id: paymentId, kind: "invoice", source: `test:${order.id}`, status: "issued",
    payer_order_id: String(created.orderId), reference_id: referenceId, invoice_number: String(invoice.invoiceNumber),
    ocr: invoice.referenceNumber, payer_status: invoice.status, currency_code: currency,
    total_amount: invoice.totalAmount, vat_amount: invoice.totalVatAmount ?? 0, outstanding_amount: invoice.outstandingAmount ?? invoice.totalAmount,
    medusa_recorded: true,
  })
  await service.createPayerInvoiceLines(items.map((item) => ({
    invoice_id: record.id, position: item.position, line_item_id: item.lineItemId ?? null, description: item.description,
    quantity: item.quantity, unit_amount: item.unitPrice, total_amount: item.subtotalPrice, vat_basis_points: item.vatPercentage,
  })))
  await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId, amount: order.total, is_captured: true } as any })
}

/** The order invoiced in full (one invoice) and captured in Medusa; returns the invoice record with lines. */
export async function invoiceOrder(api: AxiosInstance, admin: H, container: MedusaContainer, seed: SeededStore, orderId: string): Promise<InvoicedOrder> {
  const { data: { order } } = await api.get(`/admin/orders/${orderId}?fields=${ORDER_FIELDS}`, admin)
  const paymentId = order.payment_collections[0].payments[0].id
  if (INVOICING === "fulfillment") {
    const items = order.items.map((i: any) => ({ id: i.id, quantity: Number(i.quantity) }))
    await api.post(`/admin/orders/${orderId}/fulfillments`, { items, location_id: seed.locationId }, admin)
  } else {
    await invoiceDirectly(container, order, paymentId)
  }
  const invoice = await waitFor("an issued, captured Payer invoice", async () => {
    const [record] = (await payerRecords(container, orderId)).filter((r) => r.kind === "invoice")
    return record?.status === "issued" && record.medusa_recorded ? record : null
  })
  await waitFor("the capture in Medusa", async () => ((await orderPayment(api, admin, orderId)).captures?.length ? true : null))
  return { orderId, paymentId, invoice }
}
