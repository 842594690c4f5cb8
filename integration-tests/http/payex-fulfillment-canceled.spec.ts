import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import payexReversalOnFulfillmentCanceled from "../../src/subscribers/payex-reversal-on-fulfillment-canceled"
import { createAdminHeaders } from "../helpers/admin"
import { useSandboxes, waitFor } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { payexCheckout } from "../helpers/store"

// Issue 6, point 10: PayEx follows Medusa's undo of a fulfillment it already captured.
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

    async function orderPayment(orderId: string) {
      const {
        data: { order },
      } = await api.get(
        `/admin/orders/${orderId}?fields=*items,*payment_collections,*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds`,
        admin,
      )
      return order.payment_collections[0].payments[0]
    }

    const reversalPosts = () =>
      sandboxes.payex.requests.filter((r) => r.method === "POST" && /\/reversals$/.test(r.path))

    it("a canceled captured fulfillment becomes one PayEx reversal of exactly its capture and one Medusa refund, even when the event comes twice", async () => {
      const items = [
        { variant_id: seed.chairVariantId, quantity: 2 },
        { variant_id: seed.coffeeVariantId, quantity: 3 },
      ]
      const {
        session,
        completed: { order },
      } = await payexCheckout(api, seed, items, PROVIDER)
      const chair = order.items.find((i: any) => i.variant_id === seed.chairVariantId)
      const coffee = order.items.find((i: any) => i.variant_id === seed.coffeeVariantId)

      const {
        data: { order: fulfilled },
      } = await api.post(
        `/admin/orders/${order.id}/fulfillments?fields=*fulfillments`,
        {
          items: [
            { id: chair.id, quantity: 1 },
            { id: coffee.id, quantity: 1 },
          ],
          location_id: seed.locationId,
        },
        admin,
      )
      const fulfillmentId = fulfilled.fulfillments[0].id
      await waitFor(
        "the PayEx capture of the fulfillment",
        async () => (await orderPayment(order.id)).captures?.length === 1,
      )
      // Medusa writes its capture row before it calls the provider: wait for PayEx's answer too.
      const capture = (
        await waitFor("the capture at PayEx", async () =>
          sandboxes.payex.requests.find((r) => r.method === "POST" && /\/captures$/.test(r.path) && r.status === 200),
        )
      ).body.transaction
      // 1 chair 250.00 + 1 coffee 33.33 + shipping 49.00
      expect(capture.amount).toBe(33233)
      sandboxes.payex.clearRequests()

      await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/cancel`, {}, admin)
      const refunded = await waitFor("the Medusa refund of the reversal", async () => {
        const payment = await orderPayment(order.id)
        return payment.refunds?.length ? payment : null
      })
      expect(refunded.refunds.map((r: any) => [r.amount, r.note])).toEqual([
        [332.33, `PayEx reversal of canceled fulfillment ${fulfillmentId}`],
      ])
      const [reversal] = reversalPosts().map((r) => r.body.transaction)
      expect(reversalPosts()).toHaveLength(1)
      expect(reversal).toEqual(
        expect.objectContaining({
          amount: capture.amount,
          vatAmount: capture.vatAmount,
          payeeReference: `FR${fulfillmentId.split("_").pop()}`,
        }),
      )

      // The event delivered again (a retry of the event bus, a second instance): nothing more happens.
      await getContainer()
        .resolve(Modules.EVENT_BUS)
        .emit({ name: "order.fulfillment_canceled", data: { order_id: order.id, fulfillment_id: fulfillmentId } })
      await payexReversalOnFulfillmentCanceled({
        event: { name: "order.fulfillment_canceled", data: { order_id: order.id, fulfillment_id: fulfillmentId } },
        container: getContainer(),
      } as any)
      const after = await orderPayment(order.id)
      expect(after.refunds).toHaveLength(1)
      expect(reversalPosts()).toHaveLength(1)
      const payexPayment = sandboxes.payex.payments.get(String(session.data.payex_payment_id).split("/").pop()!) as any
      expect(payexPayment.transactions.filter((t: any) => t.type === "Reversal")).toHaveLength(1)
      expect(payexPayment.remainingReversalAmount ?? 0).toBe(0)
      // The hand-over is cleared, so no later refund can reuse it.
      const stored = await getContainer()
        .resolve(Modules.PAYMENT)
        .retrievePayment(after.id, { select: ["id", "data"] })
      expect(stored.data?.pending_refund ?? null).toBeNull()
    })
  },
})
