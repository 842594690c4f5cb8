import { planReturnCredits, ReturnableInvoice } from "../payer-return-credits"

/** Invoice 1001: 2 chairs (item_chair), 3 coffee 100.00 split over two positions (item_coffee), shipping. */
const first = (overrides: Partial<ReturnableInvoice> = {}): ReturnableInvoice => ({
  id: "pinv_1",
  invoice_number: "1001",
  total_amount: 50000 + 10000 + 4900,
  credited_amount: 0,
  lines: [
    {
      position: 1,
      line_item_id: "item_chair",
      quantity: 2,
      credited_quantity: 0,
      unit_amount: 25000,
      total_amount: 50000,
      vat_basis_points: 2500,
    },
    {
      position: 2,
      line_item_id: "item_coffee",
      quantity: 2,
      credited_quantity: 0,
      unit_amount: 3333,
      total_amount: 6666,
      vat_basis_points: 1200,
    },
    {
      position: 3,
      line_item_id: "item_coffee",
      quantity: 1,
      credited_quantity: 0,
      unit_amount: 3334,
      total_amount: 3334,
      vat_basis_points: 1200,
    },
    {
      position: 4,
      line_item_id: null,
      quantity: 1,
      credited_quantity: 0,
      unit_amount: 4900,
      total_amount: 4900,
      vat_basis_points: 2500,
    },
  ],
  ...overrides,
})

/** Invoice 1002 (a later fulfillment): one more chair. */
const second = (overrides: Partial<ReturnableInvoice> = {}): ReturnableInvoice => ({
  id: "pinv_2",
  invoice_number: "1002",
  total_amount: 25000,
  credited_amount: 0,
  lines: [
    {
      position: 1,
      line_item_id: "item_chair",
      quantity: 1,
      credited_quantity: 0,
      unit_amount: 25000,
      total_amount: 25000,
      vat_basis_points: 2500,
    },
  ],
  ...overrides,
})

describe("planReturnCredits", () => {
  it("credits returned units by the positions that billed them", () => {
    const plan = planReturnCredits([first()], [{ line_item_id: "item_chair", quantity: 1 }], "sek")
    expect(plan).toEqual({
      credits: [
        {
          type: "partial",
          invoice_id: "pinv_1",
          invoice_number: "1001",
          amount: 25000,
          items: [{ position: 1, quantity: 1 }],
          returned: [{ line_item_id: "item_chair", quantity: 1 }],
        },
      ],
      uncovered: [],
    })
  })

  it("spreads a line billed at two prices over both positions, the last unit at its exact rest", () => {
    const [credit] = planReturnCredits([first()], [{ line_item_id: "item_coffee", quantity: 3 }], "sek").credits
    expect(credit.items).toEqual([
      { position: 2, quantity: 2 },
      { position: 3, quantity: 1 },
    ])
    expect(credit.amount).toBe(10000)
  })

  it("takes units from the oldest invoice first and continues on the next one", () => {
    const plan = planReturnCredits([second(), first()], [{ line_item_id: "item_chair", quantity: 3 }], "sek")
    expect(plan.credits.map((c) => [c.invoice_number, c.items, c.amount])).toEqual([
      ["1001", [{ position: 1, quantity: 2 }], 50000],
      ["1002", [{ position: 1, quantity: 1 }], 25000],
    ])
  })

  it("skips units already credited by position", () => {
    const credited = first({
      lines: first().lines.map((l) => (l.position === 1 ? { ...l, credited_quantity: 2 } : l)),
      credited_amount: 50000,
    })
    const plan = planReturnCredits([credited, second()], [{ line_item_id: "item_chair", quantity: 1 }], "sek")
    expect(plan.credits.map((c) => c.invoice_number)).toEqual(["1002"])
  })

  it("reports units no invoice billed as uncovered", () => {
    const plan = planReturnCredits(
      [first()],
      [
        { line_item_id: "item_chair", quantity: 3 },
        { line_item_id: "item_book", quantity: 1 },
      ],
      "sek",
    )
    expect(plan.credits[0].items).toEqual([{ position: 1, quantity: 2 }])
    expect(plan.uncovered).toEqual([
      { line_item_id: "item_chair", quantity: 1 },
      { line_item_id: "item_book", quantity: 1 },
    ])
  })

  it("leaves an invoice's units uncovered when its remaining amount is smaller than the positions (manual credits)", () => {
    const plan = planReturnCredits(
      [first({ credited_amount: 64000 })],
      [{ line_item_id: "item_chair", quantity: 1 }],
      "sek",
    )
    expect(plan.credits).toEqual([])
    expect(plan.uncovered).toEqual([{ line_item_id: "item_chair", quantity: 1 }])
  })

  it("ignores zero quantities and nothing returned", () => {
    expect(planReturnCredits([first()], [{ line_item_id: "item_chair", quantity: 0 }], "sek")).toEqual({
      credits: [],
      uncovered: [],
    })
    expect(planReturnCredits([first()], [], "sek")).toEqual({ credits: [], uncovered: [] })
  })
})
