import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createAdminHeaders } from "../helpers/admin"
import { b2bCheckout } from "../helpers/b2b"
import { useSandboxes, waitFor } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { failing } from "../helpers/store"
import { invoiceOrder, orderPayment, payerRecords } from "../helpers/payer-credits"
import { creditPayerRefundWorkflow } from "../../src/workflows/payer/credit-refund"

const sandboxes = useSandboxes()

const creditCalls = () =>
  sandboxes.payer.requests.filter((r) => r.method === "POST" && /\/invoices\/credit\//.test(r.path))
const writes = () => sandboxes.payer.requests.filter((r) => r.method !== "GET" && r.path !== "/oauth2/token")
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_payex-invoice_payex", "pp_payer-b2b_payer"])
    })

    /** 2 chairs (250.00, 25 %), 3 coffee (33.33, 12 %), shipping 49.00 (25 %): one invoice of 648.99 SEK. */
    async function invoiced() {
      const { order } = await b2bCheckout(api, seed, [
        { variant_id: seed.chairVariantId, quantity: 2 },
        { variant_id: seed.coffeeVariantId, quantity: 3 },
      ])
      const result = await invoiceOrder(api, admin, getContainer(), seed, order.id)
      sandboxes.payer.clearRequests()
      return result
    }

    let keys = 0
    /** Admin headers with a fresh Idempotency-Key (the money-moving routes require one). */
    const keyed = (key = `test-key-${++keys}`) => ({ headers: { ...admin.headers, "idempotency-key": key } })
    const credit = (number: string, body: unknown, headers: Record<string, string> = {}) =>
      api.post(`/admin/payer-invoices/${number}/credits`, body, { headers: { ...keyed().headers, ...headers } })

    it("credits the invoice of a canceled fulfillment in full, once, and records the refund", async () => {
      const { orderId, invoice } = await invoiced()
      await api.post(`/admin/orders/${orderId}/fulfillments/${invoice.fulfillment_id}/cancel`, {}, admin)
      const payment = await waitFor("the refund of the canceled fulfillment", async () => {
        const p = await orderPayment(api, admin, orderId)
        return p.refunds?.length ? p : null
      })
      expect(payment.refunds.map((r: any) => r.amount)).toEqual([648.99])
      expect(creditCalls().map((r) => r.path)).toEqual(["/api/v2/orders/invoices/credit/full"])
      // The event delivered again credits nothing more.
      await (getContainer().resolve(Modules.EVENT_BUS) as any).emit({
        name: "order.fulfillment_canceled",
        data: { order_id: orderId, fulfillment_id: invoice.fulfillment_id },
      })
      await new Promise((r) => setTimeout(r, 1000))
      expect(creditCalls()).toHaveLength(1)
      const records = await payerRecords(getContainer(), orderId)
      expect(records.filter((r) => r.kind === "credit")).toHaveLength(1)
      expect(records[0]).toEqual(expect.objectContaining({ credited_amount: 64899, outstanding_amount: 0 }))
    })

    it("turns an admin refund of the whole invoice into one full Payer credit and one Medusa refund", async () => {
      const { orderId, paymentId, invoice } = await invoiced()
      expect(invoice.total_amount).toBe(64899)

      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 648.99 }, admin)

      const calls = creditCalls()
      expect(calls.map((r) => r.path)).toEqual(["/api/v2/orders/invoices/credit/full"])
      expect(calls[0].body).toEqual(
        expect.objectContaining({
          invoiceNumber: Number(invoice.invoice_number),
          externalInvoiceNumber: expect.any(String),
        }),
      )
      expect(calls[0].headers["payer-request-id"]).toMatch(/^[0-9a-f-]{36}$/)
      expect(sandboxes.payer.getInvoice(Number(invoice.invoice_number))).toEqual(
        expect.objectContaining({ status: "CREDITED", outstandingAmount: 0 }),
      )

      const payment = await orderPayment(api, admin, orderId)
      expect(payment.refunds.map((r: any) => r.amount)).toEqual([648.99])
      const [original, creditRecord] = await payerRecords(getContainer(), orderId)
      expect(original).toEqual(
        expect.objectContaining({ credited_amount: 64899, outstanding_amount: 0, payer_status: "CREDITED" }),
      )
      expect(creditRecord).toEqual(
        expect.objectContaining({
          kind: "credit",
          source: `refund:${payment.refunds[0].id}`,
          total_amount: 64899,
          status: "issued",
          medusa_recorded: true,
        }),
      )
      expect(original.lines.every((l: any) => l.credited_quantity === l.quantity)).toBe(true)

      // the same refund handled again (a retried provider call) finds its credit: nothing new at Payer
      const again = { order_id: orderId, payment_id: paymentId, refund_id: payment.refunds[0].id, amount_minor: 64899 }
      await creditPayerRefundWorkflow(getContainer()).run({ input: again })
      expect([creditCalls().length, (await payerRecords(getContainer(), orderId)).length]).toEqual([1, 2])
    })

    it("credits a smaller admin refund with manual lines split over the invoice's VAT rates", async () => {
      const { orderId, paymentId, invoice } = await invoiced()
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin)

      const calls = creditCalls()
      expect(calls.map((r) => r.path)).toEqual(["/api/v2/orders/invoices/credit/manual"])
      // 549.00 at 25 % (chairs + shipping) and 99.99 at 12 %, in proportion: 84.59 + 15.41
      expect(calls[0].body.items.map((i: any) => [i.subtotalPrice, i.vatPercentage])).toEqual([
        [8459, 2500],
        [1541, 1200],
      ])
      const payment = await orderPayment(api, admin, orderId)
      expect(payment.refunds.map((r: any) => r.amount)).toEqual([100])
      const [original, creditRecord] = await payerRecords(getContainer(), orderId)
      expect(original).toEqual(
        expect.objectContaining({
          credited_amount: 10000,
          outstanding_amount: 54899,
          payer_status: "PARTIALLY_CREDITED",
        }),
      )
      expect(creditRecord.lines.map((l: any) => l.total_amount)).toEqual([8459, 1541])
      expect(sandboxes.payer.getInvoice(Number(invoice.invoice_number))!.outstandingAmount).toBe(54899)
    })

    it("credits positions from the admin, records the refund in Medusa once and never calls Payer twice", async () => {
      const { orderId, invoice } = await invoiced()
      const chair = invoice.lines.find((l: any) => l.unit_amount === 25000)!

      const { data } = await credit(invoice.invoice_number, {
        type: "partial",
        items: [{ position: chair.position, quantity: 1 }],
      })

      expect(data.payer_invoice).toEqual(
        expect.objectContaining({
          kind: "credit",
          total: 250,
          credited_invoice_number: invoice.invoice_number,
          number: expect.any(String),
        }),
      )
      expect(data.payer_invoice.lines).toEqual([
        expect.objectContaining({ position: chair.position, quantity: 1, total: 250, vat_percent: 25 }),
      ])
      expect(creditCalls().map((r) => [r.path, r.body.items])).toEqual([
        ["/api/v2/orders/invoices/credit/partial", [{ position: chair.position, quantity: 1 }]],
      ])
      const payment = await orderPayment(api, admin, orderId)
      expect(payment.refunds.map((r: any) => r.amount)).toEqual([250])
      expect(payment.data.pending_refund ?? null).toBeNull()
      const [original] = await payerRecords(getContainer(), orderId)
      expect(original.lines.find((l: any) => l.position === chair.position).credited_quantity).toBe(1)
      expect(original.credited_amount).toBe(25000)

      // one chair is left; two admins credit it at the same moment: one wins, the other gets a 400 before Payer
      const body = { type: "partial", items: [{ position: chair.position, quantity: 1 }] }
      const both = await Promise.allSettled([
        credit(invoice.invoice_number, body),
        credit(invoice.invoice_number, body),
      ])
      const lost = both.find((r): r is PromiseRejectedResult => r.status === "rejected")!
      expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      expect([lost.reason.response.status, lost.reason.response.data.message]).toEqual([
        400,
        expect.stringContaining("items[0].quantity"),
      ])
      expect(creditCalls()).toHaveLength(2)
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount)).toEqual([250, 250])
    })

    it("issues a manual credit in major units with the given VAT rate and records it as a refund", async () => {
      const { orderId, invoice } = await invoiced()
      const { data } = await credit(invoice.invoice_number, {
        type: "manual",
        lines: [{ description: "Skadad förpackning", quantity: 2, unit_amount: 12.5, vat_percent: 25 }],
      })
      expect(data.payer_invoice).toEqual(expect.objectContaining({ total: 25, kind: "credit" }))
      expect(creditCalls()[0].body.items).toEqual([
        expect.objectContaining({
          description: "Skadad förpackning",
          quantity: 2,
          unitPrice: 1250,
          subtotalPrice: 2500,
          vatPercentage: 2500,
        }),
      ])
      const payment = await orderPayment(api, admin, orderId)
      expect(payment.refunds.map((r: any) => r.amount)).toEqual([25])
    })

    it("refuses over-crediting with a 400 naming the field, and sends nothing to Payer", async () => {
      const { orderId, invoice } = await invoiced()
      const cases: Array<[unknown, string]> = [
        [{ type: "partial", items: [{ position: invoice.lines[0].position, quantity: 99 }] }, "items[0].quantity"],
        [{ type: "partial", items: [{ position: 42, quantity: 1 }] }, "items[0].position"],
        [
          { type: "manual", lines: [{ description: "Too much", quantity: 1, unit_amount: 649, vat_percent: 25 }] },
          "lines",
        ],
        [
          {
            type: "manual",
            lines: [
              { description: "ok", quantity: 1, unit_amount: 1, vat_percent: 25 },
              { description: "x", quantity: 1, unit_amount: 1.001, vat_percent: 25 },
            ],
          },
          "lines[1].unit_amount",
        ],
        [
          { type: "manual", lines: [{ description: "x", quantity: 1, unit_amount: 1, vat_percent: 12.345 }] },
          "lines[0].vat_percent",
        ],
      ]
      for (const [body, field] of cases) {
        const res = await failing(credit(invoice.invoice_number, body))
        expect([res.status, res.data.message]).toEqual([400, expect.stringContaining(`${field}:`)])
      }
      // fully credited: a full credit has nothing left
      await credit(invoice.invoice_number, { type: "full" })
      sandboxes.payer.clearRequests()
      const again = await failing(credit(invoice.invoice_number, { type: "full" }))
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/fully credited/)
      expect(writes()).toEqual([])
      const unknown = await failing(credit("999999", { type: "full" }))
      expect(unknown.status).toBe(404)
      const payment = await orderPayment(api, admin, orderId)
      expect(payment.refunds.map((r: any) => r.amount)).toEqual([648.99])
    })

    it("makes one credit for one Idempotency-Key, however often the admin sends it", async () => {
      const { orderId, invoice } = await invoiced()
      const body = { type: "manual", lines: [{ description: "Rabatt", quantity: 1, unit_amount: 10, vat_percent: 25 }] }
      const first = await credit(invoice.invoice_number, body, { "idempotency-key": "rabatt-1" })
      const second = await credit(invoice.invoice_number, body, { "idempotency-key": "rabatt-1" })
      expect(second.data.payer_invoice.number).toBe(first.data.payer_invoice.number)
      expect(creditCalls()).toHaveLength(1)
      expect((await orderPayment(api, admin, orderId)).refunds).toHaveLength(1)
    })

    it("sends a copy of an invoice, refusing delivery type NONE", async () => {
      const { invoice } = await invoiced()
      const { data } = await api.post(
        `/admin/payer-invoices/${invoice.invoice_number}/send`,
        { delivery_type: "PRINT" },
        admin,
      )
      expect(data).toEqual({ sent: true })
      const sends = sandboxes.payer.state.invoices.get(Number(invoice.invoice_number))!.sends
      expect(sends.map((s: any) => s.deliveryType)).toEqual(["PRINT"])
      const put = sandboxes.payer.requests.find((r) => r.method === "PUT" && r.path.endsWith("/send"))!
      expect(put.headers["payer-request-id"]).toMatch(/^[0-9a-f-]{36}$/)

      sandboxes.payer.clearRequests()
      const none = await failing(
        api.post(`/admin/payer-invoices/${invoice.invoice_number}/send`, { delivery_type: "NONE" }, admin),
      )
      expect(none.status).toBe(400)
      expect(none.data.message).toContain("delivery_type")
      expect(writes()).toEqual([])
    })

    it("pays another invoice with a standalone credit and pays the rest of the credit out", async () => {
      const a = await invoiced()
      const b = await invoiced()
      const { data: made } = await credit(a.invoice.invoice_number, {
        type: "manual",
        standalone: true,
        lines: [{ description: "Bonus", quantity: 1, unit_amount: 50, vat_percent: 25 }],
      })
      expect(made.payer_invoice).toEqual(expect.objectContaining({ standalone: true, total: 50, outstanding: 50 }))
      expect(creditCalls()[0].body.standalone).toBe(true)
      const creditNumber = made.payer_invoice.number

      const { data: paid } = await api.post(
        `/admin/payer-invoices/${creditNumber}/pay-with-credit`,
        { to_invoice_number: b.invoice.invoice_number, amount: 30 },
        keyed(),
      )
      expect(paid.credit_invoice.outstanding).toBe(20)
      expect(paid.invoice.outstanding).toBe(648.99 - 30)
      const pay = sandboxes.payer.requests.find((r) => r.path.endsWith("/pay-with-credit"))!
      expect(pay.body).toEqual({
        creditInvoiceNumber: Number(creditNumber),
        toPayInvoiceNumber: Number(b.invoice.invoice_number),
        amount: 3000,
      })

      const { data: out } = await api.post(`/admin/payer-invoices/${creditNumber}/payout`, {}, keyed())
      expect(out.payout).toEqual(
        expect.objectContaining({
          amount: 20,
          currency_code: "sek",
          masked_account_number: "****1234",
          payout_job_id: expect.any(String),
        }),
      )
      expect(out.credit_invoice.outstanding).toBe(0)
      expect(sandboxes.payer.getInvoice(Number(creditNumber))!.status).toBe("PAID")

      // a normal invoice cannot be used as a credit, and Payer's own refusal keeps its message
      const wrong = await failing(api.post(`/admin/payer-invoices/${b.invoice.invoice_number}/payout`, {}, keyed()))
      expect(wrong.status).toBe(400)
      const empty = await failing(api.post(`/admin/payer-invoices/${creditNumber}/payout`, {}, keyed()))
      expect([empty.status, empty.data.message]).toEqual([400, expect.stringContaining("nothing left to pay out")])

      // Payer leaves the standalone credit out of A's creditedAmount (so does the status sync); it still counts
      await getContainer().resolve<any>("payerInvoice").updatePayerInvoices({ id: a.invoice.id, credited_amount: 0 })
      sandboxes.payer.clearRequests()
      const over = await failing(
        credit(a.invoice.invoice_number, {
          type: "manual",
          lines: [{ description: "All", quantity: 1, unit_amount: 648.99, vat_percent: 25 }],
        }),
      )
      expect([over.status, writes()]).toEqual([400, []])
      expect((await credit(a.invoice.invoice_number, { type: "full" })).data.payer_invoice.total).toBe(598.99)
    })

    it("keeps Medusa's books equal to the Payer credits: refunds sum to the credits and the order balances", async () => {
      const { orderId, paymentId, invoice } = await invoiced()
      const chair = invoice.lines.find((l: any) => l.unit_amount === 25000)!
      await credit(invoice.invoice_number, { type: "partial", items: [{ position: chair.position, quantity: 1 }] })
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 33.33 }, admin)
      await credit(invoice.invoice_number, {
        type: "manual",
        lines: [{ description: "Frakt", quantity: 1, unit_amount: 49, vat_percent: 25 }],
      })

      const credits = (await payerRecords(getContainer(), orderId)).filter((r: any) => r.kind === "credit")
      expect(credits).toHaveLength(3)
      const payment = await orderPayment(api, admin, orderId)
      expect(sum(payment.refunds.map((r: any) => r.amount))).toBe(sum(credits.map((c: any) => c.total_amount / 100)))
      expect(sum(payment.refunds.map((r: any) => r.amount))).toBe(332.33)
      const {
        data: { order },
      } = await api.get(`/admin/orders/${orderId}?fields=summary,total`, admin)
      expect(order.summary).toEqual(
        expect.objectContaining({
          paid_total: 648.99,
          refunded_total: 332.33,
          transaction_total: 316.66,
          pending_difference: 0,
        }),
      )
      expect(sandboxes.payer.getInvoice(Number(invoice.invoice_number))!.outstandingAmount).toBe(64899 - 33233)
    })

    it("credits a refund over two invoices: the older one in full, the rest manually on the newer one", async () => {
      const { order } = await b2bCheckout(api, seed, [
        { variant_id: seed.chairVariantId, quantity: 2 },
        { variant_id: seed.coffeeVariantId, quantity: 3 },
      ])
      const { paymentId, invoices } = await invoiceOrder(api, admin, getContainer(), seed, order.id, (o) => {
        const chair = o.items.find((i: any) => i.variant_id === seed.chairVariantId)
        const coffee = o.items.find((i: any) => i.variant_id === seed.coffeeVariantId)
        return [
          [{ id: chair.id, quantity: 1 }],
          [
            { id: chair.id, quantity: 1 },
            { id: coffee.id, quantity: 3 },
          ],
        ]
      })
      // 250.00 + 49.00 shipping, then 250.00 + 99.99
      expect(invoices.map((i) => i.total_amount)).toEqual([29900, 34999])
      sandboxes.payer.clearRequests()

      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 400 }, admin)

      const calls = creditCalls()
      expect(calls.map((r) => [r.path.split("/").pop(), r.body.invoiceNumber])).toEqual([
        ["full", Number(invoices[0].invoice_number)],
        ["manual", Number(invoices[1].invoice_number)],
      ])
      expect(calls[1].body.items.map((i: any) => [i.subtotalPrice, i.vatPercentage])).toEqual([
        [7214, 2500],
        [2886, 1200],
      ])
      expect((await orderPayment(api, admin, order.id)).refunds.map((r: any) => r.amount)).toEqual([400])
      const records = await payerRecords(getContainer(), order.id)
      expect(records.filter((r) => r.kind === "invoice").map((r) => [r.credited_amount, r.outstanding_amount])).toEqual(
        [
          [29900, 0],
          [10100, 24899],
        ],
      )
      expect(records.filter((r) => r.kind === "credit").map((r) => r.source)).toEqual([
        expect.stringMatching(/^refund:[^:]+$/),
        expect.stringMatching(/^refund:[^:]+:2$/),
      ])
    })

    it("credits a received return by the positions of the returned items and records the refund", async () => {
      const { orderId, invoice, order } = await invoiced()
      const chairItem = order.items.find((i: any) => i.variant_id === seed.chairVariantId)
      const chairLine = invoice.lines.find((l: any) => l.line_item_id === chairItem.id)
      const {
        data: { return: ret },
      } = await api.post("/admin/returns", { order_id: orderId, location_id: seed.locationId }, admin)
      await api.post(`/admin/returns/${ret.id}/request-items`, { items: [{ id: chairItem.id, quantity: 1 }] }, admin)
      await api.post(`/admin/returns/${ret.id}/request`, {}, admin)
      await api.post(`/admin/returns/${ret.id}/receive`, {}, admin)
      await api.post(`/admin/returns/${ret.id}/receive-items`, { items: [{ id: chairItem.id, quantity: 1 }] }, admin)
      await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, admin)

      const credit = await waitFor("the return's credit", async () => {
        const found = (await payerRecords(getContainer(), orderId)).find((r) =>
          r.source.startsWith(`return:${ret.id}:`),
        )
        return found?.medusa_recorded ? found : null
      })
      expect(creditCalls().map((r) => [r.path.split("/").pop(), r.body.items])).toEqual([
        ["partial", [{ position: chairLine.position, quantity: 1 }]],
      ])
      expect(credit).toEqual(expect.objectContaining({ total_amount: 25000, status: "issued" }))
      expect(credit.lines).toEqual([
        expect.objectContaining({ position: chairLine.position, line_item_id: chairItem.id, quantity: 1 }),
      ])
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount)).toEqual([250])
      const {
        data: { order: after },
      } = await api.get(`/admin/orders/${orderId}?fields=summary`, admin)
      expect(after.summary.pending_difference).toBe(0)
    })

    it("answers 401 to unauthenticated admin calls and sends nothing", async () => {
      const { invoice } = await invoiced()
      for (const [path, body] of [
        ["credits", { type: "full" }],
        ["send", { delivery_type: "EMAIL" }],
        ["pay-with-credit", { to_invoice_number: invoice.invoice_number, amount: 1 }],
        ["payout", {}],
      ] as const) {
        const res = await failing(api.post(`/admin/payer-invoices/${invoice.invoice_number}/${path}`, body))
        expect(res.status).toBe(401)
      }
      expect(writes()).toEqual([])
    })
  },
})
