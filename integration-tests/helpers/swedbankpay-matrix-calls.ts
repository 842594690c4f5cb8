// The rows of the Swedbank Pay fault matrix (http/fault-matrix-swedbankpay.spec.ts): each mutating Payment Order
// call, the user action that makes it, the sandbox path the fault is armed on, and what must hold afterwards.
import type { AxiosInstance } from "axios"
import type { PayexSandbox } from "../../sandbox/payex"
import type { PaymentOrderRecord } from "../../sandbox/payex"
import type { MatrixCall } from "./matrix-cases"
import { matrixShop } from "./matrix-shop"
import type { SeededStore } from "./seed"
import { cartWithPaymentSession } from "./store"

type H = { headers: Record<string, string> }

const PROVIDER = "pp_swedbankpay-invoice_swedbankpay"
const ORDERS = "/psp/paymentorders"
const op = (method: string, rel: string) => `^${method} ${ORDERS}/[^/]+/${rel}$`

export function swedbankPayMatrixCalls(env: {
  api: AxiosInstance
  admin: () => H
  seed: () => SeededStore
  payex: () => PayexSandbox
}): MatrixCall[] {
  const { api } = env
  const shop = matrixShop(env)
  const { h, items, sessionsOf, orderPayment, sum } = shop
  const createSession = (collectionId: string, provider = PROVIDER) => shop.createSession(collectionId, provider)
  const orderAt = (id: string): PaymentOrderRecord => env.payex().paymentOrders.get(id.split("/").pop()!)!
  const done = (o: PaymentOrderRecord, type: string) => o.financialTransactions.filter((t) => t.type === type)
  /** The shopper approves on Swedbank Pay's page; the cart completes into an order. */
  async function approveAndComplete(cartId: string, orderId: string) {
    env.payex().approvePaymentOrder(orderId)
    const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, h())
    expect(data.type).toBe("order")
    return orderPayment(data.order.id)
  }
  async function placedOrder() {
    const { cart, session } = await cartWithPaymentSession(api, env.seed(), items(), PROVIDER)
    const orderId = session.data.swedbankpay_order_id as string
    const { order, payment } = await approveAndComplete(cart.id, orderId)
    return { orderId: order.id, paymentId: payment.id, paymentOrderId: orderId }
  }

  return [
    {
      call: "create payment order",
      only: `^POST ${ORDERS}$`,
      async setup() {
        const { cart } = await cartWithPaymentSession(api, env.seed(), items(), "pp_system_default")
        return { cart, collectionId: cart.payment_collection.id }
      },
      act: (ctx) => createSession(ctx.collectionId),
      async verify(ctx) {
        const [session] = await sessionsOf(ctx.cart.id)
        const { payment } = await approveAndComplete(ctx.cart.id, session.data.swedbankpay_order_id)
        // Every order this case asked Swedbank Pay to create: the order's payment holds the only one approved; one
        // created by a lost answer stays Initialized and moves no money.
        const references = new Set(
          env
            .payex()
            .requests.filter((r) => r.method === "POST" && r.path === ORDERS)
            .map((r) => r.body?.paymentorder?.payeeInfo?.payeeReference),
        )
        const created = [...env.payex().paymentOrders.values()].filter((o) =>
          references.has(o.payeeInfo.payeeReference),
        )
        const paid = created.filter((o) => o.status === "Paid")
        expect(paid).toEqual([orderAt(payment.data.swedbankpay_order_id)])
        expect(created.filter((o) => o !== paid[0]).every((o) => o.status === "Initialized")).toBe(true)
      },
    },
    {
      call: "capture",
      only: op("POST", "captures"),
      setup: placedOrder,
      act: (ctx) => api.post(`/admin/payments/${ctx.paymentId}/capture`, { amount: 100 }, env.admin()),
      async verify(ctx) {
        expect(done(orderAt(ctx.paymentOrderId), "Capture").map((c) => c.amount)).toEqual([10000])
        expect(sum((await orderPayment(ctx.orderId)).payment.captures)).toBe(100)
      },
    },
    {
      call: "reversal",
      only: op("POST", "reversals"),
      async setup() {
        const placed = await placedOrder()
        await api.post(`/admin/payments/${placed.paymentId}/capture`, {}, env.admin())
        return placed
      },
      act: (ctx) => api.post(`/admin/payments/${ctx.paymentId}/refund`, { amount: 50 }, env.admin()),
      async verify(ctx) {
        expect(done(orderAt(ctx.paymentOrderId), "Reversal").map((r) => r.amount)).toEqual([5000])
        expect(sum((await orderPayment(ctx.orderId)).payment.refunds)).toBe(50)
      },
    },
    {
      call: "cancellation",
      only: op("POST", "cancellations"),
      setup: placedOrder,
      act: (ctx) => api.post(`/admin/orders/${ctx.orderId}/cancel`, {}, env.admin()),
      async verify(ctx) {
        const at = orderAt(ctx.paymentOrderId)
        expect(done(at, "Cancellation")).toHaveLength(1)
        expect(at.status).toBe("Cancelled")
        const { order, payment } = await orderPayment(ctx.orderId)
        expect(order.status).toBe("canceled")
        expect(payment.canceled_at).toBeTruthy()
      },
    },
    {
      call: "abort",
      only: `^PATCH ${ORDERS}/[^/]+$`,
      async setup() {
        const { cart, session } = await cartWithPaymentSession(api, env.seed(), items(), PROVIDER)
        return { cart, session, collectionId: cart.payment_collection.id }
      },
      // The shopper switches to another payment method: Medusa deletes the session, which aborts its order.
      act: (ctx) => createSession(ctx.collectionId, "pp_system_default"),
      async verify(ctx) {
        const at = orderAt(ctx.session.data.swedbankpay_order_id)
        expect(at.status).toBe("Aborted")
        expect(at.financialTransactions).toHaveLength(0)
        expect((await sessionsOf(ctx.cart.id)).map((s) => s.provider_id)).toEqual(["pp_system_default"])
      },
    },
  ]
}
