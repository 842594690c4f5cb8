/**
 * Validation of payment-order `orderItems` (create, capture, reversal) and of the post-purchase transactions.
 * Problem names are JSON paths; see sandbox/README.md for the rules and the choices where the docs are silent.
 */
import { ProblemCollector } from "../problems"
import { VAT_PERCENTS, vatIncluded } from "../validation-transactions"
import {
  checkOptionalString,
  checkPayeeReference,
  isInt,
  isObject,
  isText,
  PAYEE_REFERENCE_PATTERN,
} from "../validation"
import type { Obj } from "../validation"
import type { OrderItem, OrderItemType } from "./state"
import { INSTRUMENT_BY_CURRENCY } from "./state"

export const ORDER_ITEM_TYPES: readonly OrderItemType[] = [
  "PRODUCT",
  "SERVICE",
  "SHIPPING_FEE",
  "PAYMENT_FEE",
  "DISCOUNT",
  "VALUE_CODE",
  "OTHER",
]
export const INVOICE_INSTRUMENTS = [...Object.values(INSTRUMENT_BY_CURRENCY), "Invoice-PayMonthlyInvoiceSe"]
export const TRANSACTION_DESCRIPTION_MAX = 50

export function isAbsoluteUrl(value: unknown): value is string {
  if (typeof value !== "string") return false
  try {
    const url = new URL(value)
    return url.protocol === "https:" || url.protocol === "http:"
  } catch {
    return false
  }
}

/** VAT included in a line amount, round half up on the magnitude; a negative (discount) line gets negative VAT. */
export function lineVat(amount: number, vatPercent: number): number {
  return amount < 0 ? -vatIncluded(-amount, vatPercent) : vatIncluded(amount, vatPercent)
}

function checkItem(c: ProblemCollector, name: string, it: Obj): boolean {
  c.check(isText(it.reference), `${name}.reference`, "reference is required")
  c.check(isText(it.name), `${name}.name`, "name is required")
  const typeOk = c.check(
    ORDER_ITEM_TYPES.includes(it.type),
    `${name}.type`,
    `type must be one of ${ORDER_ITEM_TYPES.join(", ")}`,
  )
  c.check(
    typeof it.class === "string" && /^[\w-]+$/.test(it.class),
    `${name}.class`,
    "class is required: letters, digits, _ or - only, no spaces",
  )
  for (const key of ["itemUrl", "imageUrl"]) {
    if (it[key] != null) c.check(isAbsoluteUrl(it[key]), `${name}.${key}`, "must be an absolute http(s) URL")
  }
  checkOptionalString(c, `${name}.description`, it.description)
  checkOptionalString(c, `${name}.discountDescription`, it.discountDescription)
  c.check(
    typeof it.quantity === "number" &&
      Number.isFinite(it.quantity) &&
      it.quantity > 0 &&
      Math.abs(it.quantity * 10000 - Math.round(it.quantity * 10000)) < 1e-6,
    `${name}.quantity`,
    "quantity must be a number > 0 with at most 4 decimals",
  )
  c.check(isText(it.quantityUnit), `${name}.quantityUnit`, "quantityUnit is required (e.g. pcs)")
  c.check(isInt(it.unitPrice), `${name}.unitPrice`, "unitPrice must be an integer (minor units, VAT included)")
  if (it.discountPrice != null)
    c.check(isInt(it.discountPrice), `${name}.discountPrice`, "discountPrice must be an integer")
  const percentOk = c.check(
    isInt(it.vatPercent) && (VAT_PERCENTS as readonly number[]).includes(it.vatPercent),
    `${name}.vatPercent`,
    `vatPercent must be an integer in basis points, one of ${VAT_PERCENTS.join(", ")}`,
  )
  let amountOk = c.check(isInt(it.amount), `${name}.amount`, "amount must be an integer (minor units, VAT included)")
  if (amountOk && typeOk) {
    amountOk = c.check(
      it.type === "DISCOUNT" ? it.amount <= 0 : it.amount >= 0,
      `${name}.amount`,
      it.type === "DISCOUNT"
        ? "a DISCOUNT line must have amount <= 0"
        : "amount must be >= 0 (only DISCOUNT lines are negative)",
    )
  }
  const vatOk = c.check(isInt(it.vatAmount), `${name}.vatAmount`, "vatAmount must be an integer")
  if (amountOk && percentOk && vatOk) {
    const expected = lineVat(it.amount, it.vatPercent)
    c.check(
      it.vatAmount === expected,
      `${name}.vatAmount`,
      `vatAmount must be ${expected} (${it.vatPercent / 100}% VAT included in ${it.amount}, rounded half up)`,
    )
  }
  if (it.restrictedToInstruments != null) {
    c.check(
      Array.isArray(it.restrictedToInstruments) &&
        it.restrictedToInstruments.every((i: unknown) => INVOICE_INSTRUMENTS.includes(i as string)),
      `${name}.restrictedToInstruments`,
      `restrictedToInstruments must be an array of ${INVOICE_INSTRUMENTS.join(", ")}`,
    )
  }
  return amountOk && vatOk
}

/**
 * Validates `orderItems` (required, non-empty) and that their amounts add up to `amount`/`vatAmount` (when those are
 * valid, i.e. not null). Returns the normalised lines.
 */
export function checkOrderItems(
  c: ProblemCollector,
  name: string,
  value: unknown,
  amount: number | null,
  vatAmount: number | null,
): OrderItem[] {
  if (!c.check(Array.isArray(value) && value.length > 0, name, "orderItems must be a non-empty array")) return []
  const items = value as unknown[]
  let allOk = true
  items.forEach((item, i) => {
    if (!c.check(isObject(item), `${name}[${i}]`, "must be an object")) allOk = false
    else if (!checkItem(c, `${name}[${i}]`, item as Obj)) allOk = false
  })
  if (!allOk) return []
  const lines = items as Obj[]
  const sum = lines.reduce((s, it) => s + it.amount, 0)
  const vat = lines.reduce((s, it) => s + it.vatAmount, 0)
  if (amount !== null) c.check(sum === amount, name, `the orderItems amounts add up to ${sum}, not amount ${amount}`)
  if (vatAmount !== null)
    c.check(vat === vatAmount, name, `the orderItems vatAmounts add up to ${vat}, not vatAmount ${vatAmount}`)
  const keys: Array<keyof OrderItem> = [
    "reference",
    "name",
    "type",
    "class",
    "itemUrl",
    "imageUrl",
    "description",
    "discountDescription",
    "quantity",
    "quantityUnit",
    "unitPrice",
    "discountPrice",
    "vatPercent",
    "amount",
    "vatAmount",
    "restrictedToInstruments",
  ]
  return lines.map((it) => Object.fromEntries(keys.filter((k) => it[k] != null).map((k) => [k, it[k]])) as OrderItem)
}

/** amount > 0 and 0 <= vatAmount <= amount, integers; returns [amount, vatAmount] with null for a broken one. */
export function checkAmounts(c: ProblemCollector, prefix: string, o: Obj): [number | null, number | null] {
  const amountOk = c.check(
    isInt(o.amount) && o.amount > 0,
    `${prefix}.amount`,
    "amount must be a positive integer (minor units, VAT included)",
  )
  let vatOk = c.check(
    isInt(o.vatAmount) && o.vatAmount >= 0,
    `${prefix}.vatAmount`,
    "vatAmount must be an integer >= 0",
  )
  if (amountOk && vatOk)
    vatOk = c.check(o.vatAmount <= o.amount, `${prefix}.vatAmount`, "vatAmount must not exceed amount")
  return [amountOk ? o.amount : null, vatOk ? o.vatAmount : null]
}

function checkDescription(c: ProblemCollector, name: string, value: unknown): void {
  if (c.check(isText(value), name, "description is required"))
    c.check(
      (value as string).length <= TRANSACTION_DESCRIPTION_MAX,
      name,
      `description must be at most ${TRANSACTION_DESCRIPTION_MAX} characters`,
    )
}

export interface AmountTransactionInput {
  amount: number
  vatAmount: number
  description: string
  payeeReference: string
  receiptReference?: string
  orderItems: OrderItem[]
}

/** Capture and reversal: `{ transaction: { description, amount, vatAmount, payeeReference, receiptReference?, orderItems } }`. */
export function validateAmountTransaction(body: Obj, remaining: number, remainingName: string): AmountTransactionInput {
  const c = new ProblemCollector()
  const tx = body.transaction as Obj
  const [amount, vatAmount] = checkAmounts(c, "transaction", tx)
  checkPayeeReference(c, "transaction.payeeReference", tx.payeeReference)
  if (tx.receiptReference != null)
    c.check(
      typeof tx.receiptReference === "string" && PAYEE_REFERENCE_PATTERN.test(tx.receiptReference),
      "transaction.receiptReference",
      "receiptReference must be 1-30 letters A-Z, a-z or digits",
    )
  checkDescription(c, "transaction.description", tx.description)
  const orderItems = checkOrderItems(c, "transaction.orderItems", tx.orderItems, amount, vatAmount)
  if (amount !== null)
    c.check(amount <= remaining, "transaction.amount", `amount exceeds the ${remainingName} ${remaining}`)
  c.throwIfAny()
  return {
    amount: amount!,
    vatAmount: vatAmount!,
    description: tx.description,
    payeeReference: tx.payeeReference,
    ...(tx.receiptReference != null ? { receiptReference: tx.receiptReference } : {}),
    orderItems,
  }
}

/** Cancellation: `{ transaction: { description, payeeReference } }` (no amount: everything uncaptured is released). */
export function validateCancellation(body: Obj): { description: string; payeeReference: string } {
  const c = new ProblemCollector()
  const tx = body.transaction as Obj
  checkPayeeReference(c, "transaction.payeeReference", tx.payeeReference)
  checkDescription(c, "transaction.description", tx.description)
  for (const key of ["amount", "vatAmount"])
    if (tx[key] !== undefined)
      c.add(`transaction.${key}`, `a cancellation has no ${key}: it releases everything not captured`)
  c.throwIfAny()
  return { description: tx.description, payeeReference: tx.payeeReference }
}
