import fc from "fast-check"
import { orderItemsFor } from "../swedbankpay-order-items"
import { UnsupportedVatRateError } from "../payex-transactions"

const LINES = [
  { reference: "item_1", description: "2 x Stol Ek", amount: 259800, vatBasisPoints: 2500 },
  { reference: "item_2", description: "3 x Kaffe", amount: 29700, vatBasisPoints: 1200 },
  { reference: "casm_1", description: "Shipping: PostNord", amount: 4900, vatBasisPoints: 2500 },
]

describe("orderItemsFor", () => {
  it("makes one item a line, in minor units, VAT in basis points from each line's gross amount", () => {
    const { items, vatAmount } = orderItemsFor(LINES)
    expect(items).toEqual([
      expect.objectContaining({
        reference: "item_1",
        name: "2 x Stol Ek",
        type: "PRODUCT",
        amount: 259800,
        unitPrice: 259800,
        quantity: 1,
        vatPercent: 2500,
        vatAmount: 51960,
      }),
      expect.objectContaining({
        reference: "item_2",
        type: "PRODUCT",
        amount: 29700,
        vatPercent: 1200,
        vatAmount: 3182,
      }),
      expect.objectContaining({
        reference: "casm_1",
        type: "SHIPPING_FEE",
        class: "Shipping",
        amount: 4900,
        vatAmount: 980,
      }),
    ])
    expect(vatAmount).toBe(51960 + 3182 + 980)
  })

  it("scales the lines to a partial amount: the items still add up exactly", () => {
    const { items, vatAmount } = orderItemsFor(LINES, 10001)
    expect(items.reduce((s, i) => s + i.amount, 0)).toBe(10001)
    expect(items.reduce((s, i) => s + i.vatAmount, 0)).toBe(vatAmount)
    for (const i of items) expect(Number.isInteger(i.amount) && Number.isInteger(i.vatAmount)).toBe(true)
  })

  it("refuses a VAT rate Swedbank Pay invoice does not take, and amounts that are not positive", () => {
    expect(() => orderItemsFor([{ ...LINES[0], vatBasisPoints: 2000 }])).toThrow(UnsupportedVatRateError)
    expect(() => orderItemsFor(LINES, 0)).toThrow(/positive/)
    expect(() => orderItemsFor(LINES, 1.5)).toThrow(/positive/)
  })

  it("always adds up: sum(amount) is the amount and sum(vatAmount) the vatAmount, for any lines and part", () => {
    const line = fc.record({
      reference: fc.constantFrom("item_a", "item_b", "ordsm_c"),
      description: fc.string({ maxLength: 60 }),
      amount: fc.integer({ min: 0, max: 10_000_000 }),
      vatBasisPoints: fc.constantFrom(0, 600, 1200, 2500),
    })
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lines, f) => {
          const total = lines.reduce((s, l) => s + l.amount, 0)
          fc.pre(total > 0)
          const part = Math.max(1, Math.floor(total * f))
          const { items, vatAmount } = orderItemsFor(lines, part)
          expect(items.reduce((s, i) => s + i.amount, 0)).toBe(part)
          expect(items.reduce((s, i) => s + i.vatAmount, 0)).toBe(vatAmount)
          for (const i of items) expect(i.name.length).toBeLessThanOrEqual(40)
        },
      ),
    )
  })
})
