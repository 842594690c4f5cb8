import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PAYER_SANDBOX_CLIENT_ID, PAYER_SANDBOX_CLIENT_SECRET } from "../../sandbox/payer"
import type { RecordedRequest } from "../../sandbox/shared/server"
import { PayerClient } from "../../src/lib/payer"
import { createAdminHeaders } from "../helpers/admin"
import { PAYER_PROVIDER } from "../helpers/b2b"
import { useSandboxes } from "../helpers/environment"
import { orderPayment, payerRecords } from "../helpers/payer-credits"
import { payerInvoiceKit } from "../helpers/payer-invoices"
import { seedSwedishStore, SeededStore } from "../helpers/seed"

/**
 * Round trips to Payer per action, counted at the sandbox (issue 10): a fulfillment's invoice is exactly
 * createOrder, approve, createInvoice; a credit is exactly the credit call; one OAuth token serves the whole
 * process. The sandbox records every request, so each action's list is the slice recorded while it ran.
 */
const sandboxes = useSandboxes()

const TOKEN = "POST /oauth2/token"
const INVOICE_CALLS = ["POST /api/v2/orders", "PUT /api/v2/orders/:id/approve", "POST /api/v2/orders/:id/invoices"]

/** A request as its kind: method and path, Payer's order ids as :id (the lookups' query is left out on purpose). */
const kindOf = (r: RecordedRequest) => `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, "/:id")}`

/** Lets anything an action set off in the background reach the sandbox before its calls are counted. */
const settle = () => new Promise((r) => setTimeout(r, 500))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_payex-invoice_payex", PAYER_PROVIDER])
    })

    const { checkout, fulfill, invoiced } = payerInvoiceKit({
      api,
      getContainer,
      admin: () => admin,
      seed: () => seed,
      payer: () => sandboxes.payer,
    })

    let keys = 0
    const credit = (invoiceNumber: string, body: unknown) =>
      api.post(`/admin/payer-invoices/${invoiceNumber}/credits`, body, {
        headers: { ...admin.headers, "idempotency-key": `call-counts-${++keys}` },
      })

    /** The kinds of the Payer requests `action` made (waited for, then settled). */
    async function callsOf(action: () => Promise<unknown>): Promise<string[]> {
      const from = sandboxes.payer.requests.length
      await action()
      await settle()
      return sandboxes.payer.requests.slice(from).map(kindOf)
    }

    const withoutToken = (kinds: string[]) => kinds.filter((k) => k !== TOKEN)

    it("invoices each fulfillment with createOrder, approve and createInvoice, credits with one call, on one token", async () => {
      const tokensAtStart = sandboxes.payer.tokensIssued
      const { order, chair, coffee } = await checkout()
      const byAction: Record<string, string[]> = {}

      let first!: string
      byAction.firstFulfillment = await callsOf(async () => {
        first = await fulfill(order.id, [
          { id: chair.id, quantity: 1 },
          { id: coffee.id, quantity: 1 },
        ])
        await invoiced(first)
      })
      let second!: string
      byAction.secondFulfillment = await callsOf(async () => {
        second = await fulfill(order.id, [
          { id: chair.id, quantity: 1 },
          { id: coffee.id, quantity: 2 },
        ])
        await invoiced(second)
      })
      const [a, b] = [await invoiced(first), await invoiced(second)]

      // The token, when this process had none yet, comes first; then the three calls, nothing before or after.
      expect(withoutToken(byAction.firstFulfillment)).toEqual(INVOICE_CALLS)
      expect(byAction.firstFulfillment.slice(0, -3).every((k) => k === TOKEN)).toBe(true)
      expect(byAction.secondFulfillment).toEqual(INVOICE_CALLS)

      // Each kind of admin credit: the credit call itself, no read before or after.
      byAction.manualCredit = await callsOf(() =>
        credit(a.invoice_number, {
          type: "manual",
          lines: [{ description: "Rabatt", quantity: 1, unit_amount: 10, vat_percent: 25 }],
        }),
      )
      const chairLine = b.lines.find((l: any) => l.line_item_id === chair.id)
      byAction.partialCredit = await callsOf(() =>
        credit(b.invoice_number, { type: "partial", items: [{ position: chairLine.position, quantity: 1 }] }),
      )
      byAction.fullCredit = await callsOf(() => credit(a.invoice_number, { type: "full" }))
      expect(byAction.manualCredit).toEqual(["POST /api/v2/orders/invoices/credit/manual"])
      expect(byAction.partialCredit).toEqual(["POST /api/v2/orders/invoices/credit/partial"])
      expect(byAction.fullCredit).toEqual(["POST /api/v2/orders/invoices/credit/full"])

      // A refund from the admin's refund button becomes one credit too.
      const { id: paymentId } = await orderPayment(api, admin, order.id)
      byAction.adminRefund = await callsOf(() => api.post(`/admin/payments/${paymentId}/refund`, { amount: 10 }, admin))
      expect(byAction.adminRefund).toEqual(["POST /api/v2/orders/invoices/credit/manual"])

      // Without the reads, the records still say what Payer says about every invoice of the order.
      const records = await payerRecords(getContainer(), order.id)
      for (const record of records) {
        const atPayer = sandboxes.payer.getInvoice(Number(record.invoice_number))!
        expect([record.invoice_number, record.payer_status, record.outstanding_amount]).toEqual([
          record.invoice_number,
          atPayer.status,
          atPayer.outstandingAmount,
        ])
        if (record.kind === "invoice") expect(Number(record.credited_amount)).toBe(atPayer.creditedAmount)
      }

      // Another client of this process with the same credentials (a script, a second module instance) has it too.
      const other = new PayerClient({
        clientId: PAYER_SANDBOX_CLIENT_ID,
        clientSecret: PAYER_SANDBOX_CLIENT_SECRET,
        baseUrl: sandboxes.payer.url,
      })
      byAction.otherClientRead = await callsOf(() => other.getInvoice({ invoiceNumber: Number(a.invoice_number) }))
      expect(byAction.otherClientRead).toEqual(["GET /api/v2/orders/invoices"])

      // One token for everything this process asked of Payer.
      const tokenRequests = Object.values(byAction)
        .flat()
        .filter((k) => k === TOKEN)
      expect(tokenRequests.length).toBeLessThanOrEqual(1)
      expect(sandboxes.payer.tokensIssued - tokensAtStart).toBe(tokenRequests.length)
      expect(sandboxes.payer.tokensIssued).toBeLessThanOrEqual(1)
      // Printed for the record of issue 10 (calls per action at the sandbox).
      process.stdout.write(`Payer calls per action: ${JSON.stringify(byAction, null, 2)}\n`)
    })
  },
})
