import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { syncPayerInvoicesWorkflow } from "../../src/workflows/payer/sync-invoices"
import { createAdminHeaders } from "../helpers/admin"
import { B2B_CUSTOMER, PAYER_PROVIDER } from "../helpers/b2b"
import { useSandboxes, waitFor } from "../helpers/environment"
import { payerInvoiceKit } from "../helpers/payer-invoices"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, failing } from "../helpers/store"

const sandboxes = useSandboxes()

/** The fault switch's `only`: createInvoice calls, not the /invoices/... lookups and credits. */
const ONLY_CREATE_INVOICE = "^POST /api/v2/orders/\\d+/invoices$"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_payex-invoice_payex", PAYER_PROVIDER])
    })

    const {
      payerModule,
      checkout,
      fulfill,
      recordsOf,
      recordOf,
      invoiced,
      payment,
      orderPosts,
      approvalsOf,
      invoicePostsOf,
      invoicesAtPayerOf,
    } = payerInvoiceKit({ api, getContainer, admin: () => admin, seed: () => seed, payer: () => sandboxes.payer })

    it("refuses a business checkout whose organisation number is wrong, naming org_number", async () => {
      const res = await failing(
        cartWithPaymentSession(api, seed, [{ variant_id: seed.bookVariantId, quantity: 1 }], PAYER_PROVIDER, {
          ...B2B_CUSTOMER,
          org_number: "556036-0794",
        }),
      )
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/org_number/)
    })

    it("invoices the first partial fulfillment with exactly its items and records one capture of that amount", async () => {
      const { order, chair, coffee } = await checkout()
      expect(order.total).toBe(648.99)
      const fulfillmentId = await fulfill(order.id, [
        { id: chair.id, quantity: 1 },
        { id: coffee.id, quantity: 1 },
      ])
      const record = await invoiced(fulfillmentId)

      const posts = orderPosts([record.reference_id])
      expect(posts).toHaveLength(1)
      const body = posts[0].body as any
      expect(record.reference_id.length).toBeLessThanOrEqual(48)
      expect(body).toMatchObject({
        currencyCode: "SEK",
        purchaseChannel: "ECOMMERCE",
        invoiceCustomer: {
          customerType: "ORGANISATION",
          regNumber: "5560360793",
          vatId: "SE556036079301",
          address: {
            companyName: "Ekbacken Möbler AB",
            streetAddress1: "Storgatan 1",
            zipCode: "19792",
            city: "Bro",
            countryCode: "SE",
            emailAddress: "faktura@ekbacken.example",
            phoneNumber: "+46701234567",
            yourReference: "Anna Andersson",
          },
        },
      })
      // 1 chair (250.00 at 25 %), 1 of 3 coffees (33.33 at 12 %), shipping on the first invoice (49.00 at 25 %)
      const items = [...body.items].sort((a: any, b: any) => a.position - b.position)
      expect(items.map((i: any) => i.position)).toEqual([1, 2, 3])
      expect(
        items
          .map((i: any) => [i.description, i.quantity, i.unitPrice, i.subtotalPrice, i.vatPercentage])
          .slice(0, 2)
          .sort(),
      ).toEqual([
        ["Kaffe Mellanrost", 1, 3333, 3333, 1200],
        ["Stol Ekbacken", 1, 25000, 25000, 2500],
      ])
      expect(items[2]).toMatchObject({
        itemType: "FREEFORM",
        description: "Shipping: PostNord",
        quantity: 1,
        unitPrice: 4900,
        subtotalPrice: 4900,
        vatPercentage: 2500,
      })
      expect(items.reduce((s: number, i: any) => s + i.subtotalPrice, 0)).toBe(33233)

      const invoice = sandboxes.payer.getInvoice(Number(record.invoice_number))!
      expect(invoice.totalAmount).toBe(33233)
      expect(invoice.referenceNumber).toBe(record.ocr)
      expect(record).toMatchObject({
        status: "issued",
        payer_status: "UNPAID",
        total_amount: 33233,
        outstanding_amount: 33233,
        public_url: invoice.publicInvoiceUrl,
      })
      const byPosition = [...record.lines].sort((a: any, b: any) => a.position - b.position)
      expect(byPosition.map((l: any) => l.line_item_id ?? l.shipping_method_id)).toEqual([
        ...items.slice(0, 2).map((i: any) => (i.description === "Stol Ekbacken" ? chair.id : coffee.id)),
        order.shipping_methods[0].id,
      ])

      const paid = await payment(order.id)
      expect(paid.captures.map((c: any) => c.amount)).toEqual([332.33])
      expect(paid.captured_at).toBeFalsy()
      const {
        data: { order: balance },
      } = await api.get(`/admin/orders/${order.id}?fields=summary`, admin)
      expect(balance.summary).toMatchObject({ paid_total: 332.33, pending_difference: 316.66 })
    })

    it("invoices two fulfillments created back to back separately, ends captured, and answers both on the admin route", async () => {
      const { order, chair, coffee } = await checkout()
      const first = await fulfill(order.id, [
        { id: chair.id, quantity: 1 },
        { id: coffee.id, quantity: 1 },
      ])
      const second = await fulfill(order.id, [
        { id: chair.id, quantity: 1 },
        { id: coffee.id, quantity: 2 },
      ])
      const [a, b] = [await invoiced(first), await invoiced(second)]
      expect(a.total_amount).toBe(33233)
      // the rest: 1 chair and the coffee line's last two units, 66.66, no shipping
      expect(b.total_amount).toBe(25000 + 6666)
      expect(
        orderPosts([b.reference_id])[0]
          .body.items.map((i: any) => i.description)
          .sort(),
      ).toEqual(["Kaffe Mellanrost", "Stol Ekbacken"])
      expect(a.invoice_number).not.toBe(b.invoice_number)

      const paid = await waitFor("the payment to end captured", async () => {
        const p = await payment(order.id)
        return p.captured_at ? p : null
      })
      expect(paid.captures.map((c: any) => c.amount).sort()).toEqual([316.66, 332.33])

      const { data } = await api.get(`/admin/orders/${order.id}/payer-invoices`, admin)
      expect(data.payer_invoices.map((i: any) => i.fulfillment_id)).toEqual([first, second])
      expect(data.payer_invoices[0]).toMatchObject({
        kind: "invoice",
        status: "issued",
        number: a.invoice_number,
        ocr: a.ocr,
        reference_id: a.reference_id,
        payer_order_id: a.payer_order_id,
        currency_code: "sek",
        total: 332.33,
        credited: 0,
        outstanding: 332.33,
        payer_status: "UNPAID",
        last_error: null,
      })
      expect(data.payer_invoices[0].public_url).toMatch(/^http/)
      expect(data.payer_invoices[0].due_date).toMatch(/^\d{4}-\d{2}-\d{2}/)
      expect(data.payer_invoices[1].lines.map((l: any) => [l.position, l.total, l.vat_percent])).toEqual(
        expect.arrayContaining([
          [expect.any(Number), 250, 25],
          [expect.any(Number), 66.66, 12],
        ]),
      )
      expect(data.payer_invoices[0].lines.find((l: any) => l.shipping_method_id)).toMatchObject({
        total: 49,
        unit_amount: 49,
        quantity: 1,
        vat_percent: 25,
      })
    })

    it("handles the fulfillment event delivered twice more with one invoice and no second call to Payer", async () => {
      const { order, chair } = await checkout([{ variant_id: seed.chairVariantId, quantity: 1 }])
      const fulfillmentId = await fulfill(order.id, [{ id: chair.id, quantity: 1 }])
      const record = await invoiced(fulfillmentId)
      const callsBefore = sandboxes.payer.requests.length

      const eventBus = getContainer().resolve(Modules.EVENT_BUS) as any
      const delivered = TestEventUtils.waitSubscribersExecution("order.fulfillment_created", eventBus, {
        triggerCount: 2,
      })
      const data = { order_id: order.id, fulfillment_id: fulfillmentId, no_notification: false }
      await Promise.all([
        eventBus.emit({ name: "order.fulfillment_created", data }),
        eventBus.emit({ name: "order.fulfillment_created", data }),
      ])
      await delivered

      expect(await recordsOf(order.id)).toHaveLength(1)
      expect(sandboxes.payer.requests.slice(callsBefore).filter((r) => r.method !== "GET")).toEqual([])
      expect(orderPosts([record.reference_id])).toHaveLength(1)
      expect(invoicesAtPayerOf([record.payer_order_id])).toHaveLength(1)
      expect((await payment(order.id)).captures).toHaveLength(1)

      // Delivered again while the first delivery is still talking to a slow Payer: the runs queue behind each other.
      const { order: slow, chair: slowChair } = await checkout([{ variant_id: seed.chairVariantId, quantity: 1 }])
      sandboxes.payer.setFaults({ latencyMs: 300 })
      try {
        const slowFulfillment = await fulfill(slow.id, [{ id: slowChair.id, quantity: 1 }])
        const duplicate = { order_id: slow.id, fulfillment_id: slowFulfillment, no_notification: false }
        await Promise.all([
          eventBus.emit({ name: "order.fulfillment_created", data: duplicate }),
          eventBus.emit({ name: "order.fulfillment_created", data: duplicate }),
        ])
        const slowRecord = await invoiced(slowFulfillment)
        await new Promise((r) => setTimeout(r, 2000)) // let the queued deliveries finish
        expect(slowRecord.attempt).toBe(0)
        expect(orderPosts([slowRecord.reference_id]).map((r) => r.status)).toEqual([200])
        expect(invoicesAtPayerOf([slowRecord.payer_order_id])).toHaveLength(1)
        expect(await recordsOf(slow.id)).toHaveLength(1)
        expect((await payment(slow.id)).captures).toHaveLength(1)
      } finally {
        sandboxes.payer.setFaults({ latencyMs: 0 })
      }
    })

    it("survives lost Payer answers: a new Payer order after a createOrder 409, the invoice found again after a createInvoice 409", async () => {
      const { order, chair } = await checkout([{ variant_id: seed.chairVariantId, quantity: 1 }])
      // createOrder is handled but its answer is lost; the client's retry (same request id) gets 409.
      sandboxes.payer.setFaults({ dropNext: 1, only: "^POST /api/v2/orders$" })
      const first = await fulfill(order.id, [{ id: chair.id, quantity: 1 }])
      const record = await invoiced(first)
      sandboxes.payer.setFaults({ dropNext: 0, only: undefined })
      expect(record.attempt).toBe(1)
      expect(record.reference_id).toBe(`${record.id}-1`)
      const posts = orderPosts([record.id, `${record.id}-1`])
      expect(posts.map((r) => r.status)).toEqual(["dropped", 409, 200])
      expect(new Set(posts.map((r) => r.headers["payer-request-id"])).size).toBe(2)
      expect(invoicePostsOf(record.payer_order_id).map((r) => r.status)).toEqual([200])

      // createInvoice is handled but its answer is lost: the 409 of the retry is recovered by referenceId.
      const { order: order2, chair: chair2 } = await checkout([{ variant_id: seed.chairVariantId, quantity: 1 }])
      sandboxes.payer.setFaults({ dropNext: 1, only: ONLY_CREATE_INVOICE })
      const second = await invoiced(await fulfill(order2.id, [{ id: chair2.id, quantity: 1 }]))
      sandboxes.payer.setFaults({ dropNext: 0, only: undefined })
      expect(invoicePostsOf(second.payer_order_id).map((r) => r.status)).toEqual(["dropped", 409])
      expect(invoicesAtPayerOf([second.payer_order_id]).map((i) => String(i.invoiceNumber))).toEqual([
        second.invoice_number,
      ])
      expect((await payment(order2.id)).captures.map((c: any) => c.amount)).toEqual([299])
    })

    it("serves at least 20 Payer calls with one token, and every fulfillment adds up to the order total", async () => {
      const { order, chair, coffee, book } = await checkout([
        { variant_id: seed.chairVariantId, quantity: 3 },
        { variant_id: seed.coffeeVariantId, quantity: 3 },
        { variant_id: seed.bookVariantId, quantity: 1 },
      ])
      await syncPayerInvoicesWorkflow(getContainer()).run() // makes sure the client holds a token
      const tokensBefore = sandboxes.payer.tokensIssued
      const callsBefore = sandboxes.payer.requests.length
      const units = [chair, chair, chair, coffee, coffee, coffee, book]
      const ids: string[] = []
      for (const line of units) ids.push(await fulfill(order.id, [{ id: line.id, quantity: 1 }]))
      const records = await Promise.all(ids.map(invoiced))

      const calls = sandboxes.payer.requests.slice(callsBefore)
      expect(calls.length).toBeGreaterThanOrEqual(21)
      expect(calls.filter((r) => r.path === "/oauth2/token" || r.status === 401)).toEqual([])
      expect(sandboxes.payer.tokensIssued).toBe(tokensBefore)
      expect(records.reduce((s, r) => s + r.total_amount, 0)).toBe(Math.round(order.total * 100))
      expect((await payment(order.id)).captured_at).toBeTruthy()
    })

    it("renews an expired token once and carries on", async () => {
      const { order, chair } = await checkout([{ variant_id: seed.chairVariantId, quantity: 1 }])
      await syncPayerInvoicesWorkflow(getContainer()).run()
      sandboxes.payer.expireAllTokens()
      const tokensBefore = sandboxes.payer.tokensIssued
      const callsBefore = sandboxes.payer.requests.length
      await invoiced(await fulfill(order.id, [{ id: chair.id, quantity: 1 }]))
      expect(sandboxes.payer.tokensIssued).toBe(tokensBefore + 1)
      const calls = sandboxes.payer.requests.slice(callsBefore)
      expect(calls.filter((r) => r.status === 401)).toHaveLength(1)
      expect(calls.filter((r) => r.path === "/oauth2/token")).toHaveLength(1)
    })

    it("shows a Payer 503 on createInvoice on the record, then issues through the retry route without a duplicate order or invoice", async () => {
      const { order, chair } = await checkout([{ variant_id: seed.chairVariantId, quantity: 1 }])
      sandboxes.payer.setFaults({ failNext: 3, only: ONLY_CREATE_INVOICE }) // the first try and both client retries
      const fulfillmentId = await fulfill(order.id, [{ id: chair.id, quantity: 1 }])
      const failed = await waitFor("the failure on the record", async () => {
        const r = await recordOf(fulfillmentId)
        return r?.status === "failed" ? r : null
      })
      sandboxes.payer.setFaults({ failNext: 0, only: undefined })
      expect(failed).toMatchObject({ step: "approved", invoice_number: null, medusa_recorded: false })
      const { data: listed } = await api.get(`/admin/orders/${order.id}/payer-invoices`, admin)
      expect(listed.payer_invoices).toHaveLength(1)
      expect(listed.payer_invoices[0]).toMatchObject({ status: "failed", number: null })
      expect(listed.payer_invoices[0].last_error).toMatch(/503/)
      expect(listed.payer_invoices[0].last_error).not.toMatch(/sandbox-secret|Bearer/)
      expect((await payment(order.id)).captures).toHaveLength(0)

      const { data } = await api.post(
        `/admin/orders/${order.id}/payer-invoices/issue`,
        { fulfillment_id: fulfillmentId },
        admin,
      )
      expect(data.payer_invoice).toMatchObject({ id: failed.id, status: "issued", total: 299, last_error: null })
      expect(data.payer_invoice.number).toMatch(/^\d+$/)
      expect(orderPosts([failed.reference_id])).toHaveLength(1)
      expect(approvalsOf(failed.payer_order_id)).toHaveLength(1)
      const invoicePosts = invoicePostsOf(failed.payer_order_id)
      expect(invoicePosts.map((r) => r.status)).toEqual([503, 503, 503, 200])
      expect(new Set(invoicePosts.map((r) => r.headers["payer-request-id"])).size).toBe(1)
      expect(invoicesAtPayerOf([failed.payer_order_id])).toHaveLength(1)
      expect((await payment(order.id)).captures.map((c: any) => c.amount)).toEqual([299])

      const again = await api.post(
        `/admin/orders/${order.id}/payer-invoices/issue`,
        { fulfillment_id: fulfillmentId },
        admin,
      )
      expect(again.data.payer_invoice.number).toBe(data.payer_invoice.number)
      expect(invoicePostsOf(failed.payer_order_id)).toHaveLength(4)
      const unknown = await failing(
        api.post(`/admin/orders/${order.id}/payer-invoices/issue`, { fulfillment_id: "ful_nope" }, admin),
      )
      expect(unknown.status).toBe(404)
      const invalid = await failing(api.post(`/admin/orders/${order.id}/payer-invoices/issue`, {}, admin))
      expect(invalid.status).toBe(400)
    })

    it("answers 401 to unauthenticated calls of the invoice routes", async () => {
      const { order } = await checkout([{ variant_id: seed.bookVariantId, quantity: 1 }])
      expect((await failing(api.get(`/admin/orders/${order.id}/payer-invoices`))).status).toBe(401)
      expect(
        (await failing(api.post(`/admin/orders/${order.id}/payer-invoices/issue`, { fulfillment_id: "ful_1" }))).status,
      ).toBe(401)
      const { data } = await api.get(`/admin/orders/${order.id}/payer-invoices`, admin)
      expect(data).toEqual({ payer_invoices: [] })
      expect((await failing(api.get(`/admin/orders/order_nope/payer-invoices`, admin))).status).toBe(404)
    })

    it("syncs payments made at Payer into the records, paging through the batch", async () => {
      const { order, chair } = await checkout([{ variant_id: seed.chairVariantId, quantity: 1 }])
      const early = await invoiced(await fulfill(order.id, [{ id: chair.id, quantity: 1 }]))
      // 21 invoices of other shops in between, so the sync has to follow nextInvoiceNumber
      const client = payerModule().getPayerClient()
      for (let i = 0; i < 21; i++) {
        const ref = `other-${Date.now()}-${i}`
        const { orderId } = await client.createOrder(
          {
            currencyCode: "SEK",
            purchaseChannel: "ECOMMERCE",
            referenceId: ref,
            invoiceCustomer: {
              customerType: "ORGANISATION",
              regNumber: "5560360793",
              address: {
                companyName: "Other AB",
                streetAddress1: "Väg 1",
                zipCode: "11111",
                city: "Sthlm",
                countryCode: "SE",
              },
            },
            items: [
              {
                itemType: "FREEFORM",
                position: 1,
                description: "x",
                quantity: 1,
                unit: "pcs",
                unitPrice: 100,
                subtotalPrice: 100,
                vatPercentage: 2500,
              },
            ],
          },
          crypto.randomUUID(),
        )
        await client.approveOrder(orderId, crypto.randomUUID())
        await client.createInvoice(
          orderId,
          { dueDays: 10, deliveryType: "NONE", orderReferenceId: ref },
          crypto.randomUUID(),
        )
      }
      const { order: order2, chair: chair2 } = await checkout([{ variant_id: seed.chairVariantId, quantity: 1 }])
      const late = await invoiced(await fulfill(order2.id, [{ id: chair2.id, quantity: 1 }]))

      sandboxes.payer.markPaid(Number(early.invoice_number))
      sandboxes.payer.markPaid(Number(late.invoice_number), 10000)
      const callsBefore = sandboxes.payer.requests.length
      const { result } = await syncPayerInvoicesWorkflow(getContainer()).run()
      expect(result).toMatchObject({ from_invoice_number: Number(early.invoice_number), updated: 2 })
      expect(result.pages).toBeGreaterThanOrEqual(2)
      expect(
        sandboxes.payer.requests
          .slice(callsBefore)
          .every((r) => r.method === "GET" && r.path.endsWith("/invoices/batch")),
      ).toBe(true)

      const { data } = await api.get(`/admin/orders/${order.id}/payer-invoices`, admin)
      expect(data.payer_invoices[0]).toMatchObject({ payer_status: "PAID", outstanding: 0, total: 299 })
      const { data: data2 } = await api.get(`/admin/orders/${order2.id}/payer-invoices`, admin)
      expect(data2.payer_invoices[0]).toMatchObject({ payer_status: "PARTIALLY_PAID", outstanding: 199 })

      // settled invoices are no longer followed: the next sync starts at the partially paid one
      const { result: next } = await syncPayerInvoicesWorkflow(getContainer()).run()
      expect(next).toMatchObject({ from_invoice_number: Number(late.invoice_number), pages: 1, updated: 0 })
    })
  },
})
