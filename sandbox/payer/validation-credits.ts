/**
 * Pure validation of the credit, send, pay-with-credit and payout bodies (see validation.ts for the rules).
 */
import { DELIVERY_TYPES, type DeliveryType, type OrderItem } from "./state"
import { isIsoDate, roundQuantity, todayIso } from "./util"
import { Problems, bool, given, int, isObject, oneOf, requireBody, str, type Json } from "./request-fields"
import { validateItems } from "./validation"

// ---------------------------------------------------------------------------------------------- credits

export interface ValidatedCreditCommon {
  invoiceNumber: number | null
  referenceId: string | null
  standalone: boolean
  deliveryType: DeliveryType | null
  invoiceDate: string | null
  externalInvoiceNumber: string | null
}

export function validateCreditCommon(p: Problems, b: Json): ValidatedCreditCommon {
  const invoiceNumber = int(p, b, "invoiceNumber", "invoiceNumber", { min: 1 })
  const referenceId = str(p, b, "referenceId", "referenceId", { max: 64 })
  if (!given(b.invoiceNumber) && !given(b.referenceId)) p.add("invoiceNumber or referenceId is required")
  const standalone = bool(p, b, "standalone", "standalone") ?? false
  const deliveryType = oneOf(p, b, "deliveryType", "deliveryType", DELIVERY_TYPES)
  const invoiceDate = str(p, b, "invoiceDate", "invoiceDate", {
    pattern: /^\d{4}-\d{2}-\d{2}$/,
    patternHint: "must be a date (YYYY-MM-DD)",
  })
  if (invoiceDate !== null) {
    if (!isIsoDate(invoiceDate)) p.add(`invoiceDate ${invoiceDate} is not a valid date`)
    else if (invoiceDate > todayIso()) p.add(`invoiceDate ${invoiceDate} can not be in the future`)
  }
  const externalInvoiceNumber = str(p, b, "externalInvoiceNumber", "externalInvoiceNumber", { max: 36 })
  return { invoiceNumber, referenceId, standalone, deliveryType, invoiceDate, externalInvoiceNumber }
}

export function validateFullCredit(body: unknown): ValidatedCreditCommon {
  const b = requireBody(body)
  const p = new Problems()
  const common = validateCreditCommon(p, b)
  p.throwIfAny()
  return common
}

export interface CreditPosition {
  position: number
  quantity: number
}

export function validatePartialCredit(body: unknown): ValidatedCreditCommon & { items: CreditPosition[] } {
  const b = requireBody(body)
  const p = new Problems()
  const common = validateCreditCommon(p, b)
  const items: CreditPosition[] = []
  if (!Array.isArray(b.items) || b.items.length === 0) {
    p.add("items is required and must be a non-empty array")
  } else {
    const seen = new Set<number>()
    b.items.forEach((raw: unknown, i: number) => {
      if (!isObject(raw)) return p.add(`items[${i}] must be an object`)
      const position = int(p, raw, "position", `items[${i}].position`, { required: true, min: 1 })
      const quantity = raw.quantity
      if (typeof quantity !== "number" || !Number.isFinite(quantity) || quantity <= 0) {
        return p.add(`items[${i}].quantity must be a number > 0 (got ${JSON.stringify(quantity)})`)
      }
      if (position === null) return
      if (seen.has(position)) return p.add(`items[${i}].position ${position} is used more than once`)
      seen.add(position)
      items.push({ position, quantity: roundQuantity(quantity) })
    })
  }
  p.throwIfAny()
  return { ...common, items }
}

export function validateManualCredit(body: unknown): ValidatedCreditCommon & { items: OrderItem[] } {
  const b = requireBody(body)
  const p = new Problems()
  const common = validateCreditCommon(p, b)
  const items = validateItems(p, b.items)
  p.throwIfAny()
  return { ...common, items }
}

// ---------------------------------------------------------------------------------------------- other calls

export function validateSend(body: unknown): { invoiceNumber: number; deliveryType: DeliveryType } {
  const b = requireBody(body)
  const p = new Problems()
  const invoiceNumber = int(p, b, "invoiceNumber", "invoiceNumber", { required: true, min: 1 })
  const deliveryType = oneOf(p, b, "deliveryType", "deliveryType", DELIVERY_TYPES, { required: true })
  if (deliveryType === "NONE") p.add("deliveryType NONE can not be used to send an invoice")
  p.throwIfAny()
  return { invoiceNumber: invoiceNumber!, deliveryType: deliveryType! }
}

export interface ValidatedPayWithCredit {
  creditInvoiceNumber: number
  toPayInvoiceNumber: number | null
  toPayInvoiceAggregationId: string | null
  amount: number
}

export function validatePayWithCredit(body: unknown): ValidatedPayWithCredit {
  const b = requireBody(body)
  const p = new Problems()
  const creditInvoiceNumber = int(p, b, "creditInvoiceNumber", "creditInvoiceNumber", { required: true, min: 1 })
  const toPayInvoiceNumber = int(p, b, "toPayInvoiceNumber", "toPayInvoiceNumber", { min: 1 })
  const toPayInvoiceAggregationId = str(p, b, "toPayInvoiceAggregationId", "toPayInvoiceAggregationId")
  const hasNumber = given(b.toPayInvoiceNumber)
  const hasAggregation = given(b.toPayInvoiceAggregationId)
  if (!hasNumber && !hasAggregation) p.add("toPayInvoiceNumber or toPayInvoiceAggregationId is required")
  if (hasNumber && hasAggregation) p.add("only one of toPayInvoiceNumber and toPayInvoiceAggregationId may be given")
  const amount = int(p, b, "amount", "amount", { required: true, min: 1 })
  p.throwIfAny()
  return { creditInvoiceNumber: creditInvoiceNumber!, toPayInvoiceNumber, toPayInvoiceAggregationId, amount: amount! }
}

export function validatePayout(body: unknown): { invoiceNumber: number } {
  const b = requireBody(body)
  const p = new Problems()
  const invoiceNumber = int(p, b, "invoiceNumber", "invoiceNumber", { required: true, min: 1 })
  p.throwIfAny()
  return { invoiceNumber: invoiceNumber! }
}
