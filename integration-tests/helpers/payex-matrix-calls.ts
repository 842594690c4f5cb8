// The rows of the PayEx fault matrix (http/fault-matrix-payex.spec.ts): for each mutating PayEx call, the user
// action that makes it, the sandbox path the fault is armed on, and what must hold afterwards.
import type { AxiosInstance } from "axios"
import type { PayexSandbox } from "../../sandbox/payex"
import type { PaymentRecord } from "../../sandbox/payex/state"
import type { MatrixCall } from "./matrix-cases"
import { matrixShop } from "./matrix-shop"
import type { SeededStore } from "./seed"
import { cartWithPaymentSession, SWEDISH_SHOPPER, SHOPPER_ADDRESS } from "./store"

type H = { headers: Record<string, string> }

const PROVIDER = "pp_payex-invoice_payex"
const PAYMENT = "/psp/invoice/payments"
const op = (method: string, rel: string) => `^${method} ${PAYMENT}/[^/]+/${rel}$`

export function payexMatrixCalls(env: {
  api: AxiosInstance
  admin: () => H
  seed: () => SeededStore
  payex: () => PayexSandbox
}): MatrixCall[] {
  const { api } = env
  const shop = matrixShop(env)
  const { h, items, sessionsOf, orderPayment, sum } = shop
  const createSession = (collectionId: string, provider = PROVIDER) => shop.createSession(collectionId, provider)
  const completed = (p: PaymentRecord, type: string) =>
    p.transactions.filter((t) => t.type === type && t.state === "Completed")
  /** The sandbox's record of a payment, by the id the plugin keeps (`/psp/invoice/payments/<uuid>`). */
  const paymentAt = (id: string) => env.payex().payments.get(id.split("/").pop()!)!
  const { social_security_number, zip_code, msisdn } = SWEDISH_SHOPPER

  /** A cart with items, shipping and a payment collection, but no payment session yet. */
  async function cartWithCollection() {
    const { cart } = await cartWithPaymentSession(api, env.seed(), items(), "pp_system_default")
    return { cart, collectionId: cart.payment_collection.id }
  }
  const legalAddress = (sessionId: string) =>
    api.post("/store/payex/legal-address", { payment_session_id: sessionId, social_security_number, zip_code }, h())
  const authorize = (sessionId: string) =>
    api.post("/store/payex/authorize", { payment_session_id: sessionId, social_security_number, msisdn }, h())
  const complete = (cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, h())

  async function authorizedCart() {
    const { cart, session } = await cartWithPaymentSession(api, env.seed(), items(), PROVIDER)
    await legalAddress(session.id)
    await authorize(session.id)
    return { cart, session, payexPaymentId: session.data.payex_payment_id as string }
  }
  async function placedOrder() {
    const authorized = await authorizedCart()
    const { data } = await complete(authorized.cart.id)
    const { payment } = await orderPayment(data.order.id)
    return { ...authorized, orderId: data.order.id, paymentId: payment.id }
  }
  /** The checkout after the faulted step, which must now go through: the cart completes into an order. */
  async function finishCheckout(cartId: string, sessionId: string, from: "legal-address" | "authorize" | "complete") {
    if (from === "legal-address") expect((await legalAddress(sessionId)).status).toBe(200)
    if (from !== "complete") expect((await authorize(sessionId)).data).toEqual({ status: "authorized" })
    const { data } = await complete(cartId)
    expect(data.type).toBe("order")
    return orderPayment(data.order.id)
  }

  return [
    {
      call: "create payment",
      only: `^POST ${PAYMENT}$`,
      setup: cartWithCollection,
      act: (ctx) => createSession(ctx.collectionId),
      async verify(ctx) {
        const [session] = await sessionsOf(ctx.cart.id)
        const { payment } = await finishCheckout(ctx.cart.id, session.id, "legal-address")
        // Every payment this case asked PayEx to create: the one the order holds is the only one authorized;
        // one created by a lost answer moves no money and expires at PayEx (README: Outages and lost answers).
        const references = new Set(
          env
            .payex()
            .requests.filter((r) => r.method === "POST" && r.path === PAYMENT)
            .map((r) => r.body?.payment?.payeeInfo?.payeeReference),
        )
        const created = [...env.payex().payments.values()].filter((p) => references.has(p.payeeInfo.payeeReference))
        const authorized = created.filter((p) => completed(p, "Authorization").length)
        expect(authorized).toEqual([paymentAt(payment.data.payex_payment_id)])
        expect(created.filter((p) => p !== authorized[0]).every((p) => p.transactions.length === 0)).toBe(true)
        expect(Math.round(Number(payment.amount) * 100)).toBe(authorized[0].amount)
      },
    },
    {
      call: "approved legal address",
      only: op("POST", "approvedlegaladdress"),
      async setup() {
        const { cart, session } = await cartWithPaymentSession(api, env.seed(), items(), PROVIDER)
        return { cart, session }
      },
      act: (ctx) => legalAddress(ctx.session.id),
      async verify(ctx, answer) {
        // The storefront gets the address to show, never the personal number.
        expect(answer.data.legal_address ?? answer.data).toMatchObject({ zip_code: SHOPPER_ADDRESS.postal_code })
        expect(JSON.stringify(answer.data)).not.toMatch(/6003071161|600307-1161/)
        expect(paymentAt(ctx.session.data.payex_payment_id).approvedLegalAddress).toBeDefined()
        const { payment } = await finishCheckout(ctx.cart.id, ctx.session.id, "authorize")
        expect(completed(paymentAt(payment.data.payex_payment_id), "Authorization")).toHaveLength(1)
      },
    },
    {
      call: "authorization",
      only: op("POST", "authorizations"),
      async setup() {
        const { cart, session } = await cartWithPaymentSession(api, env.seed(), items(), PROVIDER)
        await legalAddress(session.id)
        return { cart, session }
      },
      act: (ctx) => authorize(ctx.session.id),
      async verify(ctx, answer) {
        expect(answer.data).toEqual({ status: "authorized" })
        const { payment } = await finishCheckout(ctx.cart.id, ctx.session.id, "complete")
        const [auth, ...more] = completed(paymentAt(ctx.session.data.payex_payment_id), "Authorization")
        expect(more).toHaveLength(0)
        expect(Math.round(Number(payment.amount) * 100)).toBe(auth.amount)
      },
    },
    {
      call: "capture",
      only: op("POST", "captures"),
      setup: placedOrder,
      // A partial capture: a second PayEx capture of the same amount would fit, so a double capture would show.
      act: (ctx) => api.post(`/admin/payments/${ctx.paymentId}/capture`, { amount: 100 }, env.admin()),
      async verify(ctx) {
        const captures = completed(paymentAt(ctx.payexPaymentId), "Capture")
        expect(captures.map((c) => c.amount)).toEqual([10000])
        const { payment } = await orderPayment(ctx.orderId)
        expect(sum(payment.captures)).toBe(100)
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
      // A partial refund: a second reversal of the same amount would fit, so a double refund would show.
      act: (ctx) => api.post(`/admin/payments/${ctx.paymentId}/refund`, { amount: 50 }, env.admin()),
      async verify(ctx) {
        expect(completed(paymentAt(ctx.payexPaymentId), "Reversal").map((r) => r.amount)).toEqual([5000])
        const { payment } = await orderPayment(ctx.orderId)
        expect(sum(payment.refunds)).toBe(50)
      },
    },
    {
      call: "cancellation",
      only: op("POST", "cancellations"),
      setup: placedOrder,
      act: (ctx) => api.post(`/admin/orders/${ctx.orderId}/cancel`, {}, env.admin()),
      async verify(ctx) {
        const at = paymentAt(ctx.payexPaymentId)
        expect(completed(at, "Cancellation").map((c) => c.amount)).toEqual([at.amount])
        const { order, payment } = await orderPayment(ctx.orderId)
        expect(order.status).toBe("canceled")
        expect(payment.canceled_at).toBeTruthy()
      },
    },
    {
      call: "abort",
      only: `^PATCH ${PAYMENT}/[^/]+$`,
      async setup() {
        const { cart, session } = await cartWithPaymentSession(api, env.seed(), items(), PROVIDER)
        return { cart, session, collectionId: cart.payment_collection.id }
      },
      // The shopper switches to another payment method: Medusa deletes the PayEx session, which aborts its payment.
      act: (ctx) => createSession(ctx.collectionId, "pp_system_default"),
      async verify(ctx) {
        const at = paymentAt(ctx.session.data.payex_payment_id)
        expect(at.state).toBe("Aborted")
        expect(at.transactions).toHaveLength(0)
        expect((await sessionsOf(ctx.cart.id)).map((s) => s.provider_id)).toEqual(["pp_system_default"])
      },
    },
  ]
}
