/**
 * Pure: a received return with known items -> credits by position. Each returned unit is credited on the
 * oldest invoice position that billed its line item and still has uncredited units; one partial credit per
 * invoice. Units that no invoice can take (never invoiced, already credited, or the invoice's remaining
 * amount is too small after manual credits) are reported as uncovered instead of guessed at.
 */
import {
  CreditRequestError,
  remainingQuantity,
  validateCreditRequest,
  type CreditableInvoice,
  type CreditableLine,
  type PlannedCredit,
} from "./payer-credits"

export type ReturnableInvoice = Omit<CreditableInvoice, "lines"> & {
  lines: Array<CreditableLine & { line_item_id?: string | null }>
}

export interface ReturnedItem {
  line_item_id: string
  quantity: number
}

export interface ReturnCreditPlan {
  credits: Array<Extract<PlannedCredit, { type: "partial" }> & { returned: ReturnedItem[] }>
  uncovered: ReturnedItem[]
}

function add(list: ReturnedItem[], lineItemId: string, quantity: number): void {
  const found = list.find((r) => r.line_item_id === lineItemId)
  if (found) found.quantity += quantity
  else list.push({ line_item_id: lineItemId, quantity })
}

export function planReturnCredits(
  invoices: ReturnableInvoice[],
  returned: ReturnedItem[],
  currencyCode: string,
): ReturnCreditPlan {
  const ordered = [...invoices].sort((a, b) => Number(a.invoice_number) - Number(b.invoice_number))
  const taken = new Map<string, Map<number, number>>() // invoice id -> position -> units taken by this plan
  const returnedBy = new Map<string, ReturnedItem[]>()
  const uncovered: ReturnedItem[] = []

  for (const item of returned) {
    let left = Math.floor(Number(item.quantity))
    if (!item.line_item_id || !(left > 0)) continue
    for (const invoice of ordered) {
      for (const line of invoice.lines.filter((l) => l.line_item_id === item.line_item_id)) {
        if (left === 0) break
        const positions = taken.get(invoice.id) ?? new Map<number, number>()
        const available = remainingQuantity(line) - (positions.get(line.position) ?? 0)
        const take = Math.min(left, available)
        if (take <= 0) continue
        positions.set(line.position, (positions.get(line.position) ?? 0) + take)
        taken.set(invoice.id, positions)
        const list = returnedBy.get(invoice.id) ?? []
        add(list, item.line_item_id, take)
        returnedBy.set(invoice.id, list)
        left -= take
      }
    }
    if (left > 0) add(uncovered, item.line_item_id, left)
  }

  const credits: ReturnCreditPlan["credits"] = []
  for (const invoice of ordered) {
    const positions = taken.get(invoice.id)
    if (!positions) continue
    const items = [...positions.entries()]
      .sort(([a], [b]) => a - b)
      .map(([position, quantity]) => ({ position, quantity }))
    try {
      const planned = validateCreditRequest(invoice, { type: "partial", items }, currencyCode)
      credits.push({
        ...(planned as Extract<PlannedCredit, { type: "partial" }>),
        returned: returnedBy.get(invoice.id)!,
      })
    } catch (e) {
      if (!(e instanceof CreditRequestError)) throw e
      for (const r of returnedBy.get(invoice.id)!) add(uncovered, r.line_item_id, r.quantity)
    }
  }
  return { credits, uncovered }
}
