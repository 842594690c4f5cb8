/**
 * Credit invoices: full, partial (by position) and manual (free lines).
 *
 * Amounts on credit invoices are POSITIVE, like on normal invoices; `type: "CREDIT"` says which way the money goes.
 * What can still be credited is tracked on the original in `creditLedger` (standalone credits included, so an
 * invoice can never be credited for more than its total). A linked credit first cancels the original's
 * outstanding debt; only what exceeds it stays on the credit as `outstandingAmount` (to pay out or to use with
 * pay-with-credit). A standalone credit leaves the original untouched and keeps its whole total outstanding.
 */
import { badRequest, notFound } from "../errors"
import type { InvoiceItem, OrderItem, PayerStore, StoredInvoice } from "../state"
import { QTY_EPSILON, ocrReference, roundQuantity, todayIso, vatAmountOf } from "../util"
import { Problems } from "../request-fields"
import type { CreditPosition, ValidatedCreditCommon } from "../validation-credits"
import {
  assertExternalInvoiceNumberFree,
  creditStatus,
  getInvoice,
  newPublicToken,
  nowIso,
  toInvoiceItems,
  totals,
} from "./common"

/** The NORMAL invoice a credit request points at (by invoiceNumber, else by referenceId). */
export function resolveOriginal(store: PayerStore, req: ValidatedCreditCommon): StoredInvoice {
  let original: StoredInvoice | undefined
  if (req.invoiceNumber !== null) {
    original = getInvoice(store, req.invoiceNumber)
    if (req.referenceId !== null && original.referenceId !== req.referenceId) {
      throw badRequest(`referenceId ${req.referenceId} does not belong to invoice ${req.invoiceNumber}`)
    }
  } else {
    original = [...store.invoices.values()].find((i) => i.type === "NORMAL" && i.referenceId === req.referenceId)
    if (!original) throw notFound(`No invoice with referenceId ${req.referenceId} found`)
  }
  if (original.type !== "NORMAL") {
    throw badRequest(`Invoice ${original.invoiceNumber} is a credit invoice and can not be credited`)
  }
  return original
}

export function remainingToCredit(original: StoredInvoice): number {
  return original.totalAmount - original.creditLedger!.total
}

function assertCreditable(original: StoredInvoice, creditTotal: number): void {
  const remaining = remainingToCredit(original)
  if (remaining <= 0) throw badRequest(`Invoice ${original.invoiceNumber} is fully credited; nothing remains to credit`)
  if (creditTotal < 1) throw badRequest(`The credit total must be at least 1 (got ${creditTotal})`)
  if (creditTotal > remaining) {
    throw badRequest(
      `The credit total ${creditTotal} exceeds the amount of invoice ${original.invoiceNumber} not yet credited (${remaining})`,
    )
  }
}

/** Creates the credit invoice and applies its effects on the original. Call only after all checks passed. */
function issueCredit(
  store: PayerStore,
  original: StoredInvoice,
  req: ValidatedCreditCommon,
  items: InvoiceItem[],
): StoredInvoice {
  const { totalAmount, totalVatAmount } = totals(items)
  const invoiceNumber = store.nextInvoiceNumber++
  const invoiceDate = req.invoiceDate ?? todayIso()
  const credit: StoredInvoice = {
    invoiceNumber,
    referenceNumber: ocrReference(invoiceNumber),
    referenceId: req.referenceId,
    externalInvoiceNumber: req.externalInvoiceNumber,
    orderId: original.orderId,
    orderReferenceId: original.orderReferenceId,
    type: "CREDIT",
    status: "UNPAID",
    currencyCode: original.currencyCode,
    invoiceDate,
    dueDate: invoiceDate,
    deliveryType: req.deliveryType ?? original.deliveryType,
    totalAmount,
    totalVatAmount,
    creditedAmount: 0,
    outstandingAmount: totalAmount,
    creditedInvoiceNumber: req.standalone ? null : original.invoiceNumber,
    standalone: req.standalone,
    items,
    publicToken: newPublicToken(),
    sends: [],
    payments: [],
    creditLedger: null,
    creditInvoiceNumbers: [],
    createdAt: nowIso(),
  }
  original.creditLedger!.total += totalAmount
  original.creditInvoiceNumbers.push(invoiceNumber)
  if (!req.standalone) {
    original.creditedAmount += totalAmount
    const applied = Math.min(original.outstandingAmount, totalAmount)
    original.outstandingAmount -= applied
    original.status = original.creditedAmount >= original.totalAmount ? "CREDITED" : "PARTIALLY_CREDITED"
    if (applied > 0) {
      credit.outstandingAmount -= applied
      credit.payments.push({
        source: "CREDIT_INVOICE",
        amount: applied,
        at: nowIso(),
        counterpartInvoiceNumber: original.invoiceNumber,
      })
      credit.status = creditStatus(credit)
    }
  }
  store.invoices.set(invoiceNumber, credit)
  return credit
}

/**
 * One line per VAT rate for what remains, used by a full credit after manual credits (whose lines do not map
 * onto positions). A rate over-credited by manual lines is taken from the other rates, highest rate first.
 */
function remainingByVatRate(original: StoredInvoice): InvoiceItem[] {
  const ledger = original.creditLedger!
  const byVat = new Map<number, number>()
  for (const item of original.items) {
    const credited = ledger.byPosition[item.position]?.amount ?? 0
    byVat.set(item.vatPercentage, (byVat.get(item.vatPercentage) ?? 0) + item.subtotalPrice - credited)
  }
  for (const [vat, amount] of Object.entries(ledger.manualByVat)) {
    byVat.set(Number(vat), (byVat.get(Number(vat)) ?? 0) - amount)
  }
  const rates = [...byVat.keys()].sort((a, b) => b - a)
  let deficit = 0
  for (const rate of rates) {
    if (byVat.get(rate)! < 0) {
      deficit -= byVat.get(rate)!
      byVat.set(rate, 0)
    }
  }
  for (const rate of rates) {
    const take = Math.min(byVat.get(rate)!, deficit)
    byVat.set(rate, byVat.get(rate)! - take)
    deficit -= take
  }
  return rates
    .filter((rate) => byVat.get(rate)! > 0)
    .map((rate, i) => {
      const amount = byVat.get(rate)!
      return {
        position: i + 1,
        articleNumber: null,
        description: `Remaining amount of invoice ${original.invoiceNumber} (VAT ${rate / 100} %)`,
        quantity: 1,
        unit: null,
        unitPrice: amount,
        subtotalPrice: amount,
        vatPercentage: rate,
        vatAmount: vatAmountOf(amount, rate),
      }
    })
}

export function creditFull(store: PayerStore, req: ValidatedCreditCommon): StoredInvoice {
  const original = resolveOriginal(store, req)
  const ledger = original.creditLedger!
  const remaining = remainingToCredit(original)
  if (remaining <= 0) throw badRequest(`Invoice ${original.invoiceNumber} is fully credited; nothing remains to credit`)
  assertExternalInvoiceNumberFree(store, req.externalInvoiceNumber)

  const hasManual = Object.values(ledger.manualByVat).some((amount) => amount !== 0)
  const items: InvoiceItem[] = hasManual
    ? remainingByVatRate(original)
    : original.items.flatMap((item) => {
        const credited = ledger.byPosition[item.position] ?? { quantity: 0, amount: 0 }
        const quantity = roundQuantity(item.quantity - credited.quantity)
        const amount = item.subtotalPrice - credited.amount
        if (quantity <= QTY_EPSILON && amount === 0) return []
        return [{ ...item, quantity, subtotalPrice: amount, vatAmount: vatAmountOf(amount, item.vatPercentage) }]
      })
  for (const item of original.items) {
    ledger.byPosition[item.position] = { quantity: item.quantity, amount: item.subtotalPrice }
  }
  return issueCredit(store, original, req, items)
}

export function creditPartial(
  store: PayerStore,
  req: ValidatedCreditCommon & { items: CreditPosition[] },
): StoredInvoice {
  const original = resolveOriginal(store, req)
  const ledger = original.creditLedger!
  const p = new Problems()
  const lines: InvoiceItem[] = []
  const updates: Array<{ position: number; quantity: number; amount: number }> = []
  req.items.forEach((wanted, i) => {
    const item = original.items.find((x) => x.position === wanted.position)
    if (!item) {
      return p.add(`items[${i}].position ${wanted.position} does not exist on invoice ${original.invoiceNumber}`)
    }
    const credited = ledger.byPosition[item.position] ?? { quantity: 0, amount: 0 }
    const remainingQty = roundQuantity(item.quantity - credited.quantity)
    if (wanted.quantity > remainingQty + QTY_EPSILON) {
      return p.add(
        `items[${i}].quantity ${wanted.quantity} exceeds the quantity of position ${item.position} not yet credited (${remainingQty})`,
      )
    }
    // the last part of a position takes exactly what is left of its subtotal, so rounding never drifts
    const isRest = Math.abs(wanted.quantity - remainingQty) <= QTY_EPSILON
    const amount = isRest ? item.subtotalPrice - credited.amount : Math.round(item.unitPrice * wanted.quantity)
    lines.push({
      ...item,
      quantity: wanted.quantity,
      subtotalPrice: amount,
      vatAmount: vatAmountOf(amount, item.vatPercentage),
    })
    updates.push({ position: item.position, quantity: wanted.quantity, amount })
  })
  p.throwIfAny()
  assertCreditable(original, totals(lines).totalAmount)
  assertExternalInvoiceNumberFree(store, req.externalInvoiceNumber)

  for (const u of updates) {
    const credited = ledger.byPosition[u.position] ?? { quantity: 0, amount: 0 }
    ledger.byPosition[u.position] = {
      quantity: roundQuantity(credited.quantity + u.quantity),
      amount: credited.amount + u.amount,
    }
  }
  return issueCredit(store, original, req, lines)
}

export function creditManual(store: PayerStore, req: ValidatedCreditCommon & { items: OrderItem[] }): StoredInvoice {
  const original = resolveOriginal(store, req)
  const lines = toInvoiceItems(req.items)
  assertCreditable(original, totals(lines).totalAmount)
  assertExternalInvoiceNumberFree(store, req.externalInvoiceNumber)

  const ledger = original.creditLedger!
  for (const line of lines) {
    ledger.manualByVat[line.vatPercentage] = (ledger.manualByVat[line.vatPercentage] ?? 0) + line.subtotalPrice
  }
  return issueCredit(store, original, req, lines)
}
