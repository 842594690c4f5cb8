// A PayEx outage on Medusa's own routes (cart completion, admin refund) reaches the shopper and the merchant as a
// 503 that says to try again, through the plugin's error handler; nothing changes, and the retry succeeds. A lost
// answer to an authorization PayEx made is recovered: the shopper hears "authorized", once.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { useSandboxes } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, failing, payexCheckout, storeHeaders, SWEDISH_SHOPPER } from "../helpers/store"

const PROVIDER = "pp_payex-invoice_payex"

const sandboxes = useSandboxes()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, PROVIDER)
    })
    afterEach(() => sandboxes.payex.setFaults({ failNext: 0, dropNext: 0, only: undefined }))

    /** Every attempt of the client (1 + PAYEX_MAX_RETRIES) answered 503 by PayEx. */
    const payexDown = (only: string) => sandboxes.payex.setFaults({ failNext: 3, failStatus: 503, only })

    /** A Swedish shopper's cart with a PayEx session and the approved legal address; `authorize` is the next step. */
    async function cartWithLegalAddress() {
      const items = [{ variant_id: seed.chairVariantId, quantity: 1 }]
      const { cart, session } = await cartWithPaymentSession(api, seed, items, PROVIDER)
      const h = storeHeaders(seed)
      const { social_security_number, zip_code, msisdn } = SWEDISH_SHOPPER
      await api.post(
        "/store/payex/legal-address",
        { payment_session_id: session.id, social_security_number, zip_code },
        h,
      )
      const authorize = () =>
        api.post("/store/payex/authorize", { payment_session_id: session.id, social_security_number, msisdn }, h)
      return { cart, session, h, authorize }
    }

    it("cart completion while PayEx is down: 503 with a message to try again, no order; the retry completes", async () => {
      const { cart, h, authorize } = await cartWithLegalAddress()
      await authorize()

      payexDown("^GET /psp/invoice/payments/")
      const down = await failing(api.post(`/store/carts/${cart.id}/complete`, {}, h))
      expect(down.status).toBe(503)
      expect(down.data).toMatchObject({ type: "upstream_unavailable", upstream: "PayEx" })
      expect(down.data.message).toMatch(/try again/)
      expect(down.data.message).not.toMatch(/600307/)

      sandboxes.payex.setFaults({ failNext: 0, only: undefined })
      const { data: retried } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
      expect(retried.type).toBe("order")
    })

    it("an authorization PayEx made whose answer was lost: the shopper is told authorized, once, and the cart completes", async () => {
      const { cart, session, h, authorize } = await cartWithLegalAddress()
      // PayEx authorizes, then the connection drops before its answer: the client's retry finds the operation gone
      sandboxes.payex.setFaults({ dropNext: 1, only: "^POST /psp/invoice/payments/[^/]+/authorizations$" })
      expect((await authorize()).data).toEqual({ status: "authorized" })
      // the shopper, unsure, presses again: the same answer, and PayEx is not asked to authorize twice
      expect((await authorize()).data).toEqual({ status: "authorized" })
      const payment = [...sandboxes.payex.payments.values()].find(
        (p: any) => p.payeeInfo?.orderReference === session.id,
      ) as any
      expect(
        payment.transactions.filter((t: any) => t.type === "Authorization" && t.state === "Completed"),
      ).toHaveLength(1)
      const { data: completed } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
      expect(completed.type).toBe("order")
    })

    it("an admin refund while PayEx is down: 503 naming PayEx, no refund recorded; the retry reverses once", async () => {
      const { completed } = await payexCheckout(api, seed, [{ variant_id: seed.chairVariantId, quantity: 1 }], PROVIDER)
      const orderId = completed.order.id
      const paymentOf = async () =>
        (
          await api.get(
            `/admin/orders/${orderId}?fields=*payment_collections.payments,*payment_collections.payments.refunds`,
            admin,
          )
        ).data.order.payment_collections[0].payments[0]
      const payment = await paymentOf()
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)

      payexDown("^POST /psp/invoice/payments/[^/]+/reversals$")
      const down = await failing(api.post(`/admin/payments/${payment.id}/refund`, { amount: 50 }, admin))
      expect(down.status).toBe(503)
      expect(down.data.message).toMatch(/PayEx/)
      expect(down.data.message).toMatch(/try again/)
      expect((await paymentOf()).refunds ?? []).toHaveLength(0)

      sandboxes.payex.setFaults({ failNext: 0, only: undefined })
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 50 }, admin)
      expect((await paymentOf()).refunds).toHaveLength(1)
      const reversals = [...sandboxes.payex.payments.values()]
        .flatMap((p: any) => p.transactions)
        .filter((t: any) => t.type === "Reversal" && t.state === "Completed" && t.amount === 5000)
      expect(reversals).toHaveLength(1)
    })
  },
})
