import { checkWrite, INVOICE_AMOUNT_FIELDS, readInvoice, safeMinorUnits } from "../amount-columns"

describe("amount columns", () => {
  it("reads numeric columns as plain safe integers and drops the raw_ companions, lines included", () => {
    const stored = {
      id: "pinv_1",
      total_amount: 123456789012,
      raw_total_amount: { value: "123456789012", precision: 20 },
      vat_amount: "2500",
      credited_amount: null,
      raw_credited_amount: { value: "7", precision: 20 },
      outstanding_amount: 0,
      lines: [
        {
          id: "l1",
          unit_amount: 3333,
          raw_unit_amount: { value: "3333" },
          total_amount: "6666",
          raw_total_amount: { value: "6666" },
        },
      ],
    }
    expect(readInvoice(stored)).toEqual({
      id: "pinv_1",
      total_amount: 123456789012,
      vat_amount: 2500,
      credited_amount: 7,
      outstanding_amount: 0,
      lines: [{ id: "l1", unit_amount: 3333, total_amount: 6666 }],
    })
  })

  it("refuses what a JS number cannot hold exactly, naming the field", () => {
    expect(() => readInvoice({ id: "x", total_amount: 2 ** 53 })).toThrow(
      "payer_invoice.total_amount must be a whole number of minor units within ±9007199254740991 (got 9007199254740992)",
    )
    expect(() => safeMinorUnits({ value: "12.5" }, "payer_invoice_line.unit_amount")).toThrow(
      "payer_invoice_line.unit_amount must be a whole number",
    )
    expect(() => checkWrite([{ id: "a", outstanding_amount: 1.5 }], INVOICE_AMOUNT_FIELDS, "payer_invoice")).toThrow(
      "payer_invoice.outstanding_amount",
    )
    expect(() =>
      checkWrite({ selector: { id: "a" }, data: { vat_amount: 0.1 } }, INVOICE_AMOUNT_FIELDS, "payer_invoice"),
    ).toThrow("payer_invoice.vat_amount")
    expect(() =>
      checkWrite(
        [{ id: "a", total_amount: 42, credited_amount: null }, "pinv_b"],
        INVOICE_AMOUNT_FIELDS,
        "payer_invoice",
      ),
    ).not.toThrow()
  })
})
