import { serializePayerInvoice, serializePayerInvoices } from "../payer-invoice-response"

const record = {
  id: "pinv_1",
  kind: "invoice",
  status: "issued",
  invoice_number: "1001",
  ocr: "10017",
  reference_id: "pinv_1",
  payer_order_id: "700001",
  fulfillment_id: "ful_1",
  credited_invoice_number: null,
  currency_code: "sek",
  total_amount: 33233,
  vat_amount: 6337,
  credited_amount: 3333,
  outstanding_amount: 29900,
  payer_status: "PARTIALLY_CREDITED",
  due_date: "2026-01-31",
  public_url: "https://payer.example/i/1",
  last_error: null,
  created_at: new Date("2025-12-01T10:00:00Z"),
  medusa_recorded: true,
  lines: [
    {
      position: 2,
      description: "Kaffe",
      quantity: 1,
      unit_amount: 3333,
      total_amount: 3333,
      vat_basis_points: 1200,
      line_item_id: "item_c",
      shipping_method_id: null,
      credited_quantity: 1,
    },
    {
      position: 1,
      description: "Stol",
      quantity: 1,
      unit_amount: 25000,
      total_amount: 25000,
      vat_basis_points: 2500,
      line_item_id: "item_s",
      shipping_method_id: null,
      credited_quantity: 0,
    },
    {
      position: 3,
      description: "Shipping",
      quantity: 1,
      unit_amount: 4900,
      total_amount: 4900,
      vat_basis_points: 2500,
      line_item_id: null,
      shipping_method_id: "ordsm_1",
      credited_quantity: 0,
    },
  ],
}

describe("serializePayerInvoice", () => {
  it("answers amounts in major units, VAT in percent and lines by position", () => {
    const out = serializePayerInvoice(record)
    expect(out).toMatchObject({
      id: "pinv_1",
      kind: "invoice",
      status: "issued",
      number: "1001",
      ocr: "10017",
      total: 332.33,
      vat: 63.37,
      credited: 33.33,
      outstanding: 299,
      currency_code: "sek",
      payer_status: "PARTIALLY_CREDITED",
      created_at: "2025-12-01T10:00:00.000Z",
    })
    expect(
      out.lines.map((l) => [
        l.position,
        l.unit_amount,
        l.total,
        l.vat_percent,
        l.line_item_id,
        l.shipping_method_id,
        l.credited_quantity,
      ]),
    ).toEqual([
      [1, 250, 250, 25, "item_s", null, 0],
      [2, 33.33, 33.33, 12, "item_c", null, 1],
      [3, 49, 49, 25, null, "ordsm_1", 0],
    ])
    expect(out).not.toHaveProperty("medusa_recorded")
  })

  it("lists the newest last", () => {
    const older = { ...record, id: "pinv_0", created_at: "2025-11-01T10:00:00Z", lines: [] }
    expect(serializePayerInvoices([record, older]).map((r) => r.id)).toEqual(["pinv_0", "pinv_1"])
  })
})

describe("serializePayerInvoice amounts", () => {
  it("serializes a record with amounts beyond 2^31 exactly", () => {
    const big = {
      ...record,
      total_amount: 123456789012,
      vat_amount: 24691357802,
      credited_amount: 0,
      outstanding_amount: 123456789012,
      lines: [{ ...record.lines[0], unit_amount: 123456789012, total_amount: 123456789012, vat_basis_points: 1250 }],
    }
    const out = serializePayerInvoice(big)
    expect([out.total, out.vat, out.credited, out.outstanding]).toEqual([1234567890.12, 246913578.02, 0, 1234567890.12])
    expect(out.lines[0]).toMatchObject({ unit_amount: 1234567890.12, total: 1234567890.12, vat_percent: 12.5 })
  })
})
