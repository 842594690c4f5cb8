/**
 * Pure request validation for the Payer sandbox. Every problem found is collected and reported in one
 * 400 whose message names the fields (`items[1].subtotalPrice ...; currencyCode ...`).
 * Typing is strict (a number sent as a string is rejected); unknown fields are ignored (as Jackson does by
 * default) and `null` counts as "not given" for optional fields.
 */
import { Problems, given, int, isObject, oneOf, requireBody, str } from "./request-fields"
import {
  CURRENCY_CODES,
  CUSTOMER_TYPES,
  DELIVERY_TYPES,
  type Address,
  type CurrencyCode,
  type Customer,
  type CustomerType,
  type DeliveryType,
  type OrderItem,
} from "./state"
import { roundQuantity, subtotalMatches } from "./util"

/** FREEFORM items, as in orders and manual credits. Returns the items when `p` stays clean. */
export function validateItems(p: Problems, value: unknown, path = "items"): OrderItem[] {
  if (!Array.isArray(value) || value.length === 0) {
    p.add(`${path} is required and must be a non-empty array`)
    return []
  }
  const out: OrderItem[] = []
  const seen = new Set<number>()
  value.forEach((raw, i) => {
    const at = `${path}[${i}]`
    if (!isObject(raw)) return p.add(`${at} must be an object`)
    const before = p.list.length
    if (raw.itemType !== "FREEFORM") p.add(`${at}.itemType must be FREEFORM (got ${JSON.stringify(raw.itemType)})`)
    const position = int(p, raw, "position", `${at}.position`, { required: true, min: 1 })
    if (position !== null) {
      if (seen.has(position)) p.add(`${at}.position ${position} is used more than once`)
      seen.add(position)
    }
    const articleNumber = str(p, raw, "articleNumber", `${at}.articleNumber`, { max: 64 })
    const description = str(p, raw, "description", `${at}.description`, { required: true })
    const unit = str(p, raw, "unit", `${at}.unit`)
    const quantity = raw.quantity
    if (typeof quantity !== "number" || !Number.isFinite(quantity) || quantity <= 0) {
      p.add(`${at}.quantity must be a number > 0 (got ${JSON.stringify(quantity)})`)
    }
    const unitPrice = int(p, raw, "unitPrice", `${at}.unitPrice`, { required: true })
    const subtotalPrice = int(p, raw, "subtotalPrice", `${at}.subtotalPrice`, { required: true })
    const vatPercentage = int(p, raw, "vatPercentage", `${at}.vatPercentage`, { required: true, min: 0, max: 10000 })
    if (typeof quantity === "number" && quantity > 0 && unitPrice !== null && subtotalPrice !== null) {
      if (!subtotalMatches(unitPrice, quantity, subtotalPrice)) {
        p.add(
          `${at}.subtotalPrice must equal unitPrice * quantity (${unitPrice} * ${quantity} = ${unitPrice * quantity}, got ${subtotalPrice})`,
        )
      }
    }
    if (p.list.length !== before) return
    out.push({
      itemType: "FREEFORM",
      position: position!,
      articleNumber,
      description: description!,
      quantity: roundQuantity(quantity as number),
      unit,
      unitPrice: unitPrice!,
      subtotalPrice: subtotalPrice!,
      vatPercentage: vatPercentage!,
    })
  })
  return out
}

// ---------------------------------------------------------------------------------------------- orders

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function validateAddress(p: Problems, value: unknown, path: string, customerType: CustomerType | null): Address | null {
  if (!isObject(value)) {
    p.add(`${path} is required and must be an object`)
    return null
  }
  const a: Address = {
    companyName: str(p, value, "companyName", `${path}.companyName`, { required: customerType === "ORGANISATION" }),
    firstName: str(p, value, "firstName", `${path}.firstName`, { required: customerType === "PERSON" }),
    lastName: str(p, value, "lastName", `${path}.lastName`, { required: customerType === "PERSON" }),
    streetAddress1: str(p, value, "streetAddress1", `${path}.streetAddress1`, { required: true }) ?? "",
    streetAddress2: str(p, value, "streetAddress2", `${path}.streetAddress2`),
    coAddress: str(p, value, "coAddress", `${path}.coAddress`),
    zipCode: str(p, value, "zipCode", `${path}.zipCode`, { required: true }) ?? "",
    city: str(p, value, "city", `${path}.city`, { required: true }) ?? "",
    countryCode:
      str(p, value, "countryCode", `${path}.countryCode`, {
        required: true,
        pattern: /^[A-Z]{2}$/,
        patternHint: "must be an ISO 3166-1 alpha-2 code in upper case",
      }) ?? "",
    emailAddress: str(p, value, "emailAddress", `${path}.emailAddress`, {
      pattern: EMAIL_RE,
      patternHint: "must be an email address",
    }),
    phoneNumber: str(p, value, "phoneNumber", `${path}.phoneNumber`),
    yourReference: str(p, value, "yourReference", `${path}.yourReference`),
  }
  if (customerType === null && !a.companyName && !(a.firstName && a.lastName)) {
    p.add(`${path}.companyName (or firstName and lastName) is required`)
  }
  return a
}

function validateCustomer(p: Problems, value: unknown, path: string, invoiceCustomer: boolean): Customer | null {
  if (!isObject(value)) {
    p.add(`${path} is required and must be an object`)
    return null
  }
  const customerType = oneOf(p, value, "customerType", `${path}.customerType`, CUSTOMER_TYPES, {
    required: invoiceCustomer,
  })
  const regNumber = str(p, value, "regNumber", `${path}.regNumber`, { required: invoiceCustomer, max: 64 })
  const vatId = str(p, value, "vatId", `${path}.vatId`, { max: 64 })
  const address = validateAddress(p, value.address, `${path}.address`, customerType)
  return address ? { customerType, regNumber, vatId, address } : null
}

export interface ValidatedOrder {
  currencyCode: CurrencyCode
  purchaseChannel: "ECOMMERCE"
  referenceId: string
  description: string | null
  invoiceCustomer: Customer
  deliveryCustomer: Customer | null
  items: OrderItem[]
}

export function validateOrder(body: unknown): ValidatedOrder {
  const b = requireBody(body)
  const p = new Problems()
  const currencyCode = oneOf(p, b, "currencyCode", "currencyCode", CURRENCY_CODES, { required: true })
  const purchaseChannel = oneOf(p, b, "purchaseChannel", "purchaseChannel", ["ECOMMERCE"] as const, { required: true })
  const referenceId = str(p, b, "referenceId", "referenceId", { required: true, max: 64 })
  const description = str(p, b, "description", "description")
  const invoiceCustomer = validateCustomer(p, b.invoiceCustomer, "invoiceCustomer", true)
  const deliveryCustomer = given(b.deliveryCustomer)
    ? validateCustomer(p, b.deliveryCustomer, "deliveryCustomer", false)
    : null
  const items = validateItems(p, b.items)
  if (p.list.length === 0) {
    const total = items.reduce((sum, item) => sum + item.subtotalPrice, 0)
    if (total < 1) p.add(`items: the order total must be at least 1 (got ${total})`)
  }
  p.throwIfAny()
  return {
    currencyCode: currencyCode!,
    purchaseChannel: purchaseChannel!,
    referenceId: referenceId!,
    description,
    invoiceCustomer: invoiceCustomer!,
    deliveryCustomer,
    items,
  }
}

export interface ValidatedInvoiceRequest {
  dueDays: number
  deliveryType: DeliveryType
  type: "NORMAL"
  externalInvoiceNumber: string | null
}

export function validateInvoiceRequest(body: unknown): ValidatedInvoiceRequest {
  const b = requireBody(body)
  const p = new Problems()
  const dueDays = int(p, b, "dueDays", "dueDays", { required: true, min: 0, max: 365 })
  const deliveryType = oneOf(p, b, "deliveryType", "deliveryType", DELIVERY_TYPES, { required: true })
  const type = oneOf(p, b, "type", "type", ["NORMAL"] as const, { required: true })
  const externalInvoiceNumber = str(p, b, "externalInvoiceNumber", "externalInvoiceNumber", { max: 36 })
  p.throwIfAny()
  return { dueDays: dueDays!, deliveryType: deliveryType!, type: type!, externalInvoiceNumber }
}

// ---------------------------------------------------------------------------------------------- query strings
