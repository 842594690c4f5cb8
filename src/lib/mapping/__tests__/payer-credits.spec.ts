import {
  CreditableInvoice,
  CreditRequestError,
  planRefundCredits,
  remainingQuantity,
  remainingToCredit,
  remainingVatGroups,
  validateCreditRequest,
} from "../payer-credits"
import { invoice1001 } from "./invoice-1001"

const invoice = invoice1001

/** Invoice 1002: one book at 99.00 (6 %). */
const second = (overrides: Partial<CreditableInvoice> = {}): CreditableInvoice => ({
  id: "pinv_2",
  invoice_number: "1002",
  total_amount: 9900,
  credited_amount: 0,
  lines: [
    { position: 1, quantity: 1, credited_quantity: 0, unit_amount: 9900, total_amount: 9900, vat_basis_points: 600 },
  ],
  ...overrides,
})

function errorOf(fn: () => unknown): CreditRequestError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(CreditRequestError)
    return e as CreditRequestError
  }
  throw new Error("expected a CreditRequestError")
}

describe("remaining amounts", () => {
  it("is total minus credited, never negative", () => {
    expect(remainingToCredit(invoice({ credited_amount: 10000 }))).toBe(54899)
    expect(remainingToCredit(invoice({ credited_amount: 70000 }))).toBe(0)
  })

  it("counts units of a position not credited yet, clamping nonsense", () => {
    expect(remainingQuantity({ quantity: 3, credited_quantity: 1 })).toBe(2)
    expect(remainingQuantity({ quantity: 3, credited_quantity: 5 })).toBe(0)
    expect(remainingQuantity({ quantity: 3, credited_quantity: -1 })).toBe(3)
  })

  it("splits VAT over what is still uncredited per rate", () => {
    expect(remainingVatGroups(invoice())).toEqual([
      { amount: 54900, vatPercent: 2500 },
      { amount: 9999, vatPercent: 1200 },
    ])
    const chairsCredited = invoice({
      lines: invoice().lines.map((l) => (l.position === 1 ? { ...l, credited_quantity: 2 } : l)),
    })
    expect(remainingVatGroups(chairsCredited)).toEqual([
      { amount: 4900, vatPercent: 2500 },
      { amount: 9999, vatPercent: 1200 },
    ])
  })

  it("falls back to the invoice's own VAT groups when every position is credited", () => {
    const allCredited = invoice({ lines: invoice().lines.map((l) => ({ ...l, credited_quantity: l.quantity })) })
    expect(remainingVatGroups(allCredited)).toEqual([
      { amount: 54900, vatPercent: 2500 },
      { amount: 9999, vatPercent: 1200 },
    ])
  })

  it("refuses to split over an invoice without lines", () => {
    expect(() => remainingVatGroups(invoice({ lines: [] }))).toThrow(/no lines/)
  })
})

describe("planRefundCredits", () => {
  it("credits an invoice in full when the refund is exactly its remaining amount", () => {
    expect(planRefundCredits([invoice()], 64899)).toEqual([
      { type: "full", invoice_id: "pinv_1", invoice_number: "1001", amount: 64899 },
    ])
  })

  it("uses manual lines split by VAT, adding up exactly, when the refund is less than the invoice", () => {
    const [credit] = planRefundCredits([invoice()], 10000, "Goodwill")
    expect(credit.type).toBe("manual")
    if (credit.type !== "manual") throw new Error()
    expect(credit.amount).toBe(10000)
    // 549.00 at 25 % and 99.99 at 12 %: 10000 * 54900 / 64899 = 8459.29 -> 8459, rest 1541
    expect(credit.items.map((i) => [i.subtotalPrice, i.vatPercentage])).toEqual([
      [8459, 2500],
      [1541, 1200],
    ])
    expect(credit.items.reduce((s, i) => s + i.subtotalPrice, 0)).toBe(10000)
    credit.items.forEach((item, i) => {
      expect(item.position).toBe(i + 1)
      expect(item.quantity).toBe(1)
      expect(item.unitPrice).toBe(item.subtotalPrice)
      expect(item.description).toMatch(/^Goodwill \(\d+ % VAT\)$/)
    })
  })

  it("uses a single line when the invoice has one VAT rate", () => {
    const [credit] = planRefundCredits([second()], 100)
    expect(credit).toEqual(
      expect.objectContaining({
        type: "manual",
        amount: 100,
        items: [expect.objectContaining({ subtotalPrice: 100, vatPercentage: 600, description: "Refund" })],
      }),
    )
  })

  it("credits the oldest invoices in full first, then the rest manually on the next", () => {
    // given newest first: the plan still starts with 1001
    const plan = planRefundCredits([second(), invoice()], 64899 + 5000)
    expect(plan.map((c) => [c.type, c.invoice_number, c.amount])).toEqual([
      ["full", "1001", 64899],
      ["manual", "1002", 5000],
    ])
  })

  it("skips fully credited invoices and credits only what remains of a partly credited one", () => {
    const plan = planRefundCredits([invoice({ credited_amount: 64899 }), second({ credited_amount: 900 })], 9000)
    expect(plan).toEqual([{ type: "full", invoice_id: "pinv_2", invoice_number: "1002", amount: 9000 }])
  })

  it("credits everything in full when the refund covers all invoices", () => {
    const plan = planRefundCredits([invoice(), second()], 64899 + 9900)
    expect(plan.map((c) => c.type)).toEqual(["full", "full"])
    expect(plan.reduce((s, c) => s + c.amount, 0)).toBe(74799)
  })

  it("splits VAT over the positions not yet credited by position", () => {
    const chairsCredited = invoice({
      credited_amount: 50000,
      lines: invoice().lines.map((l) => (l.position === 1 ? { ...l, credited_quantity: 2 } : l)),
    })
    const [credit] = planRefundCredits([chairsCredited], 1000)
    if (credit.type !== "manual") throw new Error("expected manual")
    // 49.00 at 25 % and 99.99 at 12 %
    expect(credit.items.map((i) => [i.subtotalPrice, i.vatPercentage])).toEqual([
      [329, 2500],
      [671, 1200],
    ])
  })

  it("refuses more than everything that remains, naming the amount", () => {
    const error = errorOf(() => planRefundCredits([invoice({ credited_amount: 64000 }), second()], 899 + 9900 + 1))
    expect(error.field).toBe("amount")
    expect(error.message).toContain("(10799)")
  })

  it("refuses a refund when there is no invoice at all", () => {
    expect(errorOf(() => planRefundCredits([], 100)).field).toBe("amount")
  })

  it.each([0, -5, 1.5, NaN])("refuses a refund amount of %p", (amount) => {
    expect(errorOf(() => planRefundCredits([invoice()], amount)).field).toBe("amount")
  })
})

describe("validateCreditRequest: full", () => {
  it("credits what remains", () => {
    expect(validateCreditRequest(invoice({ credited_amount: 899 }), { type: "full" }, "sek")).toEqual({
      type: "full",
      invoice_id: "pinv_1",
      invoice_number: "1001",
      amount: 64000,
    })
  })

  it("refuses an invoice with nothing left", () => {
    const error = errorOf(() => validateCreditRequest(invoice({ credited_amount: 64899 }), { type: "full" }, "sek"))
    expect(error.field).toBe("type")
    expect(error.message).toMatch(/fully credited/)
  })

  it("refuses an unknown type", () => {
    expect(errorOf(() => validateCreditRequest(invoice(), { type: "half" } as any, "sek")).field).toBe("type")
  })
})

describe("validateCreditRequest: partial", () => {
  const partial = (items: unknown[], inv = invoice()) =>
    validateCreditRequest(inv, { type: "partial", items } as any, "sek")

  it("credits positions and computes the amount from their prices", () => {
    expect(
      partial([
        { position: 1, quantity: 1 },
        { position: 2, quantity: 2 },
      ]),
    ).toEqual({
      type: "partial",
      invoice_id: "pinv_1",
      invoice_number: "1001",
      amount: 25000 + 6666,
      items: [
        { position: 1, quantity: 1 },
        { position: 2, quantity: 2 },
      ],
    })
  })

  it("takes the last units of a position at exactly what is left of it", () => {
    const inv = invoice({
      lines: [
        {
          position: 1,
          quantity: 3,
          credited_quantity: 2,
          unit_amount: 3333,
          total_amount: 10000,
          vat_basis_points: 1200,
        },
      ],
    })
    expect(partial([{ position: 1, quantity: 1 }], inv).amount).toBe(3334)
  })

  it("allows exactly the remaining quantity", () => {
    const inv = invoice({ lines: invoice().lines.map((l) => (l.position === 2 ? { ...l, credited_quantity: 1 } : l)) })
    expect(partial([{ position: 2, quantity: 2 }], inv).amount).toBe(6666)
  })

  it.each([
    [[{ position: 9, quantity: 1 }], "items[0].position", /no position 9/],
    [
      [
        { position: 1, quantity: 1 },
        { position: 0, quantity: 1 },
      ],
      "items[1].position",
      /positive/,
    ],
    [[{ position: "1", quantity: 1 }], "items[0].position", /positive/],
    [
      [
        { position: 1, quantity: 1 },
        { position: 1, quantity: 1 },
      ],
      "items[1].position",
      /more than once/,
    ],
    [[{ position: 1, quantity: 0 }], "items[0].quantity", /positive/],
    [[{ position: 1, quantity: -1 }], "items[0].quantity", /positive/],
    [[{ position: 1, quantity: 0.5 }], "items[0].quantity", /positive/],
    [
      [
        { position: 2, quantity: 1 },
        { position: 1, quantity: 3 },
      ],
      "items[1].quantity",
      /exceeds .* position 1 \(2\)/,
    ],
    [[], "items", /at least one/],
    [Array.from({ length: 101 }, () => ({ position: 1, quantity: 1 })), "items", /at most 100/],
  ])("refuses %j naming %s", (items, field, message) => {
    const error = errorOf(() => partial(items as unknown[]))
    expect(error.field).toBe(field)
    expect(error.message).toMatch(message)
    expect(error.message.startsWith(`${field}: `)).toBe(true)
  })

  it("counts units already credited on the position", () => {
    const inv = invoice({ lines: invoice().lines.map((l) => (l.position === 1 ? { ...l, credited_quantity: 2 } : l)) })
    expect(errorOf(() => partial([{ position: 1, quantity: 1 }], inv)).field).toBe("items[0].quantity")
  })

  it("refuses positions worth more than the invoice's remaining amount (after manual credits)", () => {
    const error = errorOf(() => partial([{ position: 1, quantity: 2 }], invoice({ credited_amount: 20000 })))
    expect(error.field).toBe("items")
    expect(error.message).toContain("(44899)")
  })
})

describe("validateCreditRequest: manual", () => {
  const line = (overrides: Record<string, unknown> = {}) => ({
    description: "Damaged box",
    quantity: 1,
    unit_amount: 100,
    vat_percent: 25,
    ...overrides,
  })
  const manual = (lines: unknown[], inv = invoice(), currency = "sek") =>
    validateCreditRequest(inv, { type: "manual", lines } as any, currency)

  it("converts major units and percent to Payer's minor units and basis points", () => {
    const credit = manual([
      line(),
      line({ description: "  Late\n delivery ", quantity: 3, unit_amount: "12.5", vat_percent: 12 }),
    ])
    expect(credit).toEqual({
      type: "manual",
      invoice_id: "pinv_1",
      invoice_number: "1001",
      amount: 10000 + 3750,
      items: [
        {
          itemType: "FREEFORM",
          position: 1,
          description: "Damaged box",
          quantity: 1,
          unit: "pcs",
          unitPrice: 10000,
          subtotalPrice: 10000,
          vatPercentage: 2500,
        },
        {
          itemType: "FREEFORM",
          position: 2,
          description: "Late delivery",
          quantity: 3,
          unit: "pcs",
          unitPrice: 1250,
          subtotalPrice: 3750,
          vatPercentage: 1200,
        },
      ],
    })
  })

  it("accepts exactly the remaining amount and a fractional VAT rate of whole basis points", () => {
    const credit = manual([line({ unit_amount: 648.99, vat_percent: 12.5 })])
    expect(credit.amount).toBe(64899)
    if (credit.type !== "manual") throw new Error()
    expect(credit.items[0].vatPercentage).toBe(1250)
  })

  it("respects the currency's minor unit", () => {
    expect(manual([line({ unit_amount: 100 })], invoice(), "jpy").amount).toBe(100)
    expect(errorOf(() => manual([line({ unit_amount: 1.5 })], invoice(), "jpy")).field).toBe("lines[0].unit_amount")
  })

  it.each([
    [[line({ description: " " })], "lines[0].description", /required/],
    [[line(), line({ description: undefined })], "lines[1].description", /required/],
    [[line({ description: "x".repeat(256) })], "lines[0].description", /at most 255/],
    [[line({ quantity: 0 })], "lines[0].quantity", /positive/],
    [[line({ quantity: 1.5 })], "lines[0].quantity", /positive/],
    [[line({ unit_amount: 10.005 })], "lines[0].unit_amount", /at most 2 decimals/],
    [[line({ unit_amount: 0 })], "lines[0].unit_amount", /greater than 0/],
    [[line({ unit_amount: -5 })], "lines[0].unit_amount", /positive amount/],
    [[line({ unit_amount: "0x10" })], "lines[0].unit_amount", /digits/],
    [[line({ unit_amount: "1e3" })], "lines[0].unit_amount", /digits/],
    [[line({ quantity: 1 }), line({ vat_percent: "0b1" })], "lines[1].vat_percent", /0 to 100/],
    [Array.from({ length: 101 }, () => line({ unit_amount: 1 })), "lines", /at most 100/],
    [[line({ unit_amount: "abc" })], "lines[0].unit_amount", /amount in SEK/],
    [[line({ unit_amount: null })], "lines[0].unit_amount", /amount in SEK/],
    [[line(), line({ vat_percent: 12.345 })], "lines[1].vat_percent", /0 to 100/],
    [[line({ vat_percent: 101 })], "lines[0].vat_percent", /0 to 100/],
    [[line({ vat_percent: -1 })], "lines[0].vat_percent", /0 to 100/],
    [[line({ vat_percent: "" })], "lines[0].vat_percent", /0 to 100/],
    [[], "lines", /at least one/],
  ])("refuses %j naming %s", (lines, field, message) => {
    const error = errorOf(() => manual(lines as unknown[]))
    expect(error.field).toBe(field)
    expect(error.message).toMatch(message)
  })

  it("refuses lines adding up to more than remains, by one öre", () => {
    const error = errorOf(() =>
      manual([line({ unit_amount: 600 }), line({ unit_amount: 48.99 })], invoice({ credited_amount: 1 })),
    )
    expect(error.field).toBe("lines")
    expect(error.message).toMatch(/64899 exceeds .* invoice 1001 \(64898\)/)
  })
})

describe("over-credit messages in the merchant's terms", () => {
  const invoice: CreditableInvoice = {
    id: "pinv_1",
    invoice_number: "1001",
    currency_code: "sek",
    total_amount: 32233,
    credited_amount: 0,
    lines: [],
  }

  it("names the credit and what remains in major units of the invoice's currency", () => {
    expect(() =>
      validateCreditRequest(
        invoice,
        { type: "manual", lines: [{ description: "Goodwill", quantity: 1, unit_amount: "322.34", vat_percent: 25 }] },
        "sek",
      ),
    ).toThrow("lines: the credit of 322.34 SEK exceeds what remains to credit on invoice 1001 (322.33 SEK)")
  })

  it("does the same for a refund over the order's invoices", () => {
    expect(() => planRefundCredits([invoice], 32300)).toThrow(
      "the refund of 323.00 SEK exceeds what remains to credit on the order's Payer invoices (322.33 SEK)",
    )
  })
})
