import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { GrossLine, percentToBasisPoints, sliceOfTotal, toMinorUnits } from "../money"

/** The parts of a Medusa order (as `query.graph` returns it) that invoice lines are built from. */
export interface OrderLineItemLike {
  id: string
  title?: string | null
  product_title?: string | null
  variant_sku?: string | null
  quantity: BigNumberInput
  /** Gross total of the whole line: after discounts, including VAT. */
  total: BigNumberInput
  tax_lines?: Array<{ rate: BigNumberInput }> | null
}

export interface ShippingMethodLike {
  id: string
  name?: string | null
  total: BigNumberInput
  tax_lines?: Array<{ rate: BigNumberInput }> | null
}

export interface OrderLike {
  id: string
  currency_code: string
  items?: OrderLineItemLike[] | null
  shipping_methods?: ShippingMethodLike[] | null
}

/** Which units of a line to bill: `from` units of it were billed before, `quantity` are billed now. */
export interface ItemSelection {
  item_id: string
  quantity: number
  from?: number
}

/** VAT of a line in basis points: the sum of its tax lines (Medusa may stack several rates). */
export function lineVatBasisPoints(taxLines: Array<{ rate: BigNumberInput }> | null | undefined): number {
  return (taxLines ?? []).reduce((sum, t) => sum + percentToBasisPoints(t.rate), 0)
}

function integerQuantity(q: BigNumberInput, what: string): number {
  // query.graph returns quantities as numbers, strings or BigNumber objects depending on the field
  const n = MathBN.convert(q).toNumber()
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number of units, got ${n}`)
  return n
}

/**
 * Gross lines for some units of some items (a fulfillment), and the shipping when asked.
 * A line's total is sliced by `sliceOfTotal`, so the slices billed across several fulfillments always
 * add up to the line's total to the öre, whatever the rounding of a unit price.
 */
export function grossLinesForItems(
  order: OrderLike,
  selection: ItemSelection[],
  { includeShipping }: { includeShipping: boolean },
): GrossLine[] {
  const byId = new Map((order.items ?? []).map((i) => [i.id, i]))
  const lines: GrossLine[] = []
  for (const sel of selection) {
    const item = byId.get(sel.item_id)
    if (!item) throw new Error(`Order ${order.id} has no line item ${sel.item_id}`)
    const lineQuantity = integerQuantity(item.quantity, `Quantity of line item ${item.id}`)
    const from = sel.from ?? 0
    if (sel.quantity <= 0) continue
    if (from + sel.quantity > lineQuantity) {
      throw new Error(
        `Line item ${item.id} has ${lineQuantity} units; cannot bill units ${from + 1}-${from + sel.quantity}`,
      )
    }
    const totalMinor = toMinorUnits(item.total, order.currency_code)
    lines.push({
      reference: item.id,
      description: `${sel.quantity} x ${item.product_title || item.title || item.variant_sku || "Item"}`,
      amount: sliceOfTotal(totalMinor, lineQuantity, from, sel.quantity),
      vatBasisPoints: lineVatBasisPoints(item.tax_lines),
    })
  }
  if (includeShipping) lines.push(...shippingLines(order))
  return lines.filter((l) => l.amount !== 0)
}

export function shippingLines(order: OrderLike): GrossLine[] {
  return (order.shipping_methods ?? [])
    .map((m) => ({
      reference: m.id,
      description: `Shipping: ${m.name || "delivery"}`,
      amount: toMinorUnits(m.total, order.currency_code),
      vatBasisPoints: lineVatBasisPoints(m.tax_lines),
    }))
    .filter((l) => l.amount !== 0)
}

/** Every unit of every item plus shipping: what the whole order bills. */
export function grossLinesForOrder(order: OrderLike): GrossLine[] {
  const selection = (order.items ?? []).map((i) => ({
    item_id: i.id,
    quantity: integerQuantity(i.quantity, `Quantity of line item ${i.id}`),
  }))
  return grossLinesForItems(order, selection, { includeShipping: true })
}

/** The parts of a Medusa fulfillment (as `query.graph` returns it) that say what it ships. */
export interface FulfillmentLike {
  id: string
  created_at: string | Date
  canceled_at?: string | Date | null
  items?: Array<{ line_item_id: string; quantity: unknown }> | null
}

/**
 * Which units a fulfillment bills: its items, each continuing after the units that earlier (not canceled)
 * fulfillments billed, and whether it is the first one (which also bills shipping). Null when the
 * fulfillment is not among the live fulfillments.
 */
export function fulfillmentSelection(
  fulfillments: FulfillmentLike[],
  fulfillmentId: string,
): { selection: ItemSelection[]; first: boolean } | null {
  const live = fulfillments
    .filter((f) => !f.canceled_at)
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
  const index = live.findIndex((f) => f.id === fulfillmentId)
  if (index < 0) return null
  const billedBefore = new Map<string, number>()
  for (const f of live.slice(0, index)) {
    for (const i of f.items ?? [])
      billedBefore.set(i.line_item_id, (billedBefore.get(i.line_item_id) ?? 0) + Number(i.quantity))
  }
  const selection = (live[index].items ?? []).map((i) => ({
    item_id: i.line_item_id,
    quantity: Number(i.quantity),
    from: billedBefore.get(i.line_item_id) ?? 0,
  }))
  return { selection, first: index === 0 }
}
