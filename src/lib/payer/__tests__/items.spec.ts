import {
  MAX_ARTICLE_NUMBER_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  buildPayerItems,
  manualCreditItems,
  sumItems,
  type InvoiceLineInput,
} from "../items"

const line = (overrides: Partial<InvoiceLineInput> = {}): InvoiceLineInput => ({
  lineItemId: "item_1",
  description: "Widget",
  quantity: 1,
  grossAmount: 12500,
  vatBasisPoints: 2500,
  ...overrides,
})

describe("buildPayerItems", () => {
  it("maps a divisible line to one item", () => {
    expect(buildPayerItems([line({ quantity: 2, grossAmount: 10000, articleNumber: "W-1" })])).toEqual([
      {
        itemType: "FREEFORM",
        lineItemId: "item_1",
        articleNumber: "W-1",
        description: "Widget",
        unit: "pcs",
        vatPercentage: 2500,
        position: 1,
        quantity: 2,
        unitPrice: 5000,
        subtotalPrice: 10000,
      },
    ])
  })

  it("splits a line whose amount is not divisible by its quantity into two exact items", () => {
    const items = buildPayerItems([line({ quantity: 3, grossAmount: 10000 })])
    expect(
      items.map(({ position, quantity, unitPrice, subtotalPrice }) => ({
        position,
        quantity,
        unitPrice,
        subtotalPrice,
      })),
    ).toEqual([
      { position: 1, quantity: 2, unitPrice: 3333, subtotalPrice: 6666 },
      { position: 2, quantity: 1, unitPrice: 3334, subtotalPrice: 3334 },
    ])
    expect(items.every((item) => item.lineItemId === "item_1" && item.vatPercentage === 2500)).toBe(true)
  })

  it("handles single cents", () => {
    const spread = buildPayerItems([line({ quantity: 3, grossAmount: 1 })])
    expect(spread.map((i) => [i.quantity, i.unitPrice, i.subtotalPrice])).toEqual([
      [2, 0, 0],
      [1, 1, 1],
    ])
    expect(buildPayerItems([line({ quantity: 1, grossAmount: 1 })]).map((i) => i.subtotalPrice)).toEqual([1])
    expect(buildPayerItems([line({ quantity: 4, grossAmount: 0 })]).map((i) => [i.quantity, i.unitPrice])).toEqual([
      [4, 0],
    ])
  })

  it("numbers positions sequentially from firstPosition across split lines and mixed VAT rates", () => {
    const items = buildPayerItems(
      [
        line({ lineItemId: "a", quantity: 3, grossAmount: 10000, vatBasisPoints: 2500 }),
        line({ lineItemId: "b", quantity: 1, grossAmount: 11200, vatBasisPoints: 1200 }),
        line({ lineItemId: "c", quantity: 7, grossAmount: 1000, vatBasisPoints: 600 }),
        line({ lineItemId: "shipping", description: "Shipping", quantity: 1, grossAmount: 4900, vatBasisPoints: 2500 }),
      ],
      5,
    )
    expect(items.map((i) => [i.position, i.lineItemId, i.vatPercentage])).toEqual([
      [5, "a", 2500],
      [6, "a", 2500],
      [7, "b", 1200],
      [8, "c", 600],
      [9, "c", 600],
      [10, "shipping", 2500],
    ])
    expect(sumItems(items).total).toBe(10000 + 11200 + 1000 + 4900)
  })

  it("always keeps unitPrice * quantity === subtotalPrice and the line total (generated lines)", () => {
    let seed = 42
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % max
    }
    for (let n = 0; n < 2000; n++) {
      const quantity = 1 + random(50)
      const grossAmount = random(5_000_000)
      const items = buildPayerItems([line({ quantity, grossAmount })])
      expect(items.length).toBeLessThanOrEqual(2)
      for (const item of items) {
        expect(item.unitPrice * item.quantity).toBe(item.subtotalPrice)
      }
      expect(items.reduce((s, i) => s + i.subtotalPrice, 0)).toBe(grossAmount)
      expect(items.reduce((s, i) => s + i.quantity, 0)).toBe(quantity)
      expect(
        Math.max(...items.map((i) => i.unitPrice)) - Math.min(...items.map((i) => i.unitPrice)),
      ).toBeLessThanOrEqual(1)
    }
  })

  it("truncates long descriptions and article numbers", () => {
    const [item] = buildPayerItems([line({ description: "x".repeat(300), articleNumber: "A".repeat(70) })])
    expect(item.description).toHaveLength(MAX_DESCRIPTION_LENGTH)
    expect(item.description.endsWith("x…")).toBe(true)
    expect(item.articleNumber).toBe("A".repeat(MAX_ARTICLE_NUMBER_LENGTH))
  })

  it("never cuts an emoji in half and tidies whitespace", () => {
    const [item] = buildPayerItems([line({ description: "x".repeat(253) + "😀 tail" })])
    // 253 x + "😀" would be 255 units plus the marker: the emoji goes whole.
    expect(item.description).toBe("x".repeat(253) + "…")
    const [tidy] = buildPayerItems([line({ description: "  Blue\n  widget\t " })])
    expect(tidy.description).toBe("Blue widget")
  })

  it("leaves out an empty article number", () => {
    const [item] = buildPayerItems([line({ articleNumber: "" })])
    expect(item).not.toHaveProperty("articleNumber")
  })

  it("rejects invalid lines with a clear message", () => {
    expect(() => buildPayerItems([line({ quantity: 0 })])).toThrow(
      "Invoice line 0 (item_1): quantity must be an integer >= 1, got 0",
    )
    expect(() => buildPayerItems([line({ quantity: 1.5 })])).toThrow("quantity must be an integer >= 1")
    expect(() => buildPayerItems([line({ grossAmount: -100 })])).toThrow(
      "Invoice line 0 (item_1): grossAmount (cents incl. VAT) must be an integer >= 0, got -100",
    )
    expect(() => buildPayerItems([line({ grossAmount: 99.5 })])).toThrow("grossAmount")
    expect(() => buildPayerItems([line({ vatBasisPoints: 12.5 })])).toThrow("basis points")
    expect(() => buildPayerItems([line({ vatBasisPoints: -1 })])).toThrow("basis points")
    expect(() => buildPayerItems([line({ description: "   " })])).toThrow("description is required")
    expect(() => buildPayerItems([line()], 0)).toThrow("firstPosition")
  })
})

describe("sumItems", () => {
  it("adds totals and VAT rounded half up per item", () => {
    expect(sumItems([{ subtotalPrice: 12500, vatPercentage: 2500 }])).toEqual({ total: 12500, vat: 2500 })
    expect(sumItems([{ subtotalPrice: 1, vatPercentage: 2500 }])).toEqual({ total: 1, vat: 0 })
    // 14 * 1200 / 11200 = 1.5 exactly -> 2
    expect(sumItems([{ subtotalPrice: 14, vatPercentage: 1200 }])).toEqual({ total: 14, vat: 2 })
    expect(sumItems([{ subtotalPrice: -14, vatPercentage: 1200 }])).toEqual({ total: -14, vat: -2 })
    // Per item: 0.6 -> 1 twice, not round(1.2) = 1 once.
    expect(
      sumItems([
        { subtotalPrice: 3, vatPercentage: 2500 },
        { subtotalPrice: 3, vatPercentage: 2500 },
      ]),
    ).toEqual({ total: 6, vat: 2 })
    expect(sumItems([])).toEqual({ total: 0, vat: 0 })
  })

  it("handles mixed rates", () => {
    const items = buildPayerItems([
      line({ grossAmount: 12500, vatBasisPoints: 2500 }),
      line({ grossAmount: 11200, vatBasisPoints: 1200 }),
      line({ grossAmount: 10600, vatBasisPoints: 600 }),
      line({ grossAmount: 5000, vatBasisPoints: 0 }),
    ])
    expect(sumItems(items)).toEqual({ total: 39300, vat: 2500 + 1200 + 600 })
  })
})

describe("manualCreditItems", () => {
  it("makes one line per VAT rate in proportion to what was paid, summing exactly", () => {
    const items = manualCreditItems(
      5000,
      [
        { amount: 8000, vatPercent: 2500 },
        { amount: 2000, vatPercent: 1200 },
      ],
      "Goodwill refund",
    )
    expect(items).toEqual([
      {
        itemType: "FREEFORM",
        position: 1,
        description: "Goodwill refund (25 % VAT)",
        quantity: 1,
        unit: "pcs",
        unitPrice: 4000,
        subtotalPrice: 4000,
        vatPercentage: 2500,
      },
      {
        itemType: "FREEFORM",
        position: 2,
        description: "Goodwill refund (12 % VAT)",
        quantity: 1,
        unit: "pcs",
        unitPrice: 1000,
        subtotalPrice: 1000,
        vatPercentage: 1200,
      },
    ])
  })

  it("hands out leftover cents by largest remainder and keeps the exact sum", () => {
    const items = manualCreditItems(
      10001,
      [
        { amount: 1, vatPercent: 600 },
        { amount: 1, vatPercent: 2500 },
        { amount: 1, vatPercent: 1200 },
      ],
      "Refund",
    )
    expect(items.map((i) => [i.vatPercentage, i.subtotalPrice])).toEqual([
      [2500, 3334],
      [1200, 3334],
      [600, 3333],
    ])
    expect(items.reduce((s, i) => s + i.subtotalPrice, 0)).toBe(10001)
    items.forEach((i) => expect(i.unitPrice * i.quantity).toBe(i.subtotalPrice))
  })

  it("exact sums for many generated cases", () => {
    for (let amount = 1; amount < 3000; amount += 7) {
      const items = manualCreditItems(
        amount,
        [
          { amount: 333, vatPercent: 2500 },
          { amount: 77, vatPercent: 1200 },
          { amount: 5, vatPercent: 600 },
        ],
        "Refund",
      )
      expect(items.reduce((s, i) => s + i.subtotalPrice, 0)).toBe(amount)
      expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1))
    }
  })

  it("merges groups of the same rate, drops rates that get nothing, and skips the suffix for one line", () => {
    const merged = manualCreditItems(
      300,
      [
        { amount: 100, vatPercent: 2500 },
        { amount: 200, vatPercent: 2500 },
      ],
      "Refund",
    )
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({ description: "Refund", subtotalPrice: 300, vatPercentage: 2500 })

    const tiny = manualCreditItems(
      1,
      [
        { amount: 9000, vatPercent: 2500 },
        { amount: 1000, vatPercent: 1200 },
      ],
      "Refund",
    )
    expect(tiny.map((i) => [i.position, i.subtotalPrice, i.vatPercentage])).toEqual([[1, 1, 2500]])
  })

  it("keeps the VAT suffix when a long description is cut", () => {
    const items = manualCreditItems(
      200,
      [
        { amount: 100, vatPercent: 2500 },
        { amount: 100, vatPercent: 600 },
      ],
      "y".repeat(400),
    )
    items.forEach((item) => expect(item.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH))
    expect(items[1].description.endsWith("… (6 % VAT)")).toBe(true)
  })

  it("rejects invalid input", () => {
    const groups = [{ amount: 100, vatPercent: 2500 }]
    expect(() => manualCreditItems(0, groups, "Refund")).toThrow(
      "Credit amount (cents incl. VAT) must be an integer >= 1",
    )
    expect(() => manualCreditItems(10.5, groups, "Refund")).toThrow("Credit amount")
    expect(() => manualCreditItems(100, [], "Refund")).toThrow("at least one VAT group")
    expect(() => manualCreditItems(100, [{ amount: 100, vatPercent: 25.5 }], "Refund")).toThrow("basis points")
    expect(() => manualCreditItems(100, [{ amount: -1, vatPercent: 2500 }], "Refund")).toThrow("VAT group 0: amount")
    expect(() => manualCreditItems(100, [{ amount: 0, vatPercent: 2500 }], "Refund")).toThrow("all weights are zero")
    expect(() => manualCreditItems(100, groups, "")).toThrow("description is required")
  })
})
