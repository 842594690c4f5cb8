import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { PayerSandbox } from "../../sandbox/payer"
import { b2bCheckout } from "./b2b"
import { waitFor } from "./environment"
import type { SeededStore } from "./seed"

type H = { headers: Record<string, string> }

/** Helpers of the invoice-per-fulfillment suite: checkouts, fulfillments, invoice records and what Payer received. */
export function payerInvoiceKit(ctx: {
  api: AxiosInstance
  getContainer: () => MedusaContainer
  admin: () => H
  seed: () => SeededStore
  payer: () => PayerSandbox
}) {
  const { api, getContainer } = ctx
  const payerModule = () => getContainer().resolve("payerInvoice") as any

  async function checkout(items?: Array<{ variant_id: string; quantity: number }>) {
    const seed = ctx.seed()
    const { order } = await b2bCheckout(
      api,
      seed,
      items ?? [
        { variant_id: seed.chairVariantId, quantity: 2 },
        { variant_id: seed.coffeeVariantId, quantity: 3 },
      ],
    )
    const line = (variantId: string) => order.items.find((i: any) => i.variant_id === variantId)
    return {
      order,
      chair: line(seed.chairVariantId),
      coffee: line(seed.coffeeVariantId),
      book: line(seed.bookVariantId),
    }
  }

  async function fulfillmentIds(orderId: string): Promise<string[]> {
    const {
      data: { order },
    } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id`, ctx.admin())
    return order.fulfillments.map((f: any) => f.id)
  }

  /** Creates a fulfillment and answers its id. */
  async function fulfill(orderId: string, items: Array<{ id: string; quantity: number }>): Promise<string> {
    const before = await fulfillmentIds(orderId)
    await api.post(`/admin/orders/${orderId}/fulfillments`, { items, location_id: ctx.seed().locationId }, ctx.admin())
    const created = (await fulfillmentIds(orderId)).filter((id) => !before.includes(id))
    if (created.length !== 1) throw new Error(`expected one new fulfillment, got ${created.length}`)
    return created[0]
  }

  const recordsOf = (orderId: string): Promise<any[]> =>
    payerModule().listPayerInvoices({ order_id: orderId }, { relations: ["lines"] })

  async function recordOf(fulfillmentId: string): Promise<any> {
    const [record] = await payerModule().listPayerInvoices(
      { source: `fulfillment:${fulfillmentId}` },
      { relations: ["lines"] },
    )
    return record
  }

  /** Waits until the fulfillment's invoice is issued at Payer and recorded as a capture in Medusa. */
  function invoiced(fulfillmentId: string): Promise<any> {
    return waitFor(
      `the Payer invoice of ${fulfillmentId}`,
      async () => {
        const record = await recordOf(fulfillmentId)
        if (record?.status === "failed") throw new Error(`invoice failed: ${record.last_error}`)
        return record?.medusa_recorded ? record : null
      },
      30000,
    )
  }

  async function payment(orderId: string) {
    const {
      data: { order },
    } = await api.get(
      `/admin/orders/${orderId}?fields=*payment_collections,*payment_collections.payments,*payment_collections.payments.captures`,
      ctx.admin(),
    )
    return order.payment_collections[0].payments[0]
  }

  const ORDERS_PATH = "/api/v2/orders"
  /** createOrder calls whose body carries one of these referenceIds. */
  const orderPosts = (referenceIds: string[]) =>
    ctx
      .payer()
      .requests.filter(
        (r) => r.method === "POST" && r.path === ORDERS_PATH && referenceIds.includes((r.body as any)?.referenceId),
      )
  const approvalsOf = (payerOrderId: string) =>
    ctx.payer().requests.filter((r) => r.method === "PUT" && r.path === `${ORDERS_PATH}/${payerOrderId}/approve`)
  const invoicePostsOf = (payerOrderId: string) =>
    ctx.payer().requests.filter((r) => r.method === "POST" && r.path === `${ORDERS_PATH}/${payerOrderId}/invoices`)
  /** The NORMAL invoices Payer holds for these Payer orders. */
  const invoicesAtPayerOf = (payerOrderIds: string[]) =>
    [...ctx.payer().state.invoices.values()].filter(
      (i) => i.type === "NORMAL" && payerOrderIds.includes(String(i.orderId)),
    )

  return {
    payerModule,
    checkout,
    fulfill,
    recordsOf,
    recordOf,
    invoiced,
    payment,
    orderPosts,
    approvalsOf,
    invoicePostsOf,
    invoicesAtPayerOf,
  }
}
