import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdminHeaders } from "../helpers/admin"
import { B2B_CUSTOMER, b2bCheckout } from "../helpers/b2b"
import { useSandboxes } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { failing } from "../helpers/store"
import { invoiceOrder, orderPayment, payerRecords } from "../helpers/payer-credits"
import syncPayerInvoicesJob from "../../src/jobs/sync-payer-invoices"

const sandboxes = useSandboxes()

const CREDIT_POST = /^\/api\/v2\/orders\/invoices\/credit\//
const creditPosts = () => sandboxes.payer.requests.filter((r) => r.method === "POST" && CREDIT_POST.test(r.path))
const writes = () => sandboxes.payer.requests.filter((r) => r.method !== "GET" && r.path !== "/oauth2/token")
const creditsAtPayerOf = (invoiceNumber: string) =>
  [...sandboxes.payer.state.invoices.values()].filter(
    (i) =>
      i.type === "CREDIT" &&
      sandboxes.payer.state.invoices.get(Number(invoiceNumber))!.creditInvoiceNumbers.includes(i.invoiceNumber),
  )

/** Issue 6, points 1, 6 and 9 on the Payer side: planted session data, credits whose answer is lost, strict admin input. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore
    let keys = 0

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_payer-b2b_payer"])
    })

    afterEach(() => sandboxes.payer.setFaults({ failNext: 0, dropNext: 0, latencyMs: 0, only: undefined }))

    const ITEMS = () => [
      { variant_id: seed.chairVariantId, quantity: 2 },
      { variant_id: seed.coffeeVariantId, quantity: 3 },
    ]

    /** One invoice of 648.99 SEK (2 chairs, 3 coffee, shipping). */
    async function invoiced(customer: Record<string, unknown> = B2B_CUSTOMER) {
      const { order, session } = await b2bCheckout(api, seed, ITEMS(), customer)
      const result = await invoiceOrder(api, admin, getContainer(), seed, order.id)
      sandboxes.payer.clearRequests()
      return { ...result, session }
    }

    const keyed = (key = `hardening-${++keys}`) => ({ headers: { ...admin.headers, "idempotency-key": key } })
    const credit = (number: string, body: unknown, key?: string) =>
      api.post(`/admin/payer-invoices/${number}/credits`, body, keyed(key))

    it("a credit whose answer is lost stays 'unknown', holds its amount back, and the same key resolves it without a second credit", async () => {
      const { orderId, paymentId, invoice } = await invoiced()

      // Payer makes the credit, then every answer (the first try and both client retries) is lost.
      sandboxes.payer.setFaults({ dropNext: 3, only: "^POST /api/v2/orders/invoices/credit/" })
      const lost = await failing(credit(invoice.invoice_number, { type: "full" }, "full-credit-1"))
      sandboxes.payer.setFaults({ dropNext: 0, only: undefined })
      expect(lost.status).toBe(502)
      expect(lost.data.payer_invoice).toMatchObject({ status: "unknown", number: null })
      expect(lost.data.message).toMatch(/held back/)
      expect(creditsAtPayerOf(invoice.invoice_number)).toHaveLength(1)
      expect((await orderPayment(api, admin, orderId)).refunds ?? []).toEqual([])

      // Meanwhile Payer cannot be asked (lookups fail): nothing may spend the held amount.
      sandboxes.payer.setFaults({ failNext: 1000, only: "^GET /api/v2/orders/invoices$" })
      sandboxes.payer.clearRequests()
      const other = await failing(
        credit(invoice.invoice_number, {
          type: "manual",
          lines: [{ description: "Rabatt", quantity: 1, unit_amount: 10, vat_percent: 25 }],
        }),
      )
      expect([other.status, other.data.message]).toEqual([400, expect.stringContaining("lines: ")])
      const refund = await failing(api.post(`/admin/payments/${paymentId}/refund`, { amount: 10 }, admin))
      expect([refund.status, refund.data.message]).toEqual([400, expect.stringContaining("exceeds what remains")])
      expect(creditPosts()).toEqual([])
      sandboxes.payer.setFaults({ failNext: 0, only: undefined })

      // The admin repeats the request with the same key: found by its externalInvoiceNumber, recorded once.
      sandboxes.payer.clearRequests()
      const { data } = await credit(invoice.invoice_number, { type: "full" }, "full-credit-1")
      const [atPayer] = creditsAtPayerOf(invoice.invoice_number)
      expect(data.payer_invoice).toMatchObject({
        status: "issued",
        number: String(atPayer.invoiceNumber),
        total: 648.99,
      })
      expect(creditPosts()).toEqual([])
      expect(sandboxes.payer.requests.filter((r) => r.method === "GET" && r.query.externalInvoiceNumber)).toHaveLength(
        1,
      )
      expect(creditsAtPayerOf(invoice.invoice_number)).toHaveLength(1)
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount)).toEqual([648.99])
      const records = await payerRecords(getContainer(), orderId)
      expect(records.filter((r) => r.kind === "credit").map((r) => [r.status, r.medusa_recorded])).toEqual([
        ["issued", true],
      ])
    })

    it("a refund planned while a credit is unknown resolves it first: Payer had not made it, so it is sent once more with the same Payer-Request-ID", async () => {
      const { orderId, paymentId, invoice } = await invoiced()
      // Payer answers 503 three times without crediting: the outcome is unknown to the plugin.
      sandboxes.payer.setFaults({ failNext: 3, only: "^POST /api/v2/orders/invoices/credit/" })
      const lost = await failing(
        credit(
          invoice.invoice_number,
          { type: "manual", lines: [{ description: "Rabatt", quantity: 1, unit_amount: 100, vat_percent: 25 }] },
          "rabatt-unknown",
        ),
      )
      sandboxes.payer.setFaults({ failNext: 0, only: undefined })
      expect([lost.status, lost.data.payer_invoice.status]).toEqual([502, "unknown"])
      const firstId = creditPosts()[0].headers["payer-request-id"]
      sandboxes.payer.clearRequests()

      // 548.99 is what remains besides the held 100.00; the refund's planning makes the held credit first.
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 548.99 }, admin)
      const posts = creditPosts()
      expect(posts.map((r) => [r.path.split("/").pop(), r.headers["payer-request-id"] === firstId])).toEqual([
        ["manual", true],
        ["full", false],
      ])
      expect(creditsAtPayerOf(invoice.invoice_number).map((c) => c.totalAmount)).toEqual([10000, 54899])
      const credits = (await payerRecords(getContainer(), orderId)).filter((r) => r.kind === "credit")
      expect(credits.map((c) => c.status)).toEqual(["issued", "issued"])
      // the admin's request with its key now records its refund in Medusa, without calling Payer
      sandboxes.payer.clearRequests()
      await credit(
        invoice.invoice_number,
        { type: "manual", lines: [{ description: "Rabatt", quantity: 1, unit_amount: 100, vat_percent: 25 }] },
        "rabatt-unknown",
      )
      expect(creditPosts()).toEqual([])
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount).sort()).toEqual([100, 548.99])
    })

    it("a refund whose credit answer is lost stands in Medusa, stays held as 'unknown', and the next refund finds it at Payer instead of crediting it again", async () => {
      const { orderId, paymentId, invoice } = await invoiced()
      sandboxes.payer.setFaults({ dropNext: 3, only: "^POST /api/v2/orders/invoices/credit/" })
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin)
      sandboxes.payer.setFaults({ dropNext: 0, only: undefined })
      let credits = (await payerRecords(getContainer(), orderId)).filter((r) => r.kind === "credit")
      expect(credits.map((c) => [c.total_amount, c.status, c.medusa_recorded])).toEqual([[10000, "unknown", true]])
      expect(creditsAtPayerOf(invoice.invoice_number).map((c) => c.totalAmount)).toEqual([10000])

      // 548.99 more is everything that remains besides the held 100.00; the held credit is looked up, not resent
      sandboxes.payer.clearRequests()
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 548.99 }, admin)
      expect(creditPosts().map((r) => r.path.split("/").pop())).toEqual(["full"])
      expect(creditsAtPayerOf(invoice.invoice_number).map((c) => c.totalAmount)).toEqual([10000, 54899])
      credits = (await payerRecords(getContainer(), orderId)).filter((r) => r.kind === "credit")
      expect(credits.map((c) => [c.total_amount, c.status])).toEqual([
        [10000, "issued"],
        [54899, "issued"],
      ])
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount)).toEqual([100, 548.99])
    })

    it("the scheduled Payer job settles a refund's unknown credit by looking it up, without crediting again", async () => {
      const { orderId, paymentId, invoice } = await invoiced()
      sandboxes.payer.setFaults({ dropNext: 3, only: "^POST /api/v2/orders/invoices/credit/" })
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin)
      sandboxes.payer.setFaults({ dropNext: 0, only: undefined })
      const statuses = async () =>
        (await payerRecords(getContainer(), orderId)).filter((r) => r.kind === "credit").map((c) => c.status)
      expect(await statuses()).toEqual(["unknown"])
      sandboxes.payer.clearRequests()

      await syncPayerInvoicesJob(getContainer() as any)
      expect(await statuses()).toEqual(["issued"])
      expect(creditPosts()).toEqual([])
      expect(creditsAtPayerOf(invoice.invoice_number).map((c) => c.totalAmount)).toEqual([10000])
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount)).toEqual([100])
    })

    it("POST /admin/orders/:id/payer-invoices/resolve-credits settles an unknown admin credit and records its refund once", async () => {
      const { orderId, invoice } = await invoiced()
      sandboxes.payer.setFaults({ dropNext: 3, only: "^POST /api/v2/orders/invoices/credit/" })
      const lost = await failing(
        credit(invoice.invoice_number, {
          type: "manual",
          lines: [{ description: "Rabatt", quantity: 1, unit_amount: 20, vat_percent: 25 }],
        }),
      )
      sandboxes.payer.setFaults({ dropNext: 0, only: undefined })
      expect(lost.status).toBe(502)
      sandboxes.payer.clearRequests()

      const { data } = await api.post(`/admin/orders/${orderId}/payer-invoices/resolve-credits`, {}, admin)
      expect(data.payer_invoices.filter((r: any) => r.kind === "credit").map((r: any) => [r.status, r.total])).toEqual([
        ["issued", 20],
      ])
      expect(creditPosts()).toEqual([])
      expect(creditsAtPayerOf(invoice.invoice_number)).toHaveLength(1)
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount)).toEqual([20])
      await api.post(`/admin/orders/${orderId}/payer-invoices/resolve-credits`, {}, admin)
      expect((await orderPayment(api, admin, orderId)).refunds).toHaveLength(1)
      expect((await failing(api.post(`/admin/orders/${orderId}/payer-invoices/resolve-credits`, {}))).status).toBe(401)
    })

    it("the money-moving routes require an Idempotency-Key (400 naming it) and send nothing without one", async () => {
      const { invoice } = await invoiced()
      const { data: made } = await credit(invoice.invoice_number, {
        type: "manual",
        standalone: true,
        lines: [{ description: "Bonus", quantity: 1, unit_amount: 50, vat_percent: 25 }],
      })
      sandboxes.payer.clearRequests()
      const routes: Array<[string, unknown]> = [
        [`${invoice.invoice_number}/credits`, { type: "full" }],
        [`${made.payer_invoice.number}/pay-with-credit`, { to_invoice_number: invoice.invoice_number, amount: 1 }],
        [`${made.payer_invoice.number}/payout`, {}],
      ]
      for (const [path, body] of routes) {
        for (const header of [undefined, "", "k".repeat(101), "two words"]) {
          const headers = header === undefined ? admin.headers : { ...admin.headers, "idempotency-key": header }
          const res = await failing(api.post(`/admin/payer-invoices/${path}`, body, { headers }))
          expect([path, res.status, res.data.message]).toEqual([path, 400, expect.stringMatching(/^Idempotency-Key: /)])
        }
      }
      expect(writes()).toEqual([])

      // the same key twice: one pay-with-credit and one payout at Payer, the same answers
      const pay = (key: string) =>
        api.post(
          `/admin/payer-invoices/${made.payer_invoice.number}/pay-with-credit`,
          { to_invoice_number: invoice.invoice_number, amount: "10.00" },
          keyed(key),
        )
      const first = await pay("pay-1")
      const again = await pay("pay-1")
      expect(again.data.credit_invoice.outstanding).toBe(first.data.credit_invoice.outstanding)
      const payout = (key: string) =>
        api.post(`/admin/payer-invoices/${made.payer_invoice.number}/payout`, {}, keyed(key))
      const out1 = await payout("payout-1")
      const out2 = await payout("payout-1")
      expect(out2.data.payout).toEqual(out1.data.payout)
      expect(writes().map((r) => r.path.split("/").pop())).toEqual(["pay-with-credit", "payout-credit"])
      const conflict = await failing(
        api.post(
          `/admin/payer-invoices/${made.payer_invoice.number}/pay-with-credit`,
          { to_invoice_number: invoice.invoice_number, amount: 5 },
          keyed("pay-1"),
        ),
      )
      expect([conflict.status, conflict.data.message]).toEqual([422, expect.stringMatching(/^Idempotency-Key: /)])

      // a credit: the same key with another body is refused, not silently answered with the first credit
      const rabatt = (amount: number) =>
        credit(
          invoice.invoice_number,
          { type: "manual", lines: [{ description: "Rabatt", quantity: 1, unit_amount: amount, vat_percent: 25 }] },
          "credit-same-key",
        )
      const firstCredit = await rabatt(5)
      expect((await rabatt(5)).data.payer_invoice.number).toBe(firstCredit.data.payer_invoice.number)
      const otherBody = await failing(rabatt(6))
      expect([otherBody.status, otherBody.data.message]).toEqual([422, expect.stringMatching(/^Idempotency-Key: /)])
      expect(creditPosts()).toHaveLength(1)
    })

    it("a payout whose answer was lost: the retry's 409 finds it done, answers its amount once, and says the receipt is missing", async () => {
      const { invoice, orderId } = await invoiced()
      const { data: made } = await credit(invoice.invoice_number, {
        type: "manual",
        standalone: true,
        lines: [{ description: "Bonus", quantity: 1, unit_amount: 50, vat_percent: 25 }],
      })
      sandboxes.payer.clearRequests()
      // Payer pays out, the answer is lost; the client's retry with the same Payer-Request-ID gets 409
      sandboxes.payer.setFaults({ dropNext: 1, only: "^POST /api/v2/orders/invoices/payout-credit$" })
      const payout = () =>
        api.post(`/admin/payer-invoices/${made.payer_invoice.number}/payout`, {}, keyed("lost-payout"))
      const { data: first } = await payout()
      expect(first.payout).toMatchObject({ amount: 50, currency_code: "sek", payout_job_id: null })
      const { data: again } = await payout()
      expect(again.payout).toEqual(first.payout)
      const payouts = writes().filter((r) => r.path.endsWith("/payout-credit"))
      expect(payouts.map((r) => r.status)).toEqual(["dropped", 409])
      const [record] = (await payerRecords(getContainer(), orderId)).filter(
        (r: any) => String(r.invoice_number) === String(made.payer_invoice.number),
      )
      expect(record.last_error).toMatch(/receipt/)
    })

    it("refuses hex, binary and exponent amounts, 101 lines and another customer's invoice with a 400 naming the field; nothing reaches Payer", async () => {
      const mine = await invoiced()
      const theirs = await invoiced({
        ...B2B_CUSTOMER,
        company_name: "Annat Bolag AB",
        org_number: "202100-5489",
        vat_id: null,
      })
      const { data: made } = await credit(mine.invoice.invoice_number, {
        type: "manual",
        standalone: true,
        lines: [{ description: "Bonus", quantity: 1, unit_amount: 50, vat_percent: 25 }],
      })
      const creditNumber = made.payer_invoice.number
      sandboxes.payer.clearRequests()
      const line = (over: Record<string, unknown>) => ({
        description: "Rabatt",
        quantity: 1,
        unit_amount: 1,
        vat_percent: 25,
        ...over,
      })

      const creditCases: Array<[unknown, string]> = [
        [{ type: "manual", lines: [line({ unit_amount: "0x10" })] }, "lines[0].unit_amount"],
        [{ type: "manual", lines: [line({}), line({ unit_amount: "1e1" })] }, "lines[1].unit_amount"],
        [{ type: "manual", lines: [line({ unit_amount: "Infinity" })] }, "lines[0].unit_amount"],
        [{ type: "manual", lines: [line({ unit_amount: " 10" })] }, "lines[0].unit_amount"],
        [{ type: "manual", lines: [line({ vat_percent: "0b1" })] }, "lines[0].vat_percent"],
        [{ type: "manual", lines: Array.from({ length: 101 }, () => line({ unit_amount: "0.01" })) }, "lines"],
        [{ type: "partial", items: Array.from({ length: 101 }, () => ({ position: 1, quantity: 1 })) }, "items"],
      ]
      for (const [body, field] of creditCases) {
        const res = await failing(credit(mine.invoice.invoice_number, body))
        expect([field, res.status, res.data.message]).toEqual([field, 400, expect.stringContaining(`${field}: `)])
      }
      const payCases: Array<[unknown, string]> = [
        [{ to_invoice_number: mine.invoice.invoice_number, amount: "0x10" }, "amount"],
        [{ to_invoice_number: mine.invoice.invoice_number, amount: "1e1" }, "amount"],
        [{ to_invoice_number: mine.invoice.invoice_number, amount: "+10" }, "amount"],
        [{ to_invoice_number: mine.invoice.invoice_number, amount: 10.001 }, "amount"],
        [{ to_invoice_number: mine.invoice.invoice_number, amount: 51 }, "amount"],
        [{ to_invoice_number: theirs.invoice.invoice_number, amount: 10 }, "to_invoice_number"],
        [{ to_invoice_number: "0x10", amount: 10 }, "to_invoice_number"],
      ]
      for (const [body, field] of payCases) {
        const res = await failing(api.post(`/admin/payer-invoices/${creditNumber}/pay-with-credit`, body, keyed()))
        expect([field, res.status, res.data.message]).toEqual([field, 400, expect.stringContaining(`${field}: `)])
      }
      expect(writes()).toEqual([])
      const records = await payerRecords(getContainer(), mine.orderId)
      expect(records.filter((r) => r.kind === "credit")).toHaveLength(1)
    })

    it("keeps nothing the storefront planted in the session data, and a forged pending_refund never stops a refund from being credited once", async () => {
      const planted = {
        ...B2B_CUSTOMER,
        pending_refund: { amount_minor: 10000, credit_invoice_number: "1", mac: "forged" },
        personnummer: "196003071161",
        payex_action: "authorize",
      }
      const { orderId, paymentId, session } = await invoiced(planted)
      const paymentModule: any = getContainer().resolve(Modules.PAYMENT)
      const [stored] = await paymentModule.listPaymentSessions({ id: session.id })
      const payment = await paymentModule.retrievePayment(paymentId, { select: ["id", "data"] })
      for (const data of [stored.data, payment.data]) {
        expect(JSON.stringify(data)).not.toContain("196003071161")
        expect([data.pending_refund ?? null, data.personnummer ?? null, data.payex_action ?? null]).toEqual([
          null,
          null,
          null,
        ])
        expect(data).toMatchObject({ company_name: B2B_CUSTOMER.company_name, org_number: "556036-0793" })
      }

      // A marker for exactly this amount, not signed by the plugin (as payment data carried over from anywhere else would be)
      await paymentModule.updatePayment({
        id: paymentId,
        data: {
          ...payment.data,
          pending_refund: { amount_minor: 10000, credit_invoice_number: "1", mac: "A".repeat(43) },
        },
      })
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin)
      expect(creditPosts().map((r) => r.path.split("/").pop())).toEqual(["manual"])
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount)).toEqual([100])
      const credits = (await payerRecords(getContainer(), orderId)).filter((r) => r.kind === "credit")
      expect(credits.map((c) => [c.total_amount, c.status, c.medusa_recorded])).toEqual([[10000, "issued", true]])
    })
  },
})
