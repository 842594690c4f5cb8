import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { b2bCheckout } from "../helpers/b2b"
import { useSandboxes, waitFor } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"

// This suite's Medusa runs with `invoiceOn: "shipment"` (medusa-config.js reads PAYER_INVOICE_ON when the
// runner loads it); the variable is put back afterwards so later suites get the default.
const previousInvoiceOn = process.env.PAYER_INVOICE_ON
beforeAll(() => {
  process.env.PAYER_INVOICE_ON = "shipment"
})
afterAll(() => {
  if (previousInvoiceOn === undefined) delete process.env.PAYER_INVOICE_ON
  else process.env.PAYER_INVOICE_ON = previousInvoiceOn
})
const sandboxes = useSandboxes()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_payex-invoice_payex", "pp_payer-b2b_payer"])
    })

    const records = (orderId: string): Promise<any[]> =>
      (getContainer().resolve("payerInvoice") as any).listPayerInvoices({ order_id: orderId })

    it("invoices a fulfillment when it is shipped, not when it is created", async () => {
      const { order } = await b2bCheckout(api, seed, [{ variant_id: seed.bookVariantId, quantity: 2 }])
      const items = order.items.map((i: any) => ({ id: i.id, quantity: Number(i.quantity) }))
      await api.post(`/admin/orders/${order.id}/fulfillments`, { items, location_id: seed.locationId }, admin)
      const {
        data: { order: fulfilled },
      } = await api.get(`/admin/orders/${order.id}?fields=fulfillments.id`, admin)
      const fulfillmentId = fulfilled.fulfillments[0].id

      // Give the fulfillment subscribers time to (wrongly) act.
      await new Promise((r) => setTimeout(r, 1500))
      expect(await records(order.id)).toEqual([])
      expect(sandboxes.payer.requests.filter((r) => r.method === "POST" && r.path === "/api/v2/orders")).toHaveLength(0)

      await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`, { items }, admin)
      const [record] = await waitFor("the invoice of the shipment", async () => {
        const list = await records(order.id)
        return list.length && list[0].status === "issued" && list[0].medusa_recorded ? list : null
      })
      // 2 books at 99.00 (6 %) and shipping 49.00 (25 %)
      expect(record).toEqual(
        expect.objectContaining({ fulfillment_id: fulfillmentId, total_amount: 2 * 9900 + 4900, kind: "invoice" }),
      )
      expect(sandboxes.payer.requests.filter((r) => r.method === "POST" && r.path === "/api/v2/orders")).toHaveLength(1)
    })
  },
})
