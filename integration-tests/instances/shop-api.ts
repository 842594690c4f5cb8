// What the two-instance spec does through a shop's HTTP APIs and reads at the sandboxes, kept apart so the spec
// reads as the three scenarios.
import type { AxiosInstance } from "axios"
import { readFileSync } from "node:fs"
import type { PayerSandbox } from "../../sandbox/payer"
import type { PayexSandbox } from "../../sandbox/payex"
import { waitFor } from "../helpers/environment"
import type { SeededStore } from "../helpers/seed"
import { instanceLog } from "./host"

export type H = { headers: Record<string, string> }

/**
 * An admin's dashboard session: the emailpass login, then POST /auth/session, which answers the session cookie the
 * dashboard keeps (stored in the shop's session store, Redis here).
 */
export async function adminSession(api: AxiosInstance, email: string, password: string): Promise<H> {
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  const res = await api.post("/auth/session", {}, { headers: { authorization: `Bearer ${data.token}` } })
  const cookies = (res.headers["set-cookie"] ?? []).map((c: string) => c.split(";")[0])
  if (!cookies.length) throw new Error("POST /auth/session set no cookie")
  return { headers: { cookie: cookies.join("; ") } }
}

export async function fulfillmentIds(api: AxiosInstance, admin: H, orderId: string): Promise<string[]> {
  const { data } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id`, admin)
  return data.order.fulfillments.map((f: any) => f.id)
}

/** Creates one fulfillment of `items` and answers its id. */
export async function fulfill(
  api: AxiosInstance,
  admin: H,
  seed: SeededStore,
  orderId: string,
  items: Array<{ id: string; quantity: number }>,
): Promise<string> {
  const before = await fulfillmentIds(api, admin, orderId)
  await api.post(`/admin/orders/${orderId}/fulfillments`, { items, location_id: seed.locationId }, admin)
  const created = (await fulfillmentIds(api, admin, orderId)).filter((id) => !before.includes(id))
  if (created.length !== 1) throw new Error(`expected one new fulfillment of ${orderId}, got ${created.length}`)
  return created[0]
}

export async function orderPayment(api: AxiosInstance, admin: H, orderId: string) {
  const fields = [
    "*payment_collections",
    "*payment_collections.payments",
    "*payment_collections.payments.captures",
    "*payment_collections.payments.refunds",
  ].join(",")
  const { data } = await api.get(`/admin/orders/${orderId}?fields=${fields}`, admin)
  return data.order.payment_collections[0].payments[0]
}

export async function payerRecordsOf(api: AxiosInstance, admin: H, orderId: string): Promise<any[]> {
  const { data } = await api.get(`/admin/orders/${orderId}/payer-invoices`, admin)
  return data.payer_invoices
}

/** The PayEx sandbox's payment of a checkout: the plugin sends the payment session id as payeeInfo.orderReference. */
export function payexPaymentOf(payex: PayexSandbox, sessionId: string) {
  const payment = [...payex.payments.values()].find((p) => p.payeeInfo?.orderReference === sessionId)
  if (!payment) throw new Error(`the PayEx sandbox has no payment for session ${sessionId}`)
  return payment
}

/** POSTs to one of the payment's PayEx resources (`captures`, `approvedlegaladdress`, ...) the sandbox received. */
export const payexPosts = (payex: PayexSandbox, paymentId: string, resource: string) =>
  payex.requests.filter((r) => r.method === "POST" && r.path === `/psp/invoice/payments/${paymentId}/${resource}`)

/** The Payer orders (by their Medusa reference ids) and what Payer received and holds for them. */
export function payerSide(payer: PayerSandbox, referenceIds: string[]) {
  const orders = [...payer.state.orders.values()].filter((o) => referenceIds.includes(o.referenceId))
  const orderIds = orders.map((o) => String(o.orderId))
  return {
    invoicePosts: payer.requests.filter(
      (r) => r.method === "POST" && orderIds.some((id) => r.path === `/api/v2/orders/${id}/invoices`),
    ),
    invoices: [...payer.state.invoices.values()].filter(
      (i) => i.type === "NORMAL" && orderIds.includes(String(i.orderId)),
    ),
  }
}

/**
 * How often an instance's event-bus worker took up `event`: Medusa logs each job it processes at info, as
 * "Processing <event> (priority: 100) which has N subscribers".
 */
export function deliveriesIn(instance: string, event: string): number {
  const text = readFileSync(instanceLog(instance), "utf8")
  const line = new RegExp(`Processing ${event.replace(/\./g, "\\.")}( \\(priority: \\d+\\))? which has`, "g")
  return text.match(line)?.length ?? 0
}

/** Waits until `count` Payer invoices of the order are issued and Medusa recorded each as a capture. */
export async function invoiced(api: AxiosInstance, admin: H, orderId: string, count: number): Promise<any[]> {
  const records = await waitFor(
    `${count} issued Payer invoice(s) of ${orderId}`,
    async () => {
      const invoices = (await payerRecordsOf(api, admin, orderId)).filter((r) => r.kind === "invoice")
      const failed = invoices.find((r) => r.status === "failed")
      if (failed) throw new Error(`a Payer invoice failed: ${failed.last_error}`)
      const issued = invoices.filter((r) => r.status === "issued")
      return issued.length >= count ? issued : undefined
    },
    60_000,
  )
  await waitFor(
    `${count} capture(s) of ${orderId} in Medusa`,
    async () => ((await orderPayment(api, admin, orderId)).captures?.length ?? 0) >= count,
    60_000,
  )
  return records
}

/** A request expected to fail, answered as { status, data } (axios rejects on 4xx/5xx). */
export const settled = (p: Promise<{ status: number; data: any; headers?: any }>) =>
  p.then(
    (r) => ({ status: r.status, data: r.data, headers: r.headers }),
    (e) => {
      if (!e.response) throw e
      return { status: e.response.status as number, data: e.response.data, headers: e.response.headers }
    },
  )
