/**
 * The Payer status sync in a real Medusa against the Payer sandbox: capped runs that continue from a stored
 * cursor and wrap around, old open records (overdue, an unused credit) that do not pin the start, and two
 * runs at once of which one does the work.
 */
import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useSandboxes } from "../helpers/environment"
import { sandboxInvoice, sandboxInvoices } from "../helpers/payer-sandbox-invoices"
import { syncPayerInvoicesWorkflow } from "../../src/workflows/payer/sync-invoices"
import type PayerInvoiceModuleService from "../../src/modules/payer-invoice/service"

const sandboxes = useSandboxes()

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const service = () => getContainer().resolve("payerInvoice") as PayerInvoiceModuleService
    const batchCalls = () =>
      sandboxes.payer.requests
        .filter((r) => r.path === "/api/v2/orders/invoices/batch")
        .map((r) => Number(r.query.fromInvoiceNumber))
    const sync = (input: { max_calls?: number; max_seconds?: number } = {}) =>
      syncPayerInvoicesWorkflow(getContainer())
        .run({ input })
        .then((r) => r.result)

    /** Our records for these invoice numbers, as the invoice workflow leaves them. */
    async function records(numbers: number[], payerStatus = "UNPAID") {
      await service().createPayerInvoices(
        numbers.map((n) => ({
          order_id: "order_sync",
          source: `sync:${n}:${randomUUID()}`,
          reference_id: `ref-${n}`,
          currency_code: "sek",
          kind: "invoice" as const,
          status: "issued" as const,
          invoice_number: String(n),
          payer_status: payerStatus,
          total_amount: 10000,
          outstanding_amount: 10000,
        })),
      )
    }
    const record = async (n: number) => (await service().listPayerInvoices({ invoice_number: String(n) }))[0]

    /**
     * 1001: an invoice overdue for months; 1002: a standalone credit of it nobody uses; then 138 invoices of which
     * ours are 1021, 1041, ... 1121, one per batch page: a whole cycle is 7 calls (1001 and 1002 share a page).
     */
    async function manyInvoices() {
      sandboxes.payer.reset()
      const client = service().getPayerClient()
      const first = await sandboxInvoice(client)
      const credit = await client.creditFull(
        { invoiceNumber: first, standalone: true, externalInvoiceNumber: `sa-${randomUUID().slice(0, 8)}` },
        randomUUID(),
      )
      await sandboxInvoices(client, 138)
      sandboxes.payer.markOverdue(first)
      const ours = [1021, 1041, 1061, 1081, 1101, 1121]
      await records([first, credit.invoice.invoiceNumber], "OVERDUE")
      await records(ours)
      await service().updatePayerInvoices({
        id: (await record(credit.invoice.invoiceNumber)).id,
        kind: "credit",
        payer_status: "UNPAID",
      })
      sandboxes.payer.clearRequests()
      return { first, credit: credit.invoice.invoiceNumber, ours }
    }

    it("stops at the call cap, stores where to continue, resumes there and wraps around; old open records do not pin the start", async () => {
      const { first, credit } = await manyInvoices()
      expect([first, credit]).toEqual([1001, 1002])

      const run1 = await sync({ max_calls: 3 })
      expect(run1).toMatchObject({
        skipped: null,
        from_invoice_number: 1001,
        pages: 3,
        next_cursor: 1061,
        stopped_by: "calls",
        completed_cycle: false,
      })
      expect(batchCalls()).toEqual([1001, 1021, 1041])
      const [state] = await service().listPayerSyncStates({ name: "invoice-status" })
      expect(state.next_invoice_number).toBe("1061")

      sandboxes.payer.markPaid(1081) // the customer pays one ahead of the cursor
      sandboxes.payer.markPaid(1021) // and one behind it
      const run2 = await sync({ max_calls: 3 })
      expect(run2).toMatchObject({ from_invoice_number: 1061, pages: 3, next_cursor: 1121 })
      expect(await record(1081)).toMatchObject({ payer_status: "PAID", outstanding_amount: 0 })
      expect(await record(1021)).toMatchObject({ payer_status: "UNPAID", outstanding_amount: 10000 })

      const run3 = await sync({ max_calls: 3 })
      expect(run3).toMatchObject({ from_invoice_number: 1121, pages: 3, next_cursor: 1041, stopped_by: "calls" })
      expect(await record(1021)).toMatchObject({ payer_status: "PAID", outstanding_amount: 0 })
      expect(batchCalls()).toEqual([1001, 1021, 1041, 1061, 1081, 1101, 1121, 1001, 1021])

      // With room for a whole cycle, a run goes round once: from the cursor to the end and from the start back to it.
      // 1021 and 1081 are settled now and no longer asked for.
      sandboxes.payer.clearRequests()
      const run4 = await sync()
      expect(run4).toMatchObject({
        from_invoice_number: 1041,
        pages: 5,
        next_cursor: null,
        completed_cycle: true,
        stopped_by: null,
      })
      expect(batchCalls()).toEqual([1041, 1061, 1101, 1121, 1001])
      expect(await record(1001)).toMatchObject({ payer_status: "OVERDUE" })
    })

    it("stops at the seconds cap before another call", async () => {
      await manyInvoices()
      sandboxes.payer.setFaults({ latencyMs: 1200 })
      try {
        const run = await sync({ max_seconds: 1 })
        expect(run).toMatchObject({ pages: 1, next_cursor: 1021, stopped_by: "seconds" })
        expect(batchCalls()).toEqual([1001])
      } finally {
        sandboxes.payer.setFaults({ latencyMs: 0 })
      }
    })

    it("two runs at once: one does the work, the other skips while the lock is held", async () => {
      await manyInvoices()
      sandboxes.payer.setFaults({ latencyMs: 150 })
      try {
        const results = await Promise.all([sync(), sync()])
        const [done, skipped] = results[0].skipped ? [results[1], results[0]] : results
        expect(skipped).toMatchObject({ skipped: "locked", pages: 0 })
        expect(done).toMatchObject({ skipped: null, pages: 7, completed_cycle: true })
        expect(batchCalls()).toEqual([1001, 1021, 1041, 1061, 1081, 1101, 1121])
      } finally {
        sandboxes.payer.setFaults({ latencyMs: 0 })
      }
      // the lock is given back: the next run works
      expect(await sync({ max_calls: 1 })).toMatchObject({ skipped: null, pages: 1 })
    })
  },
})
