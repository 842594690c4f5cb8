import { GrossLine, PAYEX_VAT_BASIS_POINTS, vatOfGross } from "../../money"
import type { PayexCaptureRequest } from "../../payex/payex-api-types"
import { grossLinesForItems, grossLinesForOrder, OrderLike } from "../order-lines"
import {
  buildCaptureRequest,
  buildReversalRequest,
  mergeVatSummaries,
  UnsupportedVatRateError,
} from "../payex-transactions"

const line = (
  reference: string,
  amount: number,
  vatBasisPoints = 2500,
  description = `Item ${reference}`,
): GrossLine => ({
  reference,
  description,
  amount,
  vatBasisPoints,
})

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** What PayEx checks on every capture body. */
function expectExactSums(body: PayexCaptureRequest) {
  const t = body.transaction
  expect(Number.isInteger(t.amount)).toBe(true)
  expect(sum(t.itemDescriptions.map((i) => i.amount))).toBe(t.amount)
  expect(sum(t.vatSummary.map((v) => v.amount))).toBe(t.amount)
  expect(sum(t.vatSummary.map((v) => v.vatAmount))).toBe(t.vatAmount)
  for (const row of t.vatSummary) {
    expect(PAYEX_VAT_BASIS_POINTS).toContain(row.vatPercent)
    expect(row.vatAmount).toBe(vatOfGross(row.amount, row.vatPercent))
  }
  for (const i of t.itemDescriptions) {
    expect(Number.isInteger(i.amount)).toBe(true)
    expect(i.description.length).toBeLessThanOrEqual(40)
  }
  expect(t.description.length).toBeLessThanOrEqual(40)
}

describe("buildCaptureRequest", () => {
  const mixed = [
    line("shirt", 24900, 2500, "1 x T-shirt"),
    line("food", 4550, 1200, "1 x Coffee beans"),
    line("book", 19900, 600, "1 x Cookbook"),
    line("ship", 4900, 2500, "Shipping: PostNord"),
  ]

  it("captures mixed 25/12/6 % VAT with a VAT summary that matches amount and vatAmount", () => {
    const body = buildCaptureRequest({ lines: mixed, payeeReference: "FC01ABC", description: "Capture of a shipment" })
    expect(body).toEqual({
      transaction: {
        activity: "FinancingConsumer",
        amount: 54250,
        // 29800 * 25/125 = 5960; 4550 * 12/112 = 487.5 -> 488; 19900 * 6/106 = 1126.4 -> 1126
        vatAmount: 5960 + 488 + 1126,
        payeeReference: "FC01ABC",
        description: "Capture of a shipment",
        itemDescriptions: [
          { amount: 24900, description: "1 x T-shirt" },
          { amount: 4550, description: "1 x Coffee beans" },
          { amount: 19900, description: "1 x Cookbook" },
          { amount: 4900, description: "Shipping: PostNord" },
        ],
        vatSummary: [
          { amount: 29800, vatPercent: 2500, vatAmount: 5960 },
          { amount: 4550, vatPercent: 1200, vatAmount: 488 },
          { amount: 19900, vatPercent: 600, vatAmount: 1126 },
        ],
      },
    })
    expectExactSums(body)
  })

  it("captures a one-öre line (its VAT rounds to 0)", () => {
    const body = buildCaptureRequest({ lines: [line("tiny", 1)], payeeReference: "CP1", description: "Capture" })
    expect(body.transaction).toMatchObject({
      amount: 1,
      vatAmount: 0,
      itemDescriptions: [{ amount: 1, description: "Item tiny" }],
      vatSummary: [{ amount: 1, vatPercent: 2500, vatAmount: 0 }],
    })
    expectExactSums(body)
  })

  it("leaves out lines worth nothing when capturing everything", () => {
    const body = buildCaptureRequest({
      lines: [line("a", 1000), line("free", 0, 1200)],
      payeeReference: "CP1",
      description: "Capture",
    })
    expect(body.transaction.itemDescriptions).toEqual([{ amount: 1000, description: "Item a" }])
    expect(body.transaction.vatSummary).toEqual([{ amount: 1000, vatPercent: 2500, vatAmount: 200 }])
  })

  describe("a partial capture from the admin", () => {
    const order: OrderLike = {
      id: "order_01",
      currency_code: "sek",
      items: [
        { id: "item_a", product_title: "Mug", quantity: 3, total: 99.99, tax_lines: [{ rate: 25 }] },
        { id: "item_b", product_title: "Tea", quantity: 2, total: 45.5, tax_lines: [{ rate: 12 }] },
        { id: "item_c", product_title: "Book", quantity: 1, total: 199, tax_lines: [{ rate: 6 }] },
      ],
      shipping_methods: [{ id: "sm_1", name: "PostNord", total: 49, tax_lines: [{ rate: 25 }] }],
    }

    it("is scaled from the order lines with exact sums", () => {
      const lines = grossLinesForOrder(order)
      const full = sum(lines.map((l) => l.amount))
      expect(full).toBe(9999 + 4550 + 19900 + 4900)
      const body = buildCaptureRequest({ lines, amount: 10000, payeeReference: "CP01XYZ", description: "Capture" })
      expect(body.transaction.amount).toBe(10000)
      expectExactSums(body)
      // each row is its line's share of 10000 / 39349, never more than the line itself
      body.transaction.itemDescriptions.forEach((row, i) => {
        expect(Math.abs(row.amount - (lines[i].amount * 10000) / full)).toBeLessThan(1)
        expect(row.description).toBe(lines[i].description)
      })
      expect(body.transaction.vatSummary.map((v) => v.vatPercent)).toEqual([2500, 1200, 600])
    })

    it("keeps sums exact for every amount from 1 öre to the whole order", () => {
      const lines = grossLinesForOrder(order)
      const full = sum(lines.map((l) => l.amount))
      for (const amount of [1, 2, 3, 7, 99, 1000, 3333, 12345, 20000, full - 1, full]) {
        expectExactSums(buildCaptureRequest({ lines, amount, payeeReference: "CP1", description: "Capture" }))
      }
    })

    it("refuses more than the lines are worth, and amounts that are not positive whole öre", () => {
      const lines = grossLinesForOrder(order)
      expect(() => buildCaptureRequest({ lines, amount: 39350, payeeReference: "CP1", description: "x" })).toThrow(
        /Cannot scale lines totalling 39349 to 39350/,
      )
      for (const amount of [0, -100, 12.5, NaN]) {
        expect(() => buildCaptureRequest({ lines, amount, payeeReference: "CP1", description: "x" })).toThrow(
          `Capture amount must be a positive number of minor units, got ${amount}`,
        )
      }
      expect(() => buildCaptureRequest({ lines: [], payeeReference: "CP1", description: "x" })).toThrow(
        /positive number of minor units, got 0/,
      )
    })

    it("captures a fulfillment's slice exactly", () => {
      const lines = grossLinesForItems(
        order,
        [
          { item_id: "item_a", quantity: 2 },
          { item_id: "item_b", quantity: 1 },
        ],
        { includeShipping: true },
      )
      const body = buildCaptureRequest({ lines, payeeReference: "FC01", description: "Capture of a shipment" })
      expect(body.transaction.itemDescriptions).toEqual([
        { amount: 6666, description: "2 x Mug" },
        { amount: 2275, description: "1 x Tea" },
        { amount: 4900, description: "Shipping: PostNord" },
      ])
      expectExactSums(body)
    })
  })

  it("refuses a VAT rate PayEx does not support, naming the rate and the line", () => {
    const lines = [line("a", 1000), line("odd", 1200, 2000, "1 x Imported gadget")]
    const error = (() => {
      try {
        buildCaptureRequest({ lines, payeeReference: "CP1", description: "Capture" })
      } catch (e) {
        return e as Error
      }
    })()
    expect(error).toBeInstanceOf(UnsupportedVatRateError)
    expect(error!.message).toBe(
      'PayEx does not accept a VAT rate of 20% (line "1 x Imported gadget"); supported: 0, 6, 8, 10, 12, 14, 15, 22, 24, 25%',
    )
    // also on a partial capture, and for a stacked rate that adds up to an unsupported one
    expect(() => buildCaptureRequest({ lines, amount: 500, payeeReference: "CP1", description: "x" })).toThrow(
      UnsupportedVatRateError,
    )
    expect(() =>
      buildCaptureRequest({ lines: [line("stack", 100, 3100)], payeeReference: "CP1", description: "x" }),
    ).toThrow(/31%/)
  })

  it("accepts every rate PayEx supports, including 0 %", () => {
    const lines = PAYEX_VAT_BASIS_POINTS.map((bp, i) => line(`l${i}`, 1000 + i, bp))
    const body = buildCaptureRequest({ lines, payeeReference: "CP1", description: "x" })
    expect(body.transaction.vatSummary.map((v) => v.vatPercent)).toEqual([...PAYEX_VAT_BASIS_POINTS].reverse())
    expect(body.transaction.vatSummary.find((v) => v.vatPercent === 0)).toEqual({
      amount: 1000,
      vatPercent: 0,
      vatAmount: 0,
    })
    expectExactSums(body)
  })

  it("fits the descriptions into 40 characters", () => {
    const long = "1 x An extremely long product title that goes on and on and on"
    const body = buildCaptureRequest({
      lines: [line("a", 1000, 2500, long)],
      payeeReference: "CP1",
      description: `Capture ${"x".repeat(60)}`,
    })
    expect(body.transaction.itemDescriptions[0].description).toHaveLength(40)
    expect(body.transaction.itemDescriptions[0].description.endsWith("…")).toBe(true)
    expect(body.transaction.description).toHaveLength(40)
  })

  it("keeps exact sums for many random orders", () => {
    let seed = 42
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const rates = [2500, 1200, 600, 0]
    for (let run = 0; run < 200; run++) {
      const lines = Array.from({ length: 1 + rand(8) }, (_, i) =>
        line(`l${i}`, 1 + rand(500000), rates[rand(rates.length)]),
      )
      const total = sum(lines.map((l) => l.amount))
      const amount = 1 + rand(total)
      expectExactSums(buildCaptureRequest({ lines, amount, payeeReference: "CP1", description: "x" }))
      expectExactSums(buildCaptureRequest({ lines, payeeReference: "CP1", description: "x" }))
    }
  })
})

describe("mergeVatSummaries", () => {
  it("adds up several captures' VAT summaries per rate, highest rate first", () => {
    expect(
      mergeVatSummaries([
        [
          { amount: 29800, vatPercent: 2500, vatAmount: 5960 },
          { amount: 4550, vatPercent: 1200, vatAmount: 488 },
        ],
        [
          { amount: 19900, vatPercent: 600, vatAmount: 1126 },
          { amount: 4900, vatPercent: 2500, vatAmount: 980 },
        ],
      ]),
    ).toEqual([
      { amount: 34700, vatPercent: 2500, vatAmount: 6940 },
      { amount: 4550, vatPercent: 1200, vatAmount: 488 },
      { amount: 19900, vatPercent: 600, vatAmount: 1126 },
    ])
  })

  it("drops rates that net to zero and is empty without captures", () => {
    expect(mergeVatSummaries([])).toEqual([])
    expect(mergeVatSummaries([[{ amount: 0, vatPercent: 2500, vatAmount: 0 }], []])).toEqual([])
  })

  it("does not modify the summaries it is given", () => {
    const summaries = [
      [{ amount: 100, vatPercent: 2500, vatAmount: 20 }],
      [{ amount: 100, vatPercent: 2500, vatAmount: 20 }],
    ]
    const copy = JSON.parse(JSON.stringify(summaries))
    mergeVatSummaries(summaries)
    expect(summaries).toEqual(copy)
  })
})

describe("buildReversalRequest", () => {
  const captured = [
    { amount: 54900, vatPercent: 2500, vatAmount: 10980 },
    { amount: 9999, vatPercent: 1200, vatAmount: 1071 },
  ]

  it("splits the VAT of a partial refund in proportion to what was captured at each rate", () => {
    // 10000 over 54900 : 9999 -> 8459 + 1541; VAT 8459 * 25/125 = 1691.8 -> 1692 and 1541 * 12/112 = 165.1 -> 165
    expect(buildReversalRequest({ amount: 10000, captured, payeeReference: "RF01ABC", description: "Refund" })).toEqual(
      {
        transaction: {
          activity: "FinancingConsumer",
          amount: 10000,
          vatAmount: 1857,
          payeeReference: "RF01ABC",
          description: "Refund",
        },
      },
    )
  })

  it("reverses the whole capture with exactly the captured VAT", () => {
    expect(
      buildReversalRequest({ amount: 64899, captured, payeeReference: "RF1", description: "Refund" }).transaction
        .vatAmount,
    ).toBe(10980 + 1071)
  })

  it("uses the one rate of a single-rate capture", () => {
    const body = buildReversalRequest({
      amount: 12500,
      captured: [{ amount: 50000, vatPercent: 2500, vatAmount: 10000 }],
      payeeReference: "RF1",
      description: "Refund",
    })
    expect(body.transaction.vatAmount).toBe(2500)
    const zero = buildReversalRequest({
      amount: 12500,
      captured: [{ amount: 50000, vatPercent: 0, vatAmount: 0 }],
      payeeReference: "RF1",
      description: "Refund",
    })
    expect(zero.transaction.vatAmount).toBe(0)
  })

  it("sends no VAT when nothing captured says what the VAT was", () => {
    expect(
      buildReversalRequest({ amount: 500, captured: [], payeeReference: "RF1", description: "Refund" }).transaction
        .vatAmount,
    ).toBe(0)
  })

  it("refuses amounts that are not positive whole öre", () => {
    for (const amount of [0, -1, 1.5, NaN]) {
      expect(() => buildReversalRequest({ amount, captured, payeeReference: "RF1", description: "Refund" })).toThrow(
        `Reversal amount must be a positive number of minor units, got ${amount}`,
      )
    }
  })

  it("fits the description into 40 characters", () => {
    const body = buildReversalRequest({
      amount: 100,
      captured,
      payeeReference: "RF1",
      description: "Refund ".repeat(10),
    })
    expect(body.transaction.description.length).toBeLessThanOrEqual(40)
  })
})
