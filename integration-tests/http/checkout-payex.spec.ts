import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { PayexSandbox } from "../../sandbox/payex"
import { createAdminHeaders } from "../helpers/admin"
import { startSandboxesForMedusa } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, failing, storeHeaders } from "../helpers/store"

jest.setTimeout(240000)

const PROVIDER = "pp_payex-invoice_payex"
const SSN = "600307-1161"

let payex: PayexSandbox
beforeAll(async () => {
  ;({ payex } = await startSandboxesForMedusa())
})
afterAll(async () => {
  await payex?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, PROVIDER)
    })

    async function checkout(items = [{ variant_id: seed.chairVariantId, quantity: 2 }, { variant_id: seed.coffeeVariantId, quantity: 3 }]) {
      const { cart, session } = await cartWithPaymentSession(api, seed, items, PROVIDER)
      const h = storeHeaders(seed)
      const { data: address } = await api.post("/store/payex/legal-address", { payment_session_id: session.id, social_security_number: SSN, zip_code: "19792" }, h)
      const { data: auth } = await api.post("/store/payex/authorize", { payment_session_id: session.id, social_security_number: SSN, msisdn: "+46739000001", email: "sven@example.com" }, h)
      const { data: completed } = await api.post(`/store/carts/${cart.id}/complete`, {}, h)
      return { cart, session, address, auth, completed }
    }

    it("takes a shopper from cart to order with a PayEx invoice authorization", async () => {
      const { cart, session, address, auth, completed } = await checkout()
      // 2 x 250 + 3 x 33.33 + 49 shipping
      expect(cart.total).toBe(648.99)
      expect(address.legal_address).toEqual(expect.objectContaining({ zip_code: "19792", country_code: "SE" }))
      expect(auth).toEqual({ status: "authorized" })
      expect(completed.type).toBe("order")
      const payment = [...payex.payments.values()].find((p: any) => p.payeeInfo?.orderReference === session.id) as any
      expect(payment).toBeDefined()
      expect(payment.amount).toBe(64899)
    })
  },
})
