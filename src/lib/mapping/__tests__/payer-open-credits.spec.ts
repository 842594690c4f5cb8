import { planRefundCredits, validateCreditRequest } from "../payer-credits"
import { creditableWithOpenCredits, isOpenCredit, type CreditRecordLike } from "../payer-open-credits"
import { invoice1001 } from "./invoice-1001"

const INVOICE = invoice1001()

const credit = (
  status: CreditRecordLike["status"],
  total: number,
  credit: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): CreditRecordLike => ({
  id: `pinv_c_${status}_${total}`,
  kind: "credit",
  status,
  credited_invoice_id: "pinv_1",
  total_amount: total,
  metadata: { credit, ...metadata },
})

describe("open credits", () => {
  it("are pending, unknown and legacy failed credits; refused and issued ones are not open", () => {
    expect(isOpenCredit(credit("pending", 1, {}))).toBe(true)
    expect(isOpenCredit(credit("unknown", 1, {}))).toBe(true)
    expect(isOpenCredit(credit("failed", 1, {}))).toBe(true)
    expect(isOpenCredit(credit("failed", 1, {}, { refused: true }))).toBe(false)
    expect(isOpenCredit(credit("issued", 1, {}))).toBe(false)
    expect(isOpenCredit({ kind: "invoice", status: "pending", metadata: null })).toBe(false)
  })

  it("an unknown full credit holds back everything: no refund and no admin credit can spend it", () => {
    const seen = creditableWithOpenCredits(INVOICE, [credit("unknown", 64899, { type: "full" })])
    expect(seen.credited_amount).toBe(64899)
    expect(seen.lines.map((l) => l.credited_quantity)).toEqual([2, 3, 1])
    expect(() => planRefundCredits([seen], 1000)).toThrow(/exceeds what remains/)
    expect(() =>
      validateCreditRequest(
        seen,
        { type: "manual", lines: [{ description: "x", quantity: 1, unit_amount: 10, vat_percent: 25 }] },
        "sek",
      ),
    ).toThrow(/lines: /)
    expect(() => validateCreditRequest(seen, { type: "full" }, "sek")).toThrow(/fully credited/)
  })

  it("an unknown manual credit holds back its amount; the rest can still be credited", () => {
    const seen = creditableWithOpenCredits(INVOICE, [credit("unknown", 10000, { type: "manual" })])
    expect(seen.credited_amount).toBe(10000)
    expect(planRefundCredits([seen], 54899)).toEqual([expect.objectContaining({ type: "full", amount: 54899 })])
    expect(() => planRefundCredits([seen], 54900)).toThrow(/54899/)
  })

  it("an open partial credit holds back its positions", () => {
    const seen = creditableWithOpenCredits(INVOICE, [
      credit("pending", 25000, { type: "partial", items: [{ position: 1, quantity: 1 }] }),
    ])
    expect(seen.lines.map((l) => l.credited_quantity)).toEqual([1, 0, 0])
    expect(() =>
      validateCreditRequest(seen, { type: "partial", items: [{ position: 1, quantity: 2 }] }, "sek"),
    ).toThrow(/items\[0\]\.quantity/)
    expect(validateCreditRequest(seen, { type: "partial", items: [{ position: 1, quantity: 1 }] }, "sek").amount).toBe(
      25000,
    )
  })

  it("counts issued and open credits once even when Payer's creditedAmount already includes the unknown one", () => {
    const records = [credit("issued", 10000, { type: "manual" }), credit("unknown", 20000, { type: "manual" })]
    expect(creditableWithOpenCredits({ ...INVOICE, credited_amount: 30000 }, records).credited_amount).toBe(30000)
    expect(creditableWithOpenCredits({ ...INVOICE, credited_amount: 10000 }, records).credited_amount).toBe(30000)
  })

  it("releases a refused credit and ignores credits of other invoices", () => {
    const records = [
      credit("failed", 64899, { type: "full" }, { refused: true }),
      { ...credit("unknown", 500, { type: "manual" }), credited_invoice_id: "pinv_2" },
    ]
    expect(creditableWithOpenCredits(INVOICE, records).credited_amount).toBe(0)
  })
})
