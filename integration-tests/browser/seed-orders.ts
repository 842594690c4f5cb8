// The three orders the browser test opens, made through the running host's HTTP APIs only (store checkout, admin
// fulfillments), with the integration tests' own store seed and checkout helpers.
import axios, { type AxiosInstance } from "axios"
import { b2bCheckout } from "../helpers/b2b"
import { waitFor } from "../helpers/environment"
import { seedSwedishStore, type SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, storeHeaders } from "../helpers/store"

export const PAYEX_PROVIDER = "pp_payex-invoice_payex"
export const PAYER_PROVIDER = "pp_payer-b2b_payer"
export const SYSTEM_PROVIDER = "pp_system_default"
/** The PayEx sandbox's Swedish test person (sandbox/README.md) */
const SSN = "600307-1161"
const ZIP = "19792"

type H = { headers: Record<string, string> }

export interface SeededOrders {
  api: AxiosInstance
  admin: H
  seed: SeededStore
  payexOrderId: string
  /** the PayEx order's payment session: the sandbox's payment carries it as payeeInfo.orderReference */
  payexSessionId: string
  payerOrderId: string
  systemOrderId: string
}

/** Logs in as the admin the way the dashboard's login form does, and answers the Bearer header for API calls. */
export async function adminHeaders(api: AxiosInstance, email: string, password: string): Promise<H> {
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

async function fulfill(
  api: AxiosInstance,
  admin: H,
  seed: SeededStore,
  orderId: string,
  items: Array<{ id: string; quantity: number }>,
) {
  await api.post(`/admin/orders/${orderId}/fulfillments`, { items, location_id: seed.locationId }, admin)
}

export async function orderPayment(api: AxiosInstance, admin: H, orderId: string) {
  const fields = "*payment_collections,*payment_collections.payments,*payment_collections.payments.captures"
  const { data } = await api.get(`/admin/orders/${orderId}?fields=${fields}`, admin)
  return data.order.payment_collections[0].payments[0]
}

export async function payerInvoicesOf(api: AxiosInstance, admin: H, orderId: string): Promise<any[]> {
  const { data } = await api.get(`/admin/orders/${orderId}/payer-invoices`, admin)
  return data.payer_invoices
}

/** Checkout with the sandbox's test person (legal address, authorization), then one fulfillment of everything. */
async function payexOrder(
  api: AxiosInstance,
  admin: H,
  seed: SeededStore,
): Promise<{ orderId: string; sessionId: string }> {
  const items = [
    { variant_id: seed.chairVariantId, quantity: 2 },
    { variant_id: seed.coffeeVariantId, quantity: 3 },
  ]
  const { cart, session } = await cartWithPaymentSession(api, seed, items, PAYEX_PROVIDER)
  const h = storeHeaders(seed)
  await api.post(
    "/store/payex/legal-address",
    { payment_session_id: session.id, social_security_number: SSN, zip_code: ZIP },
    h,
  )
  await api.post(
    "/store/payex/authorize",
    { payment_session_id: session.id, social_security_number: SSN, msisdn: "+46739000001", email: "sven@example.com" },
    h,
  )
  const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
  if (data.type !== "order") throw new Error(`PayEx cart did not complete: ${JSON.stringify(data).slice(0, 300)}`)
  const order = data.order
  await fulfill(
    api,
    admin,
    seed,
    order.id,
    order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })),
  )
  await waitFor(
    "the PayEx capture of the fulfillment",
    async () => (await orderPayment(api, admin, order.id)).captured_at,
    60_000,
  )
  return { orderId: order.id, sessionId: session.id }
}

/** A company's checkout, then two fulfillments: Payer issues one invoice for each. */
async function payerOrder(api: AxiosInstance, admin: H, seed: SeededStore): Promise<string> {
  const { order } = await b2bCheckout(api, seed, [
    { variant_id: seed.chairVariantId, quantity: 2 },
    { variant_id: seed.coffeeVariantId, quantity: 3 },
  ])
  const line = (variantId: string) => order.items.find((i: any) => i.variant_id === variantId)
  const chair = line(seed.chairVariantId)
  const coffee = line(seed.coffeeVariantId)
  const issued = async (count: number) =>
    waitFor(
      `${count} issued Payer invoice(s)`,
      async () => {
        const invoices = await payerInvoicesOf(api, admin, order.id)
        const failed = invoices.find((i) => i.status === "failed")
        if (failed) throw new Error(`a Payer invoice failed: ${failed.last_error}`)
        return invoices.filter((i) => i.kind === "invoice" && i.status === "issued").length === count
      },
      60_000,
    )
  await fulfill(api, admin, seed, order.id, [
    { id: chair.id, quantity: 1 },
    { id: coffee.id, quantity: 1 },
  ])
  await issued(1)
  await fulfill(api, admin, seed, order.id, [
    { id: chair.id, quantity: 1 },
    { id: coffee.id, quantity: 2 },
  ])
  await issued(2)
  return order.id
}

async function systemOrder(api: AxiosInstance, seed: SeededStore): Promise<string> {
  const { cart } = await cartWithPaymentSession(
    api,
    seed,
    [{ variant_id: seed.bookVariantId, quantity: 1 }],
    SYSTEM_PROVIDER,
    {},
  )
  const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders(seed))
  if (data.type !== "order") throw new Error(`system cart did not complete: ${JSON.stringify(data).slice(0, 300)}`)
  return data.order.id
}

export async function seedOrders(baseURL: string, email: string, password: string): Promise<SeededOrders> {
  const api = axios.create({ baseURL, timeout: 60_000 })
  const admin = await adminHeaders(api, email, password)
  const seed = await seedSwedishStore(api, admin, [PAYEX_PROVIDER, PAYER_PROVIDER, SYSTEM_PROVIDER])
  const { orderId: payexOrderId, sessionId: payexSessionId } = await payexOrder(api, admin, seed)
  const payerOrderId = await payerOrder(api, admin, seed)
  const systemOrderId = await systemOrder(api, seed)
  return { api, admin, seed, payexOrderId, payexSessionId, payerOrderId, systemOrderId }
}
