import type { AxiosInstance } from "axios"
import type { SeededStore } from "./seed"

export const SHOPPER_ADDRESS = {
  first_name: "Sven",
  last_name: "Svensson",
  address_1: "Storgatan 1",
  postal_code: "19792",
  city: "Bro",
  country_code: "se",
  phone: "+46739000001",
}

export function storeHeaders(seed: SeededStore) {
  return { headers: { "x-publishable-api-key": seed.publishableKey } }
}

/** A cart with the given items and shipping, and a payment session of `providerId`. */
export async function cartWithPaymentSession(
  api: AxiosInstance,
  seed: SeededStore,
  items: Array<{ variant_id: string; quantity: number }>,
  providerId: string,
  sessionData: Record<string, unknown> = { user_agent: "Mozilla/5.0 (integration test)" },
) {
  const h = storeHeaders(seed)
  const {
    data: { cart },
  } = await api.post(
    "/store/carts",
    {
      region_id: seed.regionId,
      sales_channel_id: seed.salesChannelId,
      email: "sven@example.com",
      shipping_address: SHOPPER_ADDRESS,
      billing_address: SHOPPER_ADDRESS,
    },
    h,
  )
  for (const item of items) await api.post(`/store/carts/${cart.id}/line-items`, item, h)
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: seed.shippingOptionId }, h)
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cart.id }, h)
  const {
    data: { payment_collection: withSession },
  } = await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: providerId, data: sessionData },
    h,
  )
  const {
    data: { cart: fresh },
  } = await api.get(`/store/carts/${cart.id}`, h)
  return { cart: fresh, session: withSession.payment_sessions[0] }
}

/** Resolves with the response of a request expected to fail (axios rejects on 4xx/5xx). */
export async function failing(p: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    const res: any = await p
    throw new Error(`expected the request to fail, got ${res.status}`)
  } catch (e: any) {
    if (!e.response) throw e
    return { status: e.response.status, data: e.response.data }
  }
}

/** The PayEx sandbox's approved Swedish test person (see sandbox/README.md). */
export const SWEDISH_SHOPPER = { social_security_number: "600307-1161", zip_code: "19792", msisdn: "+46739000001" }

/**
 * A whole Store API checkout with PayEx invoice: cart with `items` and shipping, payment session, the approved
 * legal address, the authorization, cart completion. Answers each step's response body.
 */
export async function payexCheckout(
  api: AxiosInstance,
  seed: SeededStore,
  items: Array<{ variant_id: string; quantity: number }>,
  providerId = "pp_payex-invoice_payex",
  shopper: { social_security_number: string; zip_code: string; msisdn: string; email?: string } = SWEDISH_SHOPPER,
) {
  const { cart, session } = await cartWithPaymentSession(api, seed, items, providerId)
  const h = storeHeaders(seed)
  const { social_security_number, zip_code, msisdn, email } = shopper
  const { data: address } = await api.post(
    "/store/payex/legal-address",
    { payment_session_id: session.id, social_security_number, zip_code },
    h,
  )
  const { data: auth } = await api.post(
    "/store/payex/authorize",
    { payment_session_id: session.id, social_security_number, msisdn, ...(email ? { email } : {}) },
    h,
  )
  const { data: completed } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
  return { cart, session, address, auth, completed }
}
