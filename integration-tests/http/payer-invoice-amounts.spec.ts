/**
 * The invoice records through this module's own migrations: amount columns hold amounts beyond 32 bits (numeric)
 * and the module service still hands them out as plain JS numbers of minor units; a record may be "unknown".
 */
import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PAYER_INVOICE_MODULE } from "../../src/modules/payer-invoice"
import type PayerInvoiceModuleService from "../../src/modules/payer-invoice/service"

jest.setTimeout(120000)

const BIG = 123456789012 // 1 234 567 890.12 SEK: far beyond the old integer columns' 2^31 - 1
const record = (source: string, amounts: Record<string, number> = {}) => ({
  order_id: "order_amounts",
  source,
  reference_id: `ref-${source}`,
  currency_code: "sek",
  kind: "invoice" as const,
  status: "issued" as const,
  invoice_number: "1001",
  total_amount: BIG,
  vat_amount: 24691357802,
  credited_amount: 0,
  outstanding_amount: BIG,
  ...amounts,
})

moduleIntegrationTestRunner<PayerInvoiceModuleService>({
  moduleName: PAYER_INVOICE_MODULE,
  resolve: path.join(__dirname, "../../src/modules/payer-invoice"),
  pathToMigrations: path.join(__dirname, "../../src/modules/payer-invoice/migrations"),
  testSuite: ({ service }) => {
    it("stores and reads amounts beyond 2^31 exactly, as JS numbers, with and without lines", async () => {
      const created = await service.createPayerInvoices(record("fulfillment:big"))
      expect(created).toMatchObject({ total_amount: BIG, vat_amount: 24691357802, outstanding_amount: BIG })
      expect(created).not.toHaveProperty("raw_total_amount")
      await service.createPayerInvoiceLines([
        {
          invoice_id: created.id,
          position: 1,
          description: "Fabrik",
          quantity: 1,
          unit_amount: BIG,
          total_amount: BIG,
          vat_basis_points: 2500,
        },
      ] as never)
      const [read] = await service.listPayerInvoices({ id: created.id }, { relations: ["lines"] })
      expect(read.total_amount).toBe(BIG)
      expect(typeof read.total_amount).toBe("number")
      expect(read.lines[0]).toMatchObject({ unit_amount: BIG, total_amount: BIG })
      expect(typeof read.lines[0].unit_amount).toBe("number")
      const retrieved = await service.retrievePayerInvoice(created.id)
      expect(retrievedAmounts(retrieved)).toEqual([BIG, 24691357802, 0, BIG])
      const updated = await service.updatePayerInvoices({
        id: created.id,
        credited_amount: 2 ** 40,
        outstanding_amount: BIG - 2 ** 40,
      })
      expect(retrievedAmounts(updated)).toEqual([BIG, 24691357802, 2 ** 40, BIG - 2 ** 40])
      const [[counted], count] = await service.listAndCountPayerInvoices({ id: created.id })
      expect([counted.credited_amount, count]).toEqual([2 ** 40, 1])
      const [line] = await service.listPayerInvoiceLines({ invoice_id: created.id } as never)
      expect([line.unit_amount, line.total_amount]).toEqual([BIG, BIG])
    })

    it('keeps a credit whose outcome is unknown as status "unknown" (sent to Payer, answer lost)', async () => {
      const created = await service.createPayerInvoices(record("refund:lost", { total_amount: 2500 }))
      const unknown = await service.updatePayerInvoices({
        id: created.id,
        kind: "credit",
        status: "unknown",
        invoice_number: null,
      })
      expect(unknown).toMatchObject({ status: "unknown", kind: "credit", total_amount: 2500 })
      expect((await service.listPayerInvoices({ status: "unknown" })).map((r) => r.id)).toEqual([created.id])
    })

    it("refuses to write an amount that is not a safe integer, naming the field, and writes nothing", async () => {
      await expect(
        service.createPayerInvoices(record("fulfillment:unsafe", { total_amount: 2 ** 53 })),
      ).rejects.toThrow("payer_invoice.total_amount must be a whole number of minor units")
      await expect(service.createPayerInvoices(record("fulfillment:fraction", { vat_amount: 12.5 }))).rejects.toThrow(
        "payer_invoice.vat_amount",
      )
      expect(await service.listPayerInvoices({ source: ["fulfillment:unsafe", "fulfillment:fraction"] })).toEqual([])
    })
  },
})

function retrievedAmounts(r: {
  total_amount: unknown
  vat_amount: unknown
  credited_amount: unknown
  outstanding_amount: unknown
}) {
  return [r.total_amount, r.vat_amount, r.credited_amount, r.outstanding_amount]
}
