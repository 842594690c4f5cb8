/**
 * Validation of `POST /psp/paymentorders` (v3.1). Strict on purpose: where the notes are loose or conflicting the
 * sandbox takes the stricter reading (sandbox/README.md, "Where the docs are silent"). payeeInfo.payeeId (403) and a
 * reused payeeReference are checked by the route first. The personal number is never echoed.
 */
import { parseNorwegian, parseSwedishLong, parseSwedishShort } from "../identity"
import { ProblemCollector } from "../problems"
import { findTestPerson } from "../test-data"
import { checkOptionalString, checkPayeeReference, isObject, isText, PAYMENT_DESCRIPTION_MAX } from "../validation"
import type { Obj } from "../validation"
import type {
  OrderItem,
  PaymentOrderCurrency,
  PaymentOrderPayeeInfo,
  PaymentOrderPayer,
  PaymentOrderUrls,
} from "./state"
import { INSTRUMENT_BY_CURRENCY } from "./state"
import { checkAmounts, checkOrderItems, isAbsoluteUrl } from "./validation-items"

export const PAYMENT_ORDER_LANGUAGES = [
  "da-DK",
  "de-DE",
  "et-EE",
  "en-US",
  "es-ES",
  "fi-FI",
  "fr-FR",
  "lt-LT",
  "lv-LV",
  "nb-NO",
  "pl-PL",
  "ru-RU",
  "sv-SE",
] as const
export const MSISDN_PATTERN = /^\+\d{8,15}$/
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const COUNTRY_BY_CURRENCY: Record<PaymentOrderCurrency, "SE" | "NO"> = { SEK: "SE", NOK: "NO" }

export interface CreatePaymentOrderInput {
  currency: PaymentOrderCurrency
  amount: number
  vatAmount: number
  description: string
  userAgent: string
  language: string
  instrument?: string
  urls: PaymentOrderUrls
  payeeInfo: PaymentOrderPayeeInfo
  payer?: PaymentOrderPayer
  orderItems: OrderItem[]
}

const isLoopback = (host: string) => host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host)

/** https, or http on a loopback host (for tests). */
function isSecureUrl(value: unknown): boolean {
  if (!isAbsoluteUrl(value)) return false
  const url = new URL(value)
  return url.protocol === "https:" || isLoopback(url.hostname)
}

/** An origin: scheme://host[:port], nothing else (a trailing slash is tolerated). */
function isOrigin(value: unknown): boolean {
  if (!isAbsoluteUrl(value)) return false
  return new URL(value).origin === value.replace(/\/$/, "")
}

function checkUrls(c: ProblemCollector, value: unknown): PaymentOrderUrls {
  const u = (isObject(value) ? value : {}) as Obj
  if (!c.check(isObject(value), "paymentorder.urls", "urls is required")) return u as PaymentOrderUrls
  c.check(
    Array.isArray(u.hostUrls) && u.hostUrls.length > 0 && u.hostUrls.every(isOrigin),
    "paymentorder.urls.hostUrls",
    "hostUrls must be a non-empty array of origins (scheme://host[:port])",
  )
  for (const key of ["completeUrl", "cancelUrl"])
    c.check(isAbsoluteUrl(u[key]), `paymentorder.urls.${key}`, `${key} is required: an absolute http(s) URL`)
  for (const key of ["callbackUrl", "paymentUrl"])
    if (u[key] != null) c.check(isAbsoluteUrl(u[key]), `paymentorder.urls.${key}`, "must be an absolute http(s) URL")
  c.check(
    isSecureUrl(u.termsOfServiceUrl),
    "paymentorder.urls.termsOfServiceUrl",
    "termsOfServiceUrl is required: an https URL (http only on a loopback host)",
  )
  if (u.logoUrl != null)
    c.check(isSecureUrl(u.logoUrl), "paymentorder.urls.logoUrl", "logoUrl must be an https URL (http only on loopback)")
  const out: Obj = {}
  for (const key of [
    "hostUrls",
    "paymentUrl",
    "completeUrl",
    "cancelUrl",
    "callbackUrl",
    "logoUrl",
    "termsOfServiceUrl",
  ])
    if (u[key] != null) out[key] = u[key]
  return out as PaymentOrderUrls
}

function checkPayer(
  c: ProblemCollector,
  value: unknown,
  country: "SE" | "NO" | undefined,
): PaymentOrderPayer | undefined {
  if (value == null) return undefined
  if (!c.check(isObject(value), "paymentorder.payer", "payer must be an object")) return undefined
  const p = value as Obj
  const out: PaymentOrderPayer = {}
  const ni = p.nationalIdentifier
  if (ni != null) {
    const name = "paymentorder.payer.nationalIdentifier"
    if (c.check(isObject(ni), name, "nationalIdentifier must be an object")) {
      const countryOk = c.check(
        ni.countryCode === "SE" || ni.countryCode === "NO",
        `${name}.countryCode`,
        "countryCode must be SE or NO",
      )
      if (countryOk && country)
        c.check(ni.countryCode === country, `${name}.countryCode`, `countryCode must be ${country} for this currency`)
      const ssn = ni.socialSecurityNumber
      const key =
        typeof ssn !== "string"
          ? null
          : ni.countryCode === "NO"
            ? parseNorwegian(ssn)
            : (parseSwedishLong(ssn) ?? parseSwedishShort(ssn))
      // never echo the number itself
      if (
        c.check(key !== null, `${name}.socialSecurityNumber`, "socialSecurityNumber is not a valid personal number") &&
        countryOk
      ) {
        out.ssnLast4 = (ssn as string).slice(-4)
        out.countryCode = ni.countryCode
        const person = findTestPerson(ni.countryCode, key!)
        if (person) out.creditApproved = person.creditApproved
      }
    }
  }
  for (const key of ["firstName", "lastName", "payerReference"] as const) {
    checkOptionalString(c, `paymentorder.payer.${key}`, p[key])
    if (typeof p[key] === "string") out[key] = p[key]
  }
  if (
    p.email != null &&
    c.check(
      typeof p.email === "string" && EMAIL_PATTERN.test(p.email),
      "paymentorder.payer.email",
      "email is not a valid e-mail address",
    )
  )
    out.email = p.email
  if (
    p.msisdn != null &&
    c.check(
      typeof p.msisdn === "string" && MSISDN_PATTERN.test(p.msisdn),
      "paymentorder.payer.msisdn",
      "msisdn must be + and 8-15 digits",
    )
  )
    out.msisdn = p.msisdn
  if (p.digitalProducts != null)
    c.check(
      typeof p.digitalProducts === "boolean",
      "paymentorder.payer.digitalProducts",
      "digitalProducts must be a boolean",
    )
  for (const key of ["shippingAddress", "billingAddress"]) {
    if (p[key] == null) continue
    if (!c.check(isObject(p[key]), `paymentorder.payer.${key}`, `${key} must be an object`)) continue
    checkOptionalString(c, `paymentorder.payer.${key}.streetAddress`, p[key].streetAddress, 50)
    for (const field of ["firstName", "lastName", "coAddress", "city", "zipCode", "countryCode"])
      checkOptionalString(c, `paymentorder.payer.${key}.${field}`, p[key][field])
  }
  return out
}

export function validateCreatePaymentOrder(body: Obj): CreatePaymentOrderInput {
  const c = new ProblemCollector()
  const o = body.paymentorder as Obj
  c.check(o.operation === "Purchase", "paymentorder.operation", "operation must be Purchase")
  const currencyOk = c.check(o.currency in COUNTRY_BY_CURRENCY, "paymentorder.currency", "currency must be SEK or NOK")
  if (o.instrument != null) {
    const want = currencyOk
      ? [INSTRUMENT_BY_CURRENCY[o.currency as PaymentOrderCurrency]]
      : Object.values(INSTRUMENT_BY_CURRENCY)
    c.check(
      want.includes(o.instrument),
      "paymentorder.instrument",
      `instrument must be ${want.join(" or ")}${currencyOk ? ` for currency ${o.currency}` : ""}`,
    )
  }
  const [amount, vatAmount] = checkAmounts(c, "paymentorder", o)
  if (c.check(isText(o.description), "paymentorder.description", "description is required"))
    c.check(
      o.description.length <= PAYMENT_DESCRIPTION_MAX,
      "paymentorder.description",
      `description must be at most ${PAYMENT_DESCRIPTION_MAX} characters`,
    )
  c.check(isText(o.userAgent), "paymentorder.userAgent", "userAgent is required: the payer's browser User-Agent")
  c.check(
    (PAYMENT_ORDER_LANGUAGES as readonly string[]).includes(o.language),
    "paymentorder.language",
    `language must be one of ${PAYMENT_ORDER_LANGUAGES.join(", ")}`,
  )
  if (o.productName !== undefined)
    c.add("paymentorder.productName", "productName is v3.0 only: do not send it with version 3.1")
  const urls = checkUrls(c, o.urls)

  const info = (isObject(o.payeeInfo) ? o.payeeInfo : {}) as Obj
  if (c.check(isObject(o.payeeInfo), "paymentorder.payeeInfo", "payeeInfo is required")) {
    c.check(isText(info.payeeId), "paymentorder.payeeInfo.payeeId", "payeeId is required")
    checkPayeeReference(c, "paymentorder.payeeInfo.payeeReference", info.payeeReference)
    checkOptionalString(c, "paymentorder.payeeInfo.payeeName", info.payeeName)
    checkOptionalString(c, "paymentorder.payeeInfo.orderReference", info.orderReference, 50)
    checkOptionalString(c, "paymentorder.payeeInfo.productCategory", info.productCategory, 50)
    checkOptionalString(c, "paymentorder.payeeInfo.subsite", info.subsite)
    checkOptionalString(c, "paymentorder.payeeInfo.siteId", info.siteId)
  }
  const payer = checkPayer(c, o.payer, currencyOk ? COUNTRY_BY_CURRENCY[o.currency as PaymentOrderCurrency] : undefined)
  const orderItems = checkOrderItems(c, "paymentorder.orderItems", o.orderItems, amount, vatAmount)
  c.throwIfAny()

  const payeeInfo: Obj = { payeeId: info.payeeId, payeeReference: info.payeeReference }
  for (const key of ["payeeName", "orderReference", "productCategory", "subsite", "siteId"])
    if (info[key] != null) payeeInfo[key] = info[key]
  return {
    currency: o.currency,
    amount: amount!,
    vatAmount: vatAmount!,
    description: o.description,
    userAgent: o.userAgent,
    language: o.language,
    ...(o.instrument != null ? { instrument: o.instrument } : {}),
    urls,
    payeeInfo: payeeInfo as PaymentOrderPayeeInfo,
    ...(payer ? { payer } : {}),
    orderItems,
  }
}

export const ABORT_REASONS = ["CancelledByConsumer", "CancelledByCustomer"]

/** `PATCH {abort.href}` body `{ paymentorder: { operation: "Abort", abortReason } }`; returns the reason. */
export function validateAbort(body: Obj): string {
  const c = new ProblemCollector()
  const o = body.paymentorder as Obj
  c.check(
    o.operation === "Abort",
    "paymentorder.operation",
    "operation must be Abort (UpdateOrder, SetInstrument and PaymentAttemptAborted are not offered by the sandbox)",
  )
  c.check(
    ABORT_REASONS.includes(o.abortReason),
    "paymentorder.abortReason",
    `abortReason must be ${ABORT_REASONS.join(" or ")}`,
  )
  c.throwIfAny()
  return o.abortReason
}
