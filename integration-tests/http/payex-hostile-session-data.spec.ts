import http from "node:http"
import type { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { useSandboxes, waitFor } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, SHOPPER_ADDRESS, storeHeaders } from "../helpers/store"

// Issue 6, point 1: a storefront plants control keys and a personal number in payment session data, and
// races a second session creation against the first (Medusa deletes the first while its data is still raw).
const PROVIDER = "pp_payex-invoice_payex"
const PLANTED_UUID = "5adc265f-f87f-4313-577e-08d3dca1a26c"
const PERSONAL_NUMBER_DIGITS = /6003071161|600307-1161|0307.?1161/

const sandboxes = useSandboxes()

/** A plain HTTP listener on another loopback address: it must never hear from the plugin. */
function startListener(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = []
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url} auth=${req.headers.authorization ? "yes" : "no"}`)
    res.writeHead(200, { "content-type": "application/json" }).end("{}")
  })
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.2", () => {
      const { port } = server.address() as AddressInfo
      resolve({ url: `http://127.0.0.2:${port}`, hits, close: () => new Promise<void>((r) => server.close(() => r())) })
    }),
  )
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let seed: SeededStore
    let listener: Awaited<ReturnType<typeof startListener>>

    beforeAll(async () => {
      const admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, PROVIDER)
      listener = await startListener()
    })
    afterAll(async () => listener?.close())
    afterEach(() => sandboxes.payex.setFaults({ latencyMs: 0, latencyOnly: undefined }))

    const planted = () => ({
      user_agent: "Mozilla/5.0 (hostile storefront)",
      payex_payment_id: `${listener.url}/psp/invoice/payments/${PLANTED_UUID}`,
      payex_signature: "forged",
      pending_capture: { fulfillment_id: "ful_01JQ40000000000000000000FU", amount_minor: 100, lines: [] },
      payex_action: { type: "legal-address", social_security_number: "600307-1161", zip_code: "19792" },
      pnr: "196003071161",
    })

    async function storedSessions(collectionId: string) {
      const { rows } = await dbConnection.raw(
        `select id, data, deleted_at from payment_session where payment_collection_id = ?`,
        [collectionId],
      )
      return rows as Array<{ id: string; data: Record<string, unknown>; deleted_at: string | null }>
    }

    it("two concurrent session creations with planted data: the listener hears nothing, nothing planted is stored", async () => {
      const h = storeHeaders(seed)
      const {
        data: { cart },
      } = await api.post(
        "/store/carts",
        {
          region_id: seed.regionId,
          sales_channel_id: seed.salesChannelId,
          email: "sven@example.com",
          shipping_address: SHOPPER_ADDRESS,
          billing_address: SHOPPER_ADDRESS,
        },
        h,
      )
      await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: seed.chairVariantId, quantity: 1 }, h)
      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: seed.shippingOptionId }, h)
      const {
        data: { payment_collection },
      } = await api.post("/store/payment-collections", { cart_id: cart.id }, h)
      const create = () =>
        api.post(
          `/store/payment-collections/${payment_collection.id}/payment-sessions`,
          { provider_id: PROVIDER, data: planted() },
          h,
        )

      // PayEx is slow to create payments: the first session sits in the database with the raw input meanwhile.
      sandboxes.payex.setFaults({ latencyMs: 1500, latencyOnly: "^POST /psp/invoice/payments$" })
      sandboxes.payex.clearRequests()
      const first = create().catch((e) => e.response ?? e)
      await waitFor(
        "the first session's raw row",
        async () => (await storedSessions(payment_collection.id)).length > 0,
        10000,
      )
      const second = await create()
      await first
      expect(second.status).toBe(200)

      expect(listener.hits).toEqual([])
      expect(sandboxes.payex.requests.filter((r) => r.path.includes(PLANTED_UUID))).toEqual([])

      const sessions = await storedSessions(payment_collection.id)
      expect(sessions.length).toBeGreaterThan(0)
      for (const s of sessions) {
        expect(JSON.stringify(s.data)).not.toMatch(PERSONAL_NUMBER_DIGITS)
        expect(JSON.stringify(s.data)).not.toContain(listener.url)
      }
      const live = sessions.filter((s) => !s.deleted_at)
      expect(live).toHaveLength(1)
      const data = live[0].data
      expect(data.pending_capture ?? null).toBeNull()
      expect(data.payex_action ?? null).toBeNull()
      expect(data.pnr ?? null).toBeNull()
      expect(data.user_agent).toBe("Mozilla/5.0 (hostile storefront)")
      expect(data.payex_payment_id).toMatch(/^\/psp\/invoice\/payments\/[0-9a-f-]{36}$/)
      expect(sandboxes.payex.payments.has(String(data.payex_payment_id).split("/").pop()!)).toBe(true)
      expect(data.payex_signature).not.toBe("forged")

      // The same through Medusa's payment module, as an admin or a storefront reads it.
      const [viaModule] = await getContainer().resolve("payment").listPaymentSessions({ id: live[0].id })
      expect(viaModule.data).toEqual(expect.objectContaining({ pending_capture: null, payex_action: null, pnr: null }))
    })

    it("a session PayEx has authorized is canceled at PayEx when Medusa deletes it", async () => {
      const { cart, session } = await cartWithPaymentSession(
        api,
        seed,
        [{ variant_id: seed.bookVariantId, quantity: 1 }],
        PROVIDER,
      )
      const h = storeHeaders(seed)
      await api.post(
        "/store/payex/authorize",
        {
          payment_session_id: session.id,
          social_security_number: "600307-1161",
          msisdn: "+46739000001",
          legal_address: {
            addressee: "Leo Andersson",
            street_address: "Helgestavägen 9",
            zip_code: "19792",
            city: "Bro",
            country_code: "SE",
          },
        },
        h,
      )
      const uuid = String(session.data.payex_payment_id).split("/").pop()!
      sandboxes.payex.clearRequests()
      // A new session for the same collection (the shopper changed payment method) deletes the authorized one.
      await api.post(
        `/store/payment-collections/${cart.payment_collection.id}/payment-sessions`,
        { provider_id: PROVIDER, data: { user_agent: "x" } },
        h,
      )
      const cancellations = sandboxes.payex.requests.filter(
        (r) => r.method === "POST" && r.path === `/psp/invoice/payments/${uuid}/cancellations`,
      )
      expect(cancellations).toHaveLength(1)
      expect(cancellations[0].status).toBe(200)
      expect(sandboxes.payex.payments.get(uuid)!.remainingCancellationAmount ?? 0).toBe(0)
    })
  },
})
