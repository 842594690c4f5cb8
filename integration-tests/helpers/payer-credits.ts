import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { waitFor } from "./environment"
import type { SeededStore } from "./seed"

type H = { headers: Record<string, string> }

export interface InvoicedOrder {
  orderId: string
  paymentId: string
  invoice: any
}

const ORDER_FIELDS = "id,*items,*payment_collections,*payment_collections.payments"

export async function payerRecords(container: MedusaContainer, orderId: string): Promise<any[]> {
  const service: any = container.resolve("payerInvoice")
  return service.listPayerInvoices({ order_id: orderId }, { relations: ["lines"], order: { created_at: "ASC" } })
}

export async function orderPayment(api: AxiosInstance, admin: H, orderId: string) {
  const {
    data: { order },
  } = await api.get(
    `/admin/orders/${orderId}?fields=*payment_collections,*payment_collections.payments,*payment_collections.payments.refunds,*payment_collections.payments.captures`,
    admin,
  )
  return order.payment_collections[0].payments[0]
}

/**
 * The order fulfilled, and so invoiced by the plugin's invoice-per-fulfillment workflow and captured in
 * Medusa; returns its invoice records (oldest first) with lines. `parts` lists the fulfillments as
 * { id: order line item id, quantity } lists (default: one fulfillment of everything).
 */
export async function invoiceOrder(
  api: AxiosInstance,
  admin: H,
  container: MedusaContainer,
  seed: SeededStore,
  orderId: string,
  parts?: (order: any) => Array<Array<{ id: string; quantity: number }>>,
): Promise<InvoicedOrder & { invoices: any[]; order: any }> {
  const {
    data: { order },
  } = await api.get(`/admin/orders/${orderId}?fields=${ORDER_FIELDS}`, admin)
  const paymentId = order.payment_collections[0].payments[0].id
  const fulfillments = parts
    ? parts(order)
    : [order.items.map((i: any) => ({ id: i.id, quantity: Number(i.quantity) }))]
  for (const [n, items] of fulfillments.entries()) {
    await api.post(`/admin/orders/${orderId}/fulfillments`, { items, location_id: seed.locationId }, admin)
    await waitFor(`invoice ${n + 1}`, async () => {
      const issued = (await payerRecords(container, orderId)).filter(
        (r) => r.kind === "invoice" && r.status === "issued" && r.medusa_recorded,
      )
      return issued.length === n + 1 ? true : null
    })
  }
  const invoices = (await payerRecords(container, orderId)).filter((r) => r.kind === "invoice")
  await waitFor("the captures in Medusa", async () =>
    (await orderPayment(api, admin, orderId)).captures?.length === invoices.length ? true : null,
  )
  return { orderId, paymentId, invoice: invoices[0], invoices, order }
}
