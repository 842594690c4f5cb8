// Calls to PayEx per action, counted at the sandbox in a real Medusa (issue 10's targets): a Swedish checkout is 4
// calls, a fulfillment capture, a refund and a cancel are 1 each, and each of their callbacks is verified with 1 read.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { useSandboxes, waitFor } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { payexCheckout, SWEDISH_SHOPPER } from "../helpers/store"
import { PayexInvoiceProviderService } from "../../src/services/payex-invoice"

const PROVIDER = "pp_payex-invoice_payex"
const PAYMENTS = "/psp/invoice/payments"

const sandboxes = useSandboxes()

/** A PayEx request as a kind of call: "POST payments", "GET payment", "POST captures", "GET transactions (one)", "GET itemdescriptions", ... */
function callKind(r: { method: string; path: string }) {
  const rest = r.path.replace(/^\/psp\/invoice\/payments\/?/, "").split("/")
  if (!rest[0]) return `${r.method} payments`
  if (rest.length === 1) return `${r.method} payment`
  if (rest.length > 3) return `${r.method} ${rest[3]}` // a transaction's sub-resource: "GET itemdescriptions"
  return `${r.method} ${rest[1]}${rest.length > 2 ? " (one)" : ""}`
}

/**
 * Every callback verification Medusa runs (in this process): a test waits for them to finish instead of guessing
 * how long they take, so a verification's fallback reads are never missed.
 */
const verifications: Array<Promise<unknown>> = []
/** The payment each verification is about (the callback's `payment.id`). */
const verifiedPayments: unknown[] = []
const verify = PayexInvoiceProviderService.prototype.getWebhookActionAndData
jest.spyOn(PayexInvoiceProviderService.prototype, "getWebhookActionAndData").mockImplementation(function (
  this: PayexInvoiceProviderService,
  payload,
) {
  const verification = verify.call(this, payload)
  verifications.push(verification.catch(() => undefined))
  verifiedPayments.push((payload as { data?: { payment?: { id?: unknown } } })?.data?.payment?.id)
  return verification
})

/** Waits for PayEx's callbacks to be delivered and for `count` verifications after the first `from` to finish. */
async function verified(from: number, count: number, paymentPath?: string) {
  // Only this payment's: a callback of an earlier action, verified late, must not stand in for this one's.
  const mine = () => verifiedPayments.slice(from).filter((p) => paymentPath === undefined || p === paymentPath).length
  await waitFor(`${count} callback verification(s)`, async () => {
    await sandboxes.payex.callbacksIdle()
    return mine() >= count
  })
  await Promise.all(verifications)
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, PROVIDER)
    })

    async function checkout() {
      const result = await payexCheckout(
        api,
        seed,
        [
          { variant_id: seed.chairVariantId, quantity: 2 },
          { variant_id: seed.coffeeVariantId, quantity: 3 },
        ],
        PROVIDER,
        { ...SWEDISH_SHOPPER, social_security_number: "600307-1161", email: "sven@example.com" },
      )
      const payment = [...sandboxes.payex.payments.values()].find(
        (p: any) => p.payeeInfo?.orderReference === result.session.id,
      ) as any
      return { ...result, paymentPath: `${PAYMENTS}/${payment.id}` }
    }

    /** The calls of one payment (and the creation, which has no payment id yet), in order. */
    const callsOf = (paymentPath: string) =>
      sandboxes.payex.requests
        .filter((r) => r.path === PAYMENTS || r.path.startsWith(`${paymentPath}/`) || r.path === paymentPath)
        .map(callKind)

    const CALLBACK_READ = "GET transactions (one)"

    /**
     * Runs `action` and answers the calls made for it (also by the subscribers it triggers), and apart from them
     * the reads verifying the `callbacks` callbacks PayEx sends about it, once those verifications have finished.
     * A verification's fallback would read the payment and its payee info too, which then show among the calls.
     */
    async function countCalls(paymentPath: string, callbacks: number, action: () => Promise<unknown>) {
      await verified(0, 0) // an earlier action's verification must not count here
      sandboxes.payex.clearRequests()
      const from = verifications.length
      await action()
      await verified(from, callbacks, paymentPath)
      const all = callsOf(paymentPath)
      return { calls: all.filter((c) => c !== CALLBACK_READ), callbackReads: all.filter((c) => c === CALLBACK_READ) }
    }

    async function orderPayment(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=*items,*payment_collections.payments`, admin)
      return { order: data.order, payment: data.order.payment_collections[0].payments[0] }
    }

    it("a Swedish checkout is 4 calls (create, approved legal address, authorization, one read at completion); its callback 1 read", async () => {
      await verified(0, 0)
      sandboxes.payex.clearRequests()
      const from = verifications.length
      const { paymentPath } = await checkout()
      await verified(from, 1, paymentPath) // the authorization's callback
      const calls = callsOf(paymentPath)
      expect(calls.filter((c) => c !== "GET transactions (one)")).toEqual([
        "POST payments",
        "POST approvedlegaladdress",
        "POST authorizations",
        "GET payment",
      ])
      // The callback's verification: the transaction alone (its payeeReference names the session); the fallback
      // would also read the payment and its payee info, which the list above would show.
      expect(calls.filter((c) => c === "GET transactions (one)")).toHaveLength(1)
    })

    it("a fulfillment capture is 1 call and its callback 1 read; a refund the same", async () => {
      const { completed, paymentPath } = await checkout()
      const chair = completed.order.items.find((i: any) => i.variant_id === seed.chairVariantId)
      const capture = await countCalls(paymentPath, 1, () =>
        api.post(
          `/admin/orders/${completed.order.id}/fulfillments`,
          { items: [{ id: chair.id, quantity: 2 }], location_id: seed.locationId },
          admin,
        ),
      )
      expect(capture).toEqual({ calls: ["POST captures"], callbackReads: ["GET transactions (one)"] })

      const { payment } = await orderPayment(completed.order.id)
      const refund = await countCalls(paymentPath, 1, () =>
        api.post(`/admin/payments/${payment.id}/refund`, { amount: 100 }, admin),
      )
      expect(refund).toEqual({ calls: ["POST reversals"], callbackReads: ["GET transactions (one)"] })
      const reversal = sandboxes.payex.requests.find((r) => callKind(r) === "POST reversals")!
      // 2 chairs at 25 % and shipping at 25 % were captured: all of the refund's VAT is at 25 %
      expect(reversal.body.transaction).toMatchObject({ amount: 10000, vatAmount: 2000 })
    })

    it("canceling an uncaptured order is 1 call and its callback 1 read", async () => {
      const { completed, paymentPath } = await checkout()
      const cancel = await countCalls(paymentPath, 1, () =>
        api.post(`/admin/orders/${completed.order.id}/cancel`, {}, admin),
      )
      expect(cancel).toEqual({ calls: ["POST cancellations"], callbackReads: ["GET transactions (one)"] })
    })
  },
})
