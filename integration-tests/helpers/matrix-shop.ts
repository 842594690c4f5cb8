// What both invoice providers' fault-matrix rows do in the shop itself: the cart, its payment sessions, the order's
// payment as the admin reads it.
import type { AxiosInstance } from "axios"
import type { SeededStore } from "./seed"
import { storeHeaders } from "./store"

type H = { headers: Record<string, string> }

export function matrixShop(env: { api: AxiosInstance; admin: () => H; seed: () => SeededStore }) {
  const { api } = env
  const h = () => storeHeaders(env.seed())
  return {
    h,
    /** A chair and two coffee: two VAT rates, so partial captures and refunds split. */
    items: () => [
      { variant_id: env.seed().chairVariantId, quantity: 1 },
      { variant_id: env.seed().coffeeVariantId, quantity: 2 },
    ],
    /** A new payment session of `provider` (Medusa deletes the collection's earlier ones). */
    createSession: (collectionId: string, provider: string) =>
      api.post(
        `/store/payment-collections/${collectionId}/payment-sessions`,
        { provider_id: provider, data: { user_agent: "Mozilla/5.0 (fault matrix)" } },
        h(),
      ),
    async sessionsOf(cartId: string): Promise<any[]> {
      const { data } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, h())
      return data.cart.payment_collection.payment_sessions
    },
    /** The order and its payment, with captures and refunds, as the admin reads them. */
    async orderPayment(orderId: string) {
      const fields =
        "*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds"
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,status,${fields}`, env.admin())
      return { order: data.order, payment: data.order.payment_collections[0].payments[0] }
    },
    sum: (rows: Array<{ amount: number }> | undefined) => (rows ?? []).reduce((s, r) => s + Number(r.amount), 0),
  }
}
