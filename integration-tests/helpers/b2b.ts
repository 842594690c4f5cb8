import type { AxiosInstance } from "axios"
import type { SeededStore } from "./seed"
import { cartWithPaymentSession, storeHeaders } from "./store"

export const PAYER_PROVIDER = "pp_payer-b2b_payer"

/** A business customer's session data as a storefront sends it for payer-b2b. */
export const B2B_CUSTOMER = {
  company_name: "Ekbacken Möbler AB",
  org_number: "556036-0793",
  vat_id: "SE556036079301",
  email: "faktura@ekbacken.example",
  phone: "+46701234567",
  your_reference: "Anna Andersson",
}

/** Cart -> payer-b2b session -> completed order. Returns the order as the store API answers it. */
export async function b2bCheckout(
  api: AxiosInstance,
  seed: SeededStore,
  items: Array<{ variant_id: string; quantity: number }>,
  customer: Record<string, unknown> = B2B_CUSTOMER,
) {
  const { cart, session } = await cartWithPaymentSession(api, seed, items, PAYER_PROVIDER, customer)
  const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders(seed))
  if (data.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(data).slice(0, 300)}`)
  return { cart, session, order: data.order }
}
