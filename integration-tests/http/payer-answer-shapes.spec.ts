/**
 * A whole Payer credit (invoice per fulfillment -> refund and admin credits -> credit records issued with Payer's
 * numbers) with Payer answering the invoice at the top level and under `invoice` alike, and the admin answer of
 * an invoice whose amounts are beyond 32 bits.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { b2bCheckout } from "../helpers/b2b"
import { useSandboxes } from "../helpers/environment"
import { invoiceOrder, orderPayment, payerRecords } from "../helpers/payer-credits"
import { seedSwedishStore, SeededStore } from "../helpers/seed"

const sandboxes = useSandboxes()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let seed: SeededStore
    let keys = 0
    const keyed = () => ({ headers: { ...admin.headers, "idempotency-key": `shapes-${++keys}` } })

    beforeAll(async () => {
      admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, ["pp_payex-invoice_payex", "pp_payer-b2b_payer"])
    })
    afterEach(() => {
      sandboxes.payer.setAnswerShapes("default")
    })

    /** 2 chairs (250.00, 25 %), 3 coffee (33.33, 12 %), shipping 49.00: one invoice of 648.99 SEK. */
    async function invoiced() {
      const { order } = await b2bCheckout(api, seed, [
        { variant_id: seed.chairVariantId, quantity: 2 },
        { variant_id: seed.coffeeVariantId, quantity: 3 },
      ])
      return invoiceOrder(api, admin, getContainer(), seed, order.id)
    }

    it.each([
      ["default: invoice creation { invoice }, credits and lookups at the top level", "default"],
      ["swapped: invoice creation at the top level, credits and lookups under invoice", "swapped"],
    ] as const)("credits a whole order when Payer answers %s", async (_what, shapes) => {
      sandboxes.payer.setAnswerShapes(shapes)
      const { orderId, paymentId, invoice } = await invoiced()
      const atPayer = sandboxes.payer.getInvoice(Number(invoice.invoice_number))!
      expect(invoice).toMatchObject({ status: "issued", total_amount: 64899, ocr: atPayer.referenceNumber })

      // a refund becomes a manual credit, an admin credit takes a position, a second refund the rest in full
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, admin)
      const chair = invoice.lines.find((l: any) => l.unit_amount === 25000)
      const { data } = await api.post(
        `/admin/payer-invoices/${invoice.invoice_number}/credits`,
        { type: "partial", items: [{ position: chair.position, quantity: 1 }] },
        keyed(),
      )
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 298.99 }, admin)

      const credits = [...sandboxes.payer.state.invoices.values()].filter(
        (i) => i.type === "CREDIT" && i.orderId === atPayer.orderId,
      )
      expect(credits.map((c) => c.totalAmount)).toEqual([10000, 25000, 29899])
      const records = await payerRecords(getContainer(), orderId)
      const creditRecords = records.filter((r) => r.kind === "credit")
      expect(creditRecords.map((r) => [r.status, r.invoice_number, r.ocr, r.total_amount, r.medusa_recorded])).toEqual(
        credits.map((c) => ["issued", String(c.invoiceNumber), c.referenceNumber, c.totalAmount, true]),
      )
      expect(data.payer_invoice).toMatchObject({
        kind: "credit",
        number: String(credits[1].invoiceNumber),
        total: 250,
        credited_invoice_number: invoice.invoice_number,
      })
      expect((await orderPayment(api, admin, orderId)).refunds.map((r: any) => r.amount).sort()).toEqual(
        [100, 250, 298.99].sort(),
      )
      expect(sandboxes.payer.getInvoice(Number(invoice.invoice_number))).toMatchObject({
        status: "CREDITED",
        outstandingAmount: 0,
      })
    })

    it("answers amounts beyond 2^31 minor units exactly in the admin list", async () => {
      const { orderId, invoice } = await invoiced()
      const service: any = getContainer().resolve("payerInvoice")
      await service.updatePayerInvoices({
        id: invoice.id,
        total_amount: 123456789012,
        vat_amount: 24691357803,
        outstanding_amount: 123456789012,
      })
      const { data } = await api.get(`/admin/orders/${orderId}/payer-invoices`, admin)
      expect(data.payer_invoices[0]).toMatchObject({
        total: 1234567890.12,
        vat: 246913578.03,
        outstanding: 1234567890.12,
        credited: 0,
      })
      // Medusa's query reads the records through the same module service: plain numbers of minor units there too
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "payer_invoices.id", "payer_invoices.total_amount"],
        filters: { id: orderId },
      })
      expect(order.payer_invoices).toEqual([expect.objectContaining({ id: invoice.id, total_amount: 123456789012 })])
    })
  },
})
