// Property tests of the money mapping (issue 10): 10,000 random orders in all, split over the four
// properties below, each request checked the way PayEx and Payer check it — lines add up to the amount,
// VAT lines to the VAT, no negative line, and the parts of a line add up to the line.
import fc from "fast-check"
import { PAYEX_VAT_BASIS_POINTS, splitAmountByVat, sumAmounts, vatOfGross, type GrossLine } from "../../money"
import { sumItems } from "../../payer/items"
import { grossLinesForItems, type ItemSelection, type OrderLike } from "../order-lines"
import { planRefundCredits, type CreditableInvoice } from "../payer-credits"
import { payerItemsFor } from "../payer-order"
import { buildCaptureRequest, buildReversalRequest, mergeVatSummaries } from "../payex-transactions"

const RUNS = 2500 // per property; four properties

/** A Medusa order as query.graph answers it: line totals in major units, as strings with two decimals. */
const major = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, "0")}`

const vatRate = fc.constantFrom(...PAYEX_VAT_BASIS_POINTS)
const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 20 }),
  totalMinor: fc.integer({ min: 0, max: 5_000_000 }),
  vat: vatRate,
  /** How the line's quantity is cut into fulfillments: relative sizes, turned into whole units below. */
  cuts: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }),
})
const orderArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
  shipping: fc.option(fc.record({ totalMinor: fc.integer({ min: 0, max: 50_000 }), vat: vatRate }), {
    nil: undefined,
  }),
  fulfillments: fc.integer({ min: 1, max: 4 }),
})
type OrderSpec = typeof orderArb extends fc.Arbitrary<infer T> ? T : never

function toOrder(spec: OrderSpec): OrderLike {
  return {
    id: "order_prop",
    currency_code: "sek",
    items: spec.lines.map((l, i) => ({
      id: `item_${i}`,
      title: `Product ${i}`,
      quantity: l.quantity,
      total: major(l.totalMinor),
      tax_lines: [{ rate: l.vat / 100 }],
    })),
    shipping_methods: spec.shipping
      ? [
          {
            id: "ship_0",
            name: "Post",
            total: major(spec.shipping.totalMinor),
            tax_lines: [{ rate: spec.shipping.vat / 100 }],
          },
        ]
      : [],
  }
}

/** Each line's units spread over `count` fulfillments (some may ship none of it), in order. */
function fulfillmentSelections(spec: OrderSpec): ItemSelection[][] {
  const count = spec.fulfillments
  const selections: ItemSelection[][] = Array.from({ length: count }, () => [])
  spec.lines.forEach((line, i) => {
    let from = 0
    for (let f = 0; f < count; f++) {
      const weight = line.cuts[f % line.cuts.length]
      const left = line.quantity - from
      const quantity = f === count - 1 ? left : Math.min(left, weight)
      if (quantity > 0) selections[f].push({ item_id: `item_${i}`, quantity, from })
      from += quantity
    }
  })
  return selections
}

function expectCaptureAddsUp(lines: GrossLine[], amount?: number) {
  const { transaction } = buildCaptureRequest({ lines, amount, payeeReference: "FCprop", description: "Order" })
  const items = transaction.itemDescriptions.map((d) => d.amount)
  expect(items.every((a) => a >= 0)).toBe(true)
  expect(items.reduce((s, a) => s + a, 0)).toBe(transaction.amount)
  expect(transaction.vatSummary.reduce((s, g) => s + g.amount, 0)).toBe(transaction.amount)
  expect(transaction.vatSummary.reduce((s, g) => s + g.vatAmount, 0)).toBe(transaction.vatAmount)
  for (const g of transaction.vatSummary) expect(g.vatAmount).toBe(vatOfGross(g.amount, g.vatPercent))
  return transaction
}

describe("money mapping over random orders", () => {
  it("fulfillments slice every line exactly, and each PayEx capture and Payer invoice adds up", () => {
    fc.assert(
      fc.property(orderArb, (spec) => {
        const order = toOrder(spec)
        const billed = new Map<string, number>()
        fulfillmentSelections(spec).forEach((selection, f) => {
          const lines = grossLinesForItems(order, selection, { includeShipping: f === 0 })
          expect(lines.every((l) => l.amount > 0)).toBe(true)
          for (const l of lines) billed.set(l.reference, (billed.get(l.reference) ?? 0) + l.amount)
          if (sumAmounts(lines) > 0) expectCaptureAddsUp(lines)

          const items = payerItemsFor(order, selection, { includeShipping: f === 0 })
          expect(items.every((i) => i.quantity > 0 && i.unitPrice >= 0)).toBe(true)
          for (const i of items) expect(i.subtotalPrice).toBe(i.unitPrice * i.quantity)
          expect(sumItems(items).total).toBe(sumAmounts(lines))
        })
        // The parts of a line add up to the line, across all fulfillments.
        spec.lines.forEach((l, i) => expect(billed.get(`item_${i}`) ?? 0).toBe(l.totalMinor))
        if (spec.shipping) expect(billed.get("ship_0") ?? 0).toBe(spec.shipping.totalMinor)
      }),
      { numRuns: RUNS },
    )
  })

  it("a partial capture of any amount keeps lines = amount and VAT lines = VAT", () => {
    fc.assert(
      fc.property(orderArb, fc.double({ min: 0, max: 1, noNaN: true }), (spec, share) => {
        const order = toOrder(spec)
        const lines = grossLinesForItems(order, fulfillmentSelections({ ...spec, fulfillments: 1 })[0], {
          includeShipping: true,
        })
        const total = sumAmounts(lines)
        fc.pre(total > 0)
        const amount = Math.max(1, Math.min(total, Math.round(total * share)))
        expectCaptureAddsUp(lines, amount)
      }),
      { numRuns: RUNS },
    )
  })

  it("refunds of a capture split over its VAT rates exactly, each reversal's VAT within its amount", () => {
    fc.assert(
      fc.property(
        orderArb,
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        (spec, weights) => {
          const order = toOrder(spec)
          const lines = grossLinesForItems(order, fulfillmentSelections({ ...spec, fulfillments: 1 })[0], {
            includeShipping: true,
          })
          fc.pre(sumAmounts(lines) > 0)
          const captured = mergeVatSummaries([expectCaptureAddsUp(lines).vatSummary])
          const capturedTotal = captured.reduce((s, g) => s + g.amount, 0)
          // Refunds that together take back at most what was captured.
          let left = capturedTotal
          for (const w of weights) {
            const amount = Math.min(left, Math.max(1, Math.floor((capturedTotal * w) / 500)))
            if (amount <= 0) break
            left -= amount
            const parts = splitAmountByVat(amount, captured)
            expect(parts.reduce((s, g) => s + g.amount, 0)).toBe(amount)
            expect(parts.every((g) => g.amount > 0 && g.vatAmount >= 0 && g.vatAmount <= g.amount)).toBe(true)
            const { transaction } = buildReversalRequest({
              amount,
              captured,
              payeeReference: "RFprop",
              description: "Refund",
            })
            expect(transaction.vatAmount).toBe(parts.reduce((s, g) => s + g.vatAmount, 0))
          }
        },
      ),
      { numRuns: RUNS },
    )
  })

  it("a refund becomes Payer credits that add up to it and never exceed an invoice", () => {
    fc.assert(
      fc.property(orderArb, fc.double({ min: 0, max: 1, noNaN: true }), (spec, share) => {
        const order = toOrder(spec)
        const invoices: CreditableInvoice[] = fulfillmentSelections(spec).flatMap((selection, f) => {
          const items = payerItemsFor(order, selection, { includeShipping: f === 0 })
          const total = sumItems(items).total
          if (total <= 0) return []
          const lines = items.map((i) => ({
            position: i.position,
            quantity: i.quantity,
            credited_quantity: 0,
            unit_amount: i.unitPrice,
            total_amount: i.subtotalPrice,
            vat_basis_points: i.vatPercentage,
          }))
          return [{ id: `pinv_${f}`, invoice_number: String(1001 + f), total_amount: total, credited_amount: 0, lines }]
        })
        const available = invoices.reduce((s, i) => s + i.total_amount, 0)
        fc.pre(available > 0)
        const refund = Math.max(1, Math.min(available, Math.round(available * share)))
        const plan = planRefundCredits(invoices, refund)
        expect(plan.reduce((s, c) => s + c.amount, 0)).toBe(refund)
        for (const credit of plan) {
          const invoice = invoices.find((i) => i.id === credit.invoice_id)!
          expect(credit.amount).toBeGreaterThan(0)
          expect(credit.amount).toBeLessThanOrEqual(invoice.total_amount)
          if (credit.type === "manual") {
            expect(credit.items.every((i) => i.subtotalPrice > 0)).toBe(true)
            expect(sumItems(credit.items).total).toBe(credit.amount)
          }
        }
      }),
      { numRuns: RUNS },
    )
  })
})
