import { BigNumber } from "@medusajs/framework/utils"
import { sumAmounts } from "../../money"
import {
  fulfillmentSelection,
  FulfillmentLike,
  grossLinesForItems,
  grossLinesForOrder,
  lineVatBasisPoints,
  OrderLike,
  OrderLineItemLike,
  shippingLines,
} from "../order-lines"

const item = (
  id: string,
  quantity: unknown,
  total: unknown,
  rate: unknown = 25,
  extra: Partial<OrderLineItemLike> = {},
): OrderLineItemLike => ({
  id,
  title: `Title ${id}`,
  product_title: `Product ${id}`,
  variant_sku: `SKU-${id}`,
  quantity: quantity as any,
  total: total as any,
  tax_lines: rate === null ? [] : [{ rate: rate as any }],
  ...extra,
})

/** 3 x 33.33 SEK (99.99 gross) and 2 x 50.00 SEK at 12 %, plus 49.00 SEK shipping at 25 %. */
const order = (overrides: Partial<OrderLike> = {}): OrderLike => ({
  id: "order_01",
  currency_code: "sek",
  items: [item("item_a", 3, 99.99), item("item_b", 2, 100, 12)],
  shipping_methods: [{ id: "sm_1", name: "PostNord", total: 49, tax_lines: [{ rate: 25 }] }],
  ...overrides,
})

describe("grossLinesForItems: slices of a line over several fulfillments", () => {
  const sliceAmounts = (o: OrderLike, parts: number[]) => {
    let from = 0
    return parts.map((quantity) => {
      const [line] = grossLinesForItems(o, [{ item_id: "item_a", quantity, from }], { includeShipping: false })
      from += quantity
      return line.amount
    })
  }

  it("bills 3 x 33.33 SEK as 1 + 2 units adding up to 99.99 exactly", () => {
    const amounts = sliceAmounts(order(), [1, 2])
    expect(amounts).toEqual([3333, 6666])
    expect(amounts[0] + amounts[1]).toBe(9999)
  })

  it("bills 3 x 33.33 SEK as 2 + 1 units adding up to 99.99 exactly", () => {
    const amounts = sliceAmounts(order(), [2, 1])
    expect(amounts).toEqual([6666, 3333])
    expect(amounts[0] + amounts[1]).toBe(9999)
  })

  it("adds up to the line total when a unit price does not divide evenly (100.00 SEK over 3 units)", () => {
    const o = order({ items: [item("item_a", 3, 100)] })
    for (const parts of [[1, 2], [2, 1], [1, 1, 1], [3]]) {
      const amounts = sliceAmounts(o, parts)
      expect(amounts.reduce((a, b) => a + b, 0)).toBe(10000)
      // no slice is off by more than one öre from its share of the price
      parts.forEach((q, i) => expect(Math.abs(amounts[i] - (10000 * q) / 3)).toBeLessThan(1))
    }
    expect(sliceAmounts(o, [1, 1, 1])).toEqual([3333, 3334, 3333])
  })

  it("describes each slice with the billed quantity and the product title", () => {
    const lines = grossLinesForItems(
      order(),
      [
        { item_id: "item_a", quantity: 2 },
        { item_id: "item_b", quantity: 1 },
      ],
      { includeShipping: false },
    )
    expect(lines).toEqual([
      { reference: "item_a", description: "2 x Product item_a", amount: 6666, vatBasisPoints: 2500 },
      { reference: "item_b", description: "1 x Product item_b", amount: 5000, vatBasisPoints: 1200 },
    ])
  })

  it("falls back from product title to title, SKU and 'Item' for the description", () => {
    const o = order({
      items: [
        item("t", 1, 10, 25, { product_title: null }),
        item("s", 1, 10, 25, { product_title: null, title: null }),
        item("n", 1, 10, 25, { product_title: null, title: null, variant_sku: null }),
      ],
    })
    const lines = grossLinesForItems(
      o,
      ["t", "s", "n"].map((id) => ({ item_id: id, quantity: 1 })),
      { includeShipping: false },
    )
    expect(lines.map((l) => l.description)).toEqual(["1 x Title t", "1 x SKU-s", "1 x Item"])
  })

  it("adds the shipping only when asked", () => {
    const selection = [{ item_id: "item_a", quantity: 1 }]
    const without = grossLinesForItems(order(), selection, { includeShipping: false })
    const withShipping = grossLinesForItems(order(), selection, { includeShipping: true })
    expect(without.map((l) => l.reference)).toEqual(["item_a"])
    expect(withShipping.map((l) => l.reference)).toEqual(["item_a", "sm_1"])
    expect(withShipping[1]).toEqual({
      reference: "sm_1",
      description: "Shipping: PostNord",
      amount: 4900,
      vatBasisPoints: 2500,
    })
    expect(sumAmounts(withShipping)).toBe(3333 + 4900)
  })

  it("skips selections of zero units and drops lines worth nothing (a 100 % discount)", () => {
    const o = order({ items: [item("item_a", 3, 99.99), item("free", 1, 0)] })
    const lines = grossLinesForItems(
      o,
      [
        { item_id: "item_a", quantity: 0 },
        { item_id: "free", quantity: 1 },
        { item_id: "item_a", quantity: 1, from: 2 },
      ],
      { includeShipping: false },
    )
    expect(lines).toEqual([
      { reference: "item_a", description: "1 x Product item_a", amount: 3333, vatBasisPoints: 2500 },
    ])
  })

  it("refuses to bill more units than the line has", () => {
    expect(() =>
      grossLinesForItems(order(), [{ item_id: "item_a", quantity: 2, from: 2 }], { includeShipping: false }),
    ).toThrow("Line item item_a has 3 units; cannot bill units 3-4")
    expect(() => grossLinesForItems(order(), [{ item_id: "item_a", quantity: 4 }], { includeShipping: false })).toThrow(
      /has 3 units/,
    )
  })

  it("refuses an item that is not in the order", () => {
    expect(() => grossLinesForItems(order(), [{ item_id: "item_x", quantity: 1 }], { includeShipping: false })).toThrow(
      "Order order_01 has no line item item_x",
    )
  })

  it("refuses fractional or negative quantities on the order line", () => {
    const o = order({ items: [item("half", "1.5", 10), item("neg", -1, 10)] })
    expect(() => grossLinesForItems(o, [{ item_id: "half", quantity: 1 }], { includeShipping: false })).toThrow(
      "Quantity of line item half must be a whole number of units, got 1.5",
    )
    expect(() => grossLinesForItems(o, [{ item_id: "neg", quantity: 1 }], { includeShipping: false })).toThrow(
      /whole number/,
    )
  })

  it("uses the currency's minor unit (NOK öre, EUR cents)", () => {
    const lines = grossLinesForItems(order({ currency_code: "eur" }), [{ item_id: "item_b", quantity: 2 }], {
      includeShipping: true,
    })
    expect(lines.map((l) => l.amount)).toEqual([10000, 4900])
  })
})

describe("quantities, totals and rates in every shape query.graph returns", () => {
  const shapes: Array<[string, unknown, unknown, unknown]> = [
    ["numbers", 3, 99.99, 25],
    ["strings", "3", "99.99", "25"],
    [
      "raw BigNumber objects",
      { value: "3", precision: 20 },
      { value: "99.99", precision: 20 },
      { value: "25", precision: 20 },
    ],
    ["Medusa BigNumber instances", new BigNumber(3), new BigNumber("99.99"), new BigNumber(25)],
  ]

  it.each(shapes)("reads %s", (_name, quantity, total, rate) => {
    const o = order({ items: [item("item_a", quantity, total, rate)], shipping_methods: [] })
    expect(grossLinesForOrder(o)).toEqual([
      { reference: "item_a", description: "3 x Product item_a", amount: 9999, vatBasisPoints: 2500 },
    ])
    const [first] = grossLinesForItems(o, [{ item_id: "item_a", quantity: 1 }], { includeShipping: false })
    const [rest] = grossLinesForItems(o, [{ item_id: "item_a", quantity: 2, from: 1 }], { includeShipping: false })
    expect(first.amount + rest.amount).toBe(9999)
  })

  it("reads a shipping total given as a raw BigNumber object", () => {
    const o = order({
      shipping_methods: [
        { id: "sm_raw", name: "Bring", total: { value: "79.5", precision: 20 } as any, tax_lines: [{ rate: "25" }] },
      ],
    })
    expect(shippingLines(o)).toEqual([
      { reference: "sm_raw", description: "Shipping: Bring", amount: 7950, vatBasisPoints: 2500 },
    ])
  })
})

describe("lineVatBasisPoints", () => {
  it("adds stacked tax lines (Medusa may apply several rates to one line)", () => {
    expect(lineVatBasisPoints([{ rate: 12.5 }, { rate: 12.5 }])).toBe(2500)
    expect(lineVatBasisPoints([{ rate: "6" }, { rate: { value: "6", precision: 20 } as any }])).toBe(1200)
    expect(lineVatBasisPoints([{ rate: 25 }])).toBe(2500)
  })

  it("is 0 without tax lines", () => {
    expect(lineVatBasisPoints([])).toBe(0)
    expect(lineVatBasisPoints(null)).toBe(0)
    expect(lineVatBasisPoints(undefined)).toBe(0)
  })

  it("gives a stacked line its combined rate in the invoice line", () => {
    const o = order({
      items: [item("stacked", 1, 125, null, { tax_lines: [{ rate: 20 }, { rate: 5 }] })],
      shipping_methods: [],
    })
    expect(grossLinesForOrder(o)).toEqual([
      { reference: "stacked", description: "1 x Product stacked", amount: 12500, vatBasisPoints: 2500 },
    ])
  })
})

describe("shippingLines", () => {
  it("lists every shipping method with its own VAT and drops free shipping", () => {
    const o = order({
      shipping_methods: [
        { id: "sm_1", name: "PostNord", total: 49, tax_lines: [{ rate: 25 }] },
        { id: "sm_free", name: "Pick-up", total: 0, tax_lines: [{ rate: 25 }] },
        { id: "sm_2", name: null, total: "19.99", tax_lines: null },
      ],
    })
    expect(shippingLines(o)).toEqual([
      { reference: "sm_1", description: "Shipping: PostNord", amount: 4900, vatBasisPoints: 2500 },
      { reference: "sm_2", description: "Shipping: delivery", amount: 1999, vatBasisPoints: 0 },
    ])
  })

  it("is empty when the order has no shipping", () => {
    expect(shippingLines(order({ shipping_methods: null }))).toEqual([])
    expect(shippingLines(order({ shipping_methods: undefined }))).toEqual([])
  })
})

describe("grossLinesForOrder", () => {
  it("bills every unit of every item plus the shipping", () => {
    const lines = grossLinesForOrder(order())
    expect(lines).toEqual([
      { reference: "item_a", description: "3 x Product item_a", amount: 9999, vatBasisPoints: 2500 },
      { reference: "item_b", description: "2 x Product item_b", amount: 10000, vatBasisPoints: 1200 },
      { reference: "sm_1", description: "Shipping: PostNord", amount: 4900, vatBasisPoints: 2500 },
    ])
    expect(sumAmounts(lines)).toBe(24899)
  })

  it("equals the sum of all fulfillment slices plus shipping", () => {
    const o = order()
    const slices = [
      ...grossLinesForItems(
        o,
        [
          { item_id: "item_a", quantity: 1 },
          { item_id: "item_b", quantity: 1 },
        ],
        { includeShipping: true },
      ),
      ...grossLinesForItems(
        o,
        [
          { item_id: "item_a", quantity: 2, from: 1 },
          { item_id: "item_b", quantity: 1, from: 1 },
        ],
        { includeShipping: false },
      ),
    ]
    expect(sumAmounts(slices)).toBe(sumAmounts(grossLinesForOrder(o)))
  })

  it("is empty for an order without items or shipping", () => {
    expect(grossLinesForOrder({ id: "order_0", currency_code: "sek", items: null, shipping_methods: null })).toEqual([])
  })
})

const f = (id: string, at: number, items: Array<[string, number]>, canceled = false): FulfillmentLike => ({
  id,
  created_at: new Date(at).toISOString(),
  canceled_at: canceled ? new Date(at + 1).toISOString() : null,
  items: items.map(([line_item_id, quantity]) => ({ line_item_id, quantity })),
})

describe("fulfillmentSelection", () => {
  const fulfillments = [
    f("ful_b", 2000, [
      ["item_chair", 1],
      ["item_coffee", 2],
    ]),
    f("ful_a", 1000, [
      ["item_chair", 1],
      ["item_coffee", 1],
    ]),
    f("ful_x", 500, [["item_coffee", 3]], true),
  ]

  it("continues after the units earlier live fulfillments billed, ignoring canceled ones", () => {
    expect(fulfillmentSelection(fulfillments, "ful_a")).toEqual({
      first: true,
      selection: [
        { item_id: "item_chair", quantity: 1, from: 0 },
        { item_id: "item_coffee", quantity: 1, from: 0 },
      ],
    })
    expect(fulfillmentSelection(fulfillments, "ful_b")).toEqual({
      first: false,
      selection: [
        { item_id: "item_chair", quantity: 1, from: 1 },
        { item_id: "item_coffee", quantity: 2, from: 1 },
      ],
    })
  })

  it("is null for a canceled or unknown fulfillment", () => {
    expect(fulfillmentSelection(fulfillments, "ful_x")).toBeNull()
    expect(fulfillmentSelection(fulfillments, "ful_nope")).toBeNull()
  })
})
