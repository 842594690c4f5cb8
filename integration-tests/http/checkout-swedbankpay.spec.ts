// Swedbank Pay invoice (Payment Order v3.1) in a real Medusa against the project's sandbox: the shopper completes
// the invoice on Swedbank Pay's (simulated) page and comes back to completeUrl, the cart completes, each fulfillment
// is captured with its own orderItems, a refund is a reversal, a cancel releases the rest, and a forged callback
// changes nothing.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { useSandboxes, waitFor } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, failing, storeHeaders } from "../helpers/store"

const PROVIDER = "pp_swedbankpay-invoice_swedbankpay"
const sandboxes = useSandboxes()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, PROVIDER)
    })

    const orderOf = (sessionData: any) =>
      sandboxes.payex.paymentOrders.get(String(sessionData.swedbankpay_order_id).split("/").pop()!)!
    const completed = (o: any, type: string) => o.financialTransactions.filter((t: any) => t.type === type)

    /** The shopper's browser on Swedbank Pay's page: open redirect_url, press a button, follow the 303. */
    async function shopperPresses(redirectUrl: string, button: "approve" | "cancel") {
      const page = await fetch(redirectUrl)
      const html = await page.text()
      expect(html).toContain(`value="${button}"`)
      const action = new RegExp(`<form method="post" action="([^"]+/${button})"`).exec(html)![1]
      const res = await fetch(new URL(action, redirectUrl), {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `action=${button}`,
      })
      expect(res.status).toBe(303)
      return res.headers.get("location")
    }

    async function checkout(
      items = [
        { variant_id: seed.chairVariantId, quantity: 1 },
        { variant_id: seed.coffeeVariantId, quantity: 2 },
      ],
    ) {
      const { cart, session } = await cartWithPaymentSession(api, seed, items, PROVIDER, {
        user_agent: "Mozilla/5.0 (integration test)",
        email: "sven@example.com",
      })
      const back = await shopperPresses(session.data.redirect_url, "approve")
      expect(back).toBe("http://localhost:8000/checkout/swedbankpay/complete")
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders(seed))
      expect(data.type).toBe("order")
      return { cart, session, order: data.order }
    }
    async function payment(orderId: string) {
      const fields =
        "*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds"
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,status,${fields}`, admin)
      return data.order.payment_collections[0].payments[0]
    }

    it("a Swedish checkout through Swedbank Pay's page: the order lists the cart, nothing personal is stored, the cart completes", async () => {
      const items = [{ variant_id: seed.chairVariantId, quantity: 1 }]
      const { cart, session } = await cartWithPaymentSession(api, seed, items, PROVIDER, {
        user_agent: "UA",
        pnr: "600307-1161",
      })
      expect(session.data).toMatchObject({ redirect_url: expect.stringContaining("/psp/paymentorders/"), pnr: null })
      const at = orderOf(session.data)
      expect(at).toMatchObject({ status: "Initialized", currency: "SEK", instrument: "Invoice-PayExFinancingSe" })
      expect(at.orderItems.reduce((s: number, i: any) => s + i.amount, 0)).toBe(at.amount)

      // Completing before the shopper finished on Swedbank Pay's page does not make an order.
      const early = await failing(api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders(seed)))
      expect(early.status).toBeGreaterThanOrEqual(400)
      expect(early.status).toBeLessThan(500)

      await shopperPresses(session.data.redirect_url, "approve")
      const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders(seed))
      expect(data.type).toBe("order")
      const p = await payment(data.order.id)
      expect(Math.round(Number(p.amount) * 100)).toBe(at.amount)
      expect(JSON.stringify(p.data)).not.toMatch(/600307|1161/)
    })

    it("two fulfillments are two captures, each with the orderItems of what it ships; a refund is one reversal", async () => {
      const { session, order } = await checkout()
      const lines = order.items as any[]
      for (const item of lines) {
        await api.post(
          `/admin/orders/${order.id}/fulfillments`,
          { items: [{ id: item.id, quantity: Number(item.quantity) }], location_id: seed.locationId },
          admin,
        )
      }
      const at = orderOf(session.data)
      await waitFor("two captures", async () => (completed(at, "Capture").length === 2 ? true : null), 20000)
      const captures = completed(at, "Capture")
      expect(captures.map((c: any) => c.orderItems.map((i: any) => i.reference))).toEqual([
        [lines[0].id, expect.stringMatching(/^ordsm_/)],
        [lines[1].id],
      ])
      for (const c of captures) expect(c.orderItems.reduce((s: number, i: any) => s + i.amount, 0)).toBe(c.amount)
      await waitFor("Medusa's captures", async () => ((await payment(order.id)).captures?.length === 2 ? true : null))

      const p = await payment(order.id)
      await api.post(`/admin/payments/${p.id}/refund`, { amount: 50 }, admin)
      const [reversal, ...more] = completed(at, "Reversal")
      expect(more).toHaveLength(0)
      expect(reversal.amount).toBe(5000)
      expect(reversal.orderItems.reduce((s: number, i: any) => s + i.amount, 0)).toBe(5000)
      expect((await payment(order.id)).refunds).toHaveLength(1)
    })

    it("a canceled captured fulfillment is one reversal of exactly the items its capture listed, and one Medusa refund", async () => {
      const { session, order } = await checkout()
      // order.items come in no fixed order: find the lines by variant
      const line = (variantId: string) => (order.items as any[]).find((i) => i.variant_id === variantId)
      const [chair, coffee] = [line(seed.chairVariantId), line(seed.coffeeVariantId)]
      const fulfillmentIds = async () =>
        (await api.get(`/admin/orders/${order.id}?fields=fulfillments.id`, admin)).data.order.fulfillments.map(
          (f: any) => f.id,
        )
      await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: [{ id: chair.id, quantity: 1 }], location_id: seed.locationId },
        admin,
      )
      const [first] = await fulfillmentIds()
      await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: [{ id: coffee.id, quantity: 2 }], location_id: seed.locationId },
        admin,
      )
      const at = orderOf(session.data)
      await waitFor("two captures", async () => (completed(at, "Capture").length === 2 ? true : null), 20000)
      const captureOfFirst = completed(at, "Capture")[0]

      await api.post(`/admin/orders/${order.id}/fulfillments/${first}/cancel`, {}, admin)
      await waitFor("the reversal", async () => (completed(at, "Reversal").length ? true : null), 20000)
      const [reversal, ...more] = completed(at, "Reversal")
      expect(more).toHaveLength(0)
      expect(reversal).toMatchObject({ amount: captureOfFirst.amount, payeeReference: `FR${first.split("_").pop()}` })
      const names = (o: any) => o.orderItems.map((i: any) => [i.reference, i.amount, i.vatAmount])
      expect(names(reversal)).toEqual(names(captureOfFirst))
      const p = await waitFor("the refund in Medusa", async () => {
        const now = await payment(order.id)
        return now.refunds?.length ? now : null
      })
      expect(p.refunds.map((r: any) => Math.round(Number(r.amount) * 100))).toEqual([captureOfFirst.amount])
    })

    it("a canceled order releases the authorization once; a forged callback changes nothing", async () => {
      const { session, order } = await checkout()
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      const at = orderOf(session.data)
      expect(completed(at, "Cancellation")).toHaveLength(1)
      expect(at.status).toBe("Cancelled")
      expect((await payment(order.id)).canceled_at).toBeTruthy()

      // A callback naming an order of another shop (or a made-up one) is read back and ignored.
      const before = await payment(order.id)
      const forged = {
        orderReference: session.id,
        paymentOrder: { id: "/psp/paymentorders/00000000-0000-0000-0000-000000000000", number: 1 },
      }
      const res = await fetch(`${process.env.MEDUSA_BACKEND_URL}/hooks/payment/swedbankpay-invoice_swedbankpay`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(forged),
      })
      expect(res.status).toBe(200)
      // Medusa handles a callback about 5 s after it arrives; the plugin's read of the named order shows it did.
      await waitFor(
        "the callback's read of the named order",
        async () => sandboxes.payex.requests.some((r) => r.method === "GET" && r.path === forged.paymentOrder.id),
        20000,
      )
      expect(await payment(order.id)).toEqual(before)
    })
  },
})
