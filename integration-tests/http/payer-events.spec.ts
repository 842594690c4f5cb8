/**
 * Payer event callbacks in a real Medusa against the Payer sandbox: the callback URL registered at start, a
 * payment at Payer delivered as an event and shown on the record at once (no sync run), a redelivered event and
 * two deliveries at once updating once, a forged token changing nothing and not acknowledged, an unknown type
 * acknowledged, and an outage while fetching leaving the event to Payer's next delivery.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { b2bCheckout } from "../helpers/b2b"
import { useSandboxes, waitFor } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { invoiceOrder, payerRecords } from "../helpers/payer-credits"
import type PayerInvoiceModuleService from "../../src/modules/payer-invoice/service"

const sandboxes = useSandboxes()
const HANDLED = ["INVOICE_PAYMENT_RECEIVED", "CREDIT_USED", "WRITE_OFF_PAYMENT_CREATED"]

// After useSandboxes() chose Medusa's port and before the runner boots Medusa with medusa-config.js.
beforeAll(() => {
  process.env.PAYER_EVENTS_CALLBACK_URL = `${process.env.MEDUSA_BACKEND_URL}/hooks/payer/events`
  sandboxes.payer.setEventDelivery({ delayMs: 0, retryDelaysMs: [500, 500, 500, 500] })
})

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore
    const service = () => getContainer().resolve("payerInvoice") as PayerInvoiceModuleService
    const calls = (re: RegExp) => sandboxes.payer.requests.filter((r) => re.test(`${r.method} ${r.path}`))
    const lookups = (n: number) =>
      sandboxes.payer.requests.filter(
        (r) => r.path === "/api/v2/orders/invoices" && r.query.invoiceNumber === String(n),
      )
    const receipts = () => service().listPayerEventReceipts({})
    const hook = (token: string, method: "get" | "post" = "post") => {
      const path = `/hooks/payer/events?token=${encodeURIComponent(token)}`
      return method === "get" ? api.get(path, anyStatus) : api.post(path, undefined, anyStatus)
    }

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_payex-invoice_payex", "pp_payer-b2b_payer"])
    })

    /** A B2B order invoiced by the plugin: its invoice record, UNPAID at Payer. */
    async function invoiced() {
      const { order } = await b2bCheckout(api, seed, [{ variant_id: seed.chairVariantId, quantity: 1 }])
      const { orderId, invoice } = await invoiceOrder(api, admin, getContainer(), seed, order.id)
      sandboxes.payer.clearRequests()
      return { orderId, number: Number(invoice.invoice_number), total: Number(invoice.total_amount) }
    }
    const recordOf = async (orderId: string) => (await payerRecords(getContainer(), orderId))[0]

    it("registers the callback URL for the handled types at start, and again through the admin route", async () => {
      const url = process.env.PAYER_EVENTS_CALLBACK_URL
      await waitFor("the registrations at start", async () =>
        HANDLED.every((type) => sandboxes.payer.state.callbacks.some((c) => c.type === type && c.url === url)),
      )
      const { status, data } = await api.post("/admin/payer-events/register", {}, { ...admin, ...anyStatus })
      expect(status).toBe(200)
      expect(data).toEqual({ url, registered: HANDLED, failed: [] })
      expect(sandboxes.payer.state.callbacks).toHaveLength(3)
    })

    it("a payment at Payer: the event is delivered, the record shows PAID without the sync, the event is acked", async () => {
      const { orderId, number } = await invoiced()
      expect(await recordOf(orderId)).toMatchObject({ payer_status: "UNPAID" })

      sandboxes.payer.markPaid(number)
      const record = await waitFor("the record paid", async () => {
        const r = await recordOf(orderId)
        return r.payer_status === "PAID" ? r : null
      })
      expect(record).toMatchObject({ outstanding_amount: 0 })
      const [event] = sandboxes.payer.events("INVOICE_PAYMENT_RECEIVED").slice(-1)
      await waitFor("the ack", async () => event.acknowledgedAt !== null)
      expect(event.attempts.map((a) => a.status)).toEqual([200])
      expect(calls(/\/invoices\/batch/)).toEqual([]) // the status sync did not run
      expect(lookups(number)).toHaveLength(1)

      // the same event delivered again (Payer does not promise it will not be): acked again, nothing updated
      const before = await recordOf(orderId)
      const acksBefore = calls(/\/ack$/).length
      expect(await sandboxes.payer.redeliverEvent(event.token)).toEqual([expect.objectContaining({ status: 200 })])
      expect(calls(/\/ack$/).length).toBe(acksBefore + 1)
      expect(lookups(number)).toHaveLength(1)
      expect((await recordOf(orderId)).updated_at).toEqual(before.updated_at)
      expect((await receipts()).filter((r) => r.type === "INVOICE_PAYMENT_RECEIVED").length).toBeGreaterThan(0)
    })

    it("two deliveries of one event at once: one processes it, the invoice is read once", async () => {
      const { orderId, number, total } = await invoiced()
      sandboxes.payer.setEventDelivery({ delayMs: 60_000 }) // the test delivers it itself
      try {
        sandboxes.payer.setFaults({ latencyMs: 200, latencyOnly: "^GET /api/v2/orders/invoices$" })
        sandboxes.payer.markPaid(number, 1000)
        const [event] = sandboxes.payer.events("INVOICE_PAYMENT_RECEIVED").slice(-1)
        const answers = await Promise.all([hook(event.token), hook(event.token, "get")])
        // the other finds the claim: still processing (usually) or already done, never a second run
        const outcomes = answers.map((a) => a.data.outcome)
        expect(outcomes.filter((o) => o === "processed")).toHaveLength(1)
        expect(outcomes.filter((o) => o === "in_progress" || o === "duplicate")).toHaveLength(1)
        expect(lookups(number)).toHaveLength(1)
        expect(await recordOf(orderId)).toMatchObject({
          payer_status: "PARTIALLY_PAID",
          outstanding_amount: total - 1000,
        })
        expect(event.acknowledgedAt).not.toBeNull()
      } finally {
        sandboxes.payer.setFaults({ latencyMs: 0, latencyOnly: undefined })
        sandboxes.payer.setEventDelivery({ delayMs: 0 })
      }
    })

    it("a forged token changes nothing and is not acknowledged; no token is a 400 naming it", async () => {
      sandboxes.payer.clearRequests()
      const before = (await receipts()).length
      const forged = await hook("forged-token-0123456789")
      expect(forged.status).toBe(404)
      expect(forged.data).toEqual({ outcome: "unknown_token" })
      expect(calls(/\/ack$/)).toEqual([])
      expect(await receipts()).toHaveLength(before)
      for (const path of ["/hooks/payer/events", "/hooks/payer/events?token=a%20b"]) {
        const bad = await api.post(path, "not json", { ...anyStatus, headers: { "content-type": "application/json" } })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("`token`")
      }
    })

    it("an event of a type the plugin does not handle is acknowledged and changes nothing", async () => {
      sandboxes.payer.clearRequests()
      const event = sandboxes.payer.raiseEvent("INVOICE_FINALISED", { invoiceNumber: 1001 })
      const answer = await hook(event.token, "get")
      expect(answer.status).toBe(200)
      expect(answer.data).toEqual({ outcome: "ignored", type: "INVOICE_FINALISED", acknowledged: true })
      expect(event.acknowledgedAt).not.toBeNull()
      expect(calls(/^GET \/api\/v2\/orders\/invoices$/)).toEqual([])
    })

    it("Payer down while the event is fetched: 502, not acked; the next delivery does it", async () => {
      const { orderId, number } = await invoiced()
      sandboxes.payer.setFaults({ failNext: 3, only: "^GET /api/v1/events/[^/]+$" })
      sandboxes.payer.markPaid(number)
      const [event] = sandboxes.payer.events("INVOICE_PAYMENT_RECEIVED").slice(-1)
      await waitFor("the record paid after a retry", async () => (await recordOf(orderId)).payer_status === "PAID")
      expect(event.attempts.map((a) => a.status)).toEqual([502, 200])
      expect(event.acknowledgedAt).not.toBeNull()
    })
  },
})
