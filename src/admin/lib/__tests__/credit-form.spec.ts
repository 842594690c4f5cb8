import { creditBody, emptyManualLine, invoiceVatRates, lineQuantityProblem, remainingQuantity } from "../credit-form"
import { invoice, line } from "./fixtures"

const form = { invoice: invoice(), quantities: {}, manualLines: [], digits: 2 }

describe("credit form", () => {
  it("offers only what remains of a line", () => {
    expect(remainingQuantity(line(1, { quantity: 3, credited_quantity: 1 }))).toBe(2)
    expect(remainingQuantity(line(1, { quantity: 1, credited_quantity: 1 }))).toBe(0)
    expect(lineQuantityProblem("2", 2)).toBeNull()
    expect(lineQuantityProblem("3", 2)).toBe("too-many")
    expect(lineQuantityProblem("1.5", 2)).toBe("not-whole")
    expect(lineQuantityProblem("-1", 2)).toBe("not-whole")
    expect(lineQuantityProblem("", 2)).toBeNull()
  })

  it("builds a full credit", () => {
    expect(creditBody({ ...form, mode: "full" })).toEqual({ type: "full" })
  })

  it("builds a credit by line from the positions with a quantity, and refuses more than remains", () => {
    expect(creditBody({ ...form, mode: "by-line", quantities: { 1: "1", 2: "0" } })).toEqual({
      type: "partial",
      items: [{ position: 1, quantity: 1 }],
    })
    expect(creditBody({ ...form, mode: "by-line", quantities: {} })).toBeNull()
    expect(creditBody({ ...form, mode: "by-line", quantities: { 2: "2" } })).toBeNull()
    const credited = invoice({ lines: [line(1, { credited_quantity: 2 })] })
    expect(creditBody({ ...form, invoice: credited, mode: "by-line", quantities: { 1: "1" } })).toBeNull()
  })

  it("builds manual lines with the amount as typed and a VAT rate of the invoice", () => {
    expect(invoiceVatRates(invoice())).toEqual([25, 12])
    const manualLines = [{ description: " Damaged chair ", quantity: "1", unitAmount: "125.50", vatPercent: "25" }]
    expect(creditBody({ ...form, mode: "manual", manualLines })).toEqual({
      type: "manual",
      lines: [{ description: "Damaged chair", quantity: 1, unit_amount: "125.50", vat_percent: 25 }],
    })
  })

  it.each([
    [{ description: "", quantity: "1", unitAmount: "10", vatPercent: "25" }],
    [{ description: "x", quantity: "0", unitAmount: "10", vatPercent: "25" }],
    [{ description: "x", quantity: "1", unitAmount: "10.505", vatPercent: "25" }],
    [{ description: "x", quantity: "1", unitAmount: "0", vatPercent: "25" }],
    [{ description: "x", quantity: "1", unitAmount: "1e3", vatPercent: "25" }],
    [{ description: "x", quantity: "1", unitAmount: "10", vatPercent: "6" }],
  ])("keeps an incomplete manual line from being sent: %j", (manualLine) => {
    expect(creditBody({ ...form, mode: "manual", manualLines: [manualLine] })).toBeNull()
  })

  it("starts a manual line with the invoice's highest VAT rate", () => {
    expect(emptyManualLine([25, 12])).toEqual({ description: "", quantity: "1", unitAmount: "", vatPercent: "25" })
    expect(creditBody({ ...form, mode: "manual", manualLines: [] })).toBeNull()
  })
})
