import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { b2bCheckout, PAYER_PROVIDER } from "../helpers/b2b"
import { useSandboxes, waitFor } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, failing, storeHeaders } from "../helpers/store"

const PROVIDER = "pp_payex-invoice_payex"
const SSN = "600307-1161"

const sandboxes = useSandboxes()

jest.setTimeout(120000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, [PROVIDER, PAYER_PROVIDER])
    })

    /** Cart (2 chairs, 3 coffee, shipping: 648.99 SEK) -> legal address -> authorization -> order. */
    async function payexOrder() {
      const items = [
        { variant_id: seed.chairVariantId, quantity: 2 },
        { variant_id: seed.coffeeVariantId, quantity: 3 },
      ]
      const { cart, session } = await cartWithPaymentSession(api, seed, items, PROVIDER)
      const h = storeHeaders(seed)
      await api.post(
        "/store/payex/legal-address",
        { payment_session_id: session.id, social_security_number: SSN, zip_code: "19792" },
        h,
      )
      await api.post(
        "/store/payex/authorize",
        { payment_session_id: session.id, social_security_number: SSN, msisdn: "+46739000001" },
        h,
      )
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
      if (data.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(data).slice(0, 300)}`)
      return data.order
    }

    const paymentReads = () =>
      sandboxes.payex.requests.filter((r) => r.method === "GET" && /\/psp\/invoice\/payments\/[^/]+$/.test(r.path))

    it("answers the PayEx payment after one fulfillment: state, captured amount, transactions, addressee", async () => {
      const order = await payexOrder()
      const chair = order.items.find((i: any) => i.variant_id === seed.chairVariantId)
      const coffee = order.items.find((i: any) => i.variant_id === seed.coffeeVariantId)
      await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        {
          items: [
            { id: chair.id, quantity: 1 },
            { id: coffee.id, quantity: 1 },
          ],
          location_id: seed.locationId,
        },
        admin,
      )
      // Medusa writes the capture row before the provider calls PayEx: wait for both.
      const capture = await waitFor("the fulfillment's capture, recorded and made at PayEx", async () => {
        const { data } = await api.get(
          `/admin/orders/${order.id}?fields=*payment_collections.payments,*payment_collections.payments.captures`,
          admin,
        )
        const recorded = data.order.payment_collections[0].payments[0].captures?.[0]
        const atPayex = sandboxes.payex.requests.some((r) => r.method === "POST" && /\/captures$/.test(r.path))
        return atPayex && recorded
      })
      // 1 chair 250.00 + 1 coffee 33.33 + shipping 49.00 = 332.33 SEK
      expect(capture.amount).toBe(332.33)

      sandboxes.payex.clearRequests()
      const res = await api.get(`/admin/orders/${order.id}/payex?fresh=true`, admin)
      expect(res.status).toBe(200)
      const { payex } = res.data
      expect(payex).toEqual(
        expect.objectContaining({
          state: "partially_captured",
          payment_state: "Ready",
          currency_code: "sek",
          amounts: { authorized: 64899, captured: 33233, reversed: 0, cancelled: 0, remaining: 64899 - 33233 },
          addressee: { name: "Lisa Testsson", city: "Bro" },
        }),
      )
      expect(payex.transactions.map((t: any) => [t.type, t.state, t.amount])).toEqual([
        ["Authorization", "Completed", 64899],
        ["Capture", "Completed", 33233],
      ])
      for (const t of payex.transactions) {
        expect(Number.isInteger(t.amount)).toBe(true)
        expect(t.payee_reference).toMatch(/^[A-Za-z0-9]{1,30}$/)
        expect(Number.isNaN(Date.parse(t.created))).toBe(false)
      }
      // Read live: the payment, its transactions and its legal address at PayEx.
      // (Only these three reads: the provider may still be reading its capture's transaction back.)
      const reads = sandboxes.payex.requests
        .filter((r) => r.method === "GET")
        .map((r) => r.path.replace(/^.*\/payments\/[^/]+/, ""))
        .filter((path) => ["", "/transactions", "/legaladdress"].includes(path))
      expect(reads).toEqual(["", "/transactions", "/legaladdress"])
      // Never the personal number, in any spelling.
      const body = JSON.stringify(res.data)
      for (const digits of ["600307", "6003071161", "196003071161", "0307-1161", "3071161"]) {
        expect(body).not.toContain(digits)
      }
    })

    it("reads PayEx once per 10 s per payment unless asked for a fresh answer", async () => {
      const order = await payexOrder()
      sandboxes.payex.clearRequests()
      const first = await api.get(`/admin/orders/${order.id}/payex`, admin)
      const second = await api.get(`/admin/orders/${order.id}/payex`, admin)
      expect(second.data).toEqual(first.data)
      expect(first.data.payex.state).toBe("authorized")
      expect(first.data.payex.amounts).toEqual({
        authorized: 64899,
        captured: 0,
        reversed: 0,
        cancelled: 0,
        remaining: 64899,
      })
      expect(paymentReads()).toHaveLength(1)
      await api.get(`/admin/orders/${order.id}/payex?fresh=true`, admin)
      expect(paymentReads()).toHaveLength(2)
    })

    it("answers 404 naming the order when it has no PayEx payment, and for an unknown order", async () => {
      const { order } = await b2bCheckout(api, seed, [{ variant_id: seed.bookVariantId, quantity: 1 }])
      const none = await failing(api.get(`/admin/orders/${order.id}/payex`, admin))
      expect(none.status).toBe(404)
      expect(none.data.message).toBe(`Order ${order.id} has no PayEx invoice payment`)
      const unknown = await failing(api.get(`/admin/orders/order_missing/payex`, admin))
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toContain("order_missing")
    })

    it("requires an admin", async () => {
      const res = await failing(api.get(`/admin/orders/order_missing/payex`))
      expect(res.status).toBe(401)
    })
  },
})
