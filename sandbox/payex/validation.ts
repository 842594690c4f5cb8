/**
 * Request validation of the PayEx sandbox. Strict on purpose: where the API text is loose or inconsistent the
 * sandbox takes the stricter reading (see sandbox/README.md). Problem names are the JSON paths of the fields,
 * except a reused payeeReference, which is reported exactly as PayEx does: name "payeeReference".
 */
import { ProblemCollector, inputError } from "./problems"
import type { Currency, InvoiceType, PayeeInfo, PaymentUrls } from "./state"
import { COUNTRY_BY_CURRENCY } from "./state"
import type { Country, SandboxAddress } from "./test-data"
import { normaliseZip } from "./test-data"

export const PAYEE_REFERENCE_PATTERN = /^[A-Za-z0-9]{1,30}$/
export const LANGUAGES = ["nb-NO", "sv-SE", "en-US", "fi-FI"] as const
export const PAYMENT_DESCRIPTION_MAX = 40
const ZIP_PATTERN: Record<Country, RegExp> = { SE: /^\d{5}$/, NO: /^\d{4}$/, FI: /^\d{5}$/ }

export type Obj = Record<string, any>

export const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v)
export const isText = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0
export const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v)

/** The request body must be a JSON object (with the given top-level key when named). */
export function requireBody(body: unknown, key?: string): Obj {
  if (!isObject(body))
    throw inputError("The request body must be a JSON object", [{ name: "body", description: "must be a JSON object" }])
  if (key && !isObject(body[key]))
    throw inputError("The request contained invalid data", [{ name: key, description: `${key} is required` }])
  return body
}

/** A reused payeeReference ends validation at once, with exactly the problem the plugin detects replays by. */
export function assertPayeeReferenceFree(reference: unknown, isUsed: (r: string) => boolean): void {
  if (typeof reference === "string" && isUsed(reference)) {
    throw inputError(`payeeReference ${reference} is already in use`, [
      { name: "payeeReference", description: `payeeReference ${reference} is already in use` },
    ])
  }
}

export function checkPayeeReference(c: ProblemCollector, name: string, value: unknown): void {
  c.check(
    typeof value === "string" && PAYEE_REFERENCE_PATTERN.test(value),
    name,
    "payeeReference is required: 1-30 letters A-Z, a-z or digits (unique for each operation)",
  )
}

export function checkOptionalString(c: ProblemCollector, name: string, value: unknown, max?: number): void {
  if (value === undefined || value === null) return
  if (!c.check(typeof value === "string", name, "must be a string")) return
  if (max !== undefined) c.check((value as string).length <= max, name, `must be at most ${max} characters`)
}

export function checkDescription(c: ProblemCollector, name: string, value: unknown, max: number): void {
  if (c.check(isText(value), name, "description is required")) {
    c.check((value as string).length <= max, name, `description must be at most ${max} characters`)
  }
}

export function checkActivity(c: ProblemCollector, tx: Obj): void {
  c.check(tx.activity === "FinancingConsumer", "transaction.activity", "activity must be FinancingConsumer")
}

function isHttpUrl(value: unknown, httpsOnly = false): boolean {
  if (typeof value !== "string") return false
  try {
    const url = new URL(value)
    return httpsOnly ? url.protocol === "https:" : url.protocol === "https:" || url.protocol === "http:"
  } catch {
    return false
  }
}

// ---------------------------------------------------------------- create payment

export interface CreatePaymentInput {
  currency: Currency
  invoiceType: InvoiceType
  amount: number
  vatAmount: number
  description: string
  payerReference?: string
  userAgent: string
  language: string
  urls: PaymentUrls
  payeeInfo: PayeeInfo
}

function checkUrls(c: ProblemCollector, urls: unknown): PaymentUrls {
  if (urls === undefined) return {}
  if (!c.check(isObject(urls), "payment.urls", "urls must be an object")) return {}
  const u = urls as Obj
  for (const key of ["completeUrl", "cancelUrl", "callbackUrl"]) {
    if (u[key] !== undefined && u[key] !== "")
      c.check(isHttpUrl(u[key]), `payment.urls.${key}`, "must be an absolute http(s) URL")
  }
  for (const key of ["logoUrl", "termsOfServiceUrl"]) {
    if (u[key] !== undefined && u[key] !== "")
      c.check(isHttpUrl(u[key], true), `payment.urls.${key}`, "must be an https URL")
  }
  if (u.hostUrls !== undefined) {
    c.check(
      Array.isArray(u.hostUrls) && u.hostUrls.every((h: unknown) => isHttpUrl(h)),
      "payment.urls.hostUrls",
      "must be an array of absolute http(s) URLs",
    )
  }
  const out: PaymentUrls = {}
  for (const key of ["completeUrl", "cancelUrl", "callbackUrl", "logoUrl", "termsOfServiceUrl"] as const) {
    if (isText(u[key])) out[key] = u[key]
  }
  if (Array.isArray(u.hostUrls)) out.hostUrls = u.hostUrls
  return out
}

/** Validates everything except payeeInfo.payeeId (403, checked by the route first) and payeeReference reuse. */
export function validateCreatePayment(body: Obj): CreatePaymentInput {
  const c = new ProblemCollector()
  const p = body.payment as Obj
  c.check(p.operation === "FinancingConsumer", "payment.operation", "operation must be FinancingConsumer")
  c.check(p.intent === "Authorization", "payment.intent", "intent must be Authorization")
  const currencyOk = c.check(p.currency in COUNTRY_BY_CURRENCY, "payment.currency", "currency must be SEK, NOK or EUR")

  const invoiceType = isObject(body.invoice) ? body.invoice.invoiceType : undefined
  if (currencyOk) {
    const want = COUNTRY_BY_CURRENCY[p.currency as Currency].invoiceType
    c.check(invoiceType === want, "invoice.invoiceType", `invoiceType must be ${want} for currency ${p.currency}`)
  } else {
    c.check(
      ["PayExFinancingSe", "PayExFinancingNo", "PayExFinancingFi"].includes(invoiceType),
      "invoice.invoiceType",
      "invoiceType must be PayExFinancingSe, PayExFinancingNo or PayExFinancingFi",
    )
  }

  let amount = 0
  let vatAmount = 0
  if (
    c.check(
      Array.isArray(p.prices) && p.prices.length === 1 && isObject(p.prices[0]),
      "payment.prices",
      "prices must hold exactly one price",
    )
  ) {
    const price = p.prices[0] as Obj
    c.check(price.type === "Invoice", "payment.prices[0].type", "type must be Invoice")
    if (
      c.check(
        isInt(price.amount) && price.amount > 0,
        "payment.prices[0].amount",
        "amount must be a positive integer (minor units)",
      )
    ) {
      amount = price.amount
    }
    if (
      c.check(
        isInt(price.vatAmount) && price.vatAmount >= 0,
        "payment.prices[0].vatAmount",
        "vatAmount must be an integer >= 0",
      )
    ) {
      vatAmount = price.vatAmount
      if (amount > 0) c.check(vatAmount <= amount, "payment.prices[0].vatAmount", "vatAmount must not exceed amount")
    }
  }

  checkDescription(c, "payment.description", p.description, PAYMENT_DESCRIPTION_MAX)
  checkOptionalString(c, "payment.payerReference", p.payerReference)
  c.check(isText(p.userAgent), "payment.userAgent", "userAgent is required")
  c.check(
    (LANGUAGES as readonly string[]).includes(p.language),
    "payment.language",
    `language must be one of ${LANGUAGES.join(", ")}`,
  )
  const urls = checkUrls(c, p.urls)

  const info = (isObject(p.payeeInfo) ? p.payeeInfo : {}) as Obj
  c.check(isText(info.payeeId), "payment.payeeInfo.payeeId", "payeeId is required")
  checkPayeeReference(c, "payment.payeeInfo.payeeReference", info.payeeReference)
  checkOptionalString(c, "payment.payeeInfo.payeeName", info.payeeName)
  checkOptionalString(c, "payment.payeeInfo.productCategory", info.productCategory)
  checkOptionalString(c, "payment.payeeInfo.orderReference", info.orderReference, 50)
  checkOptionalString(c, "payment.payeeInfo.subsite", info.subsite, 40)
  c.throwIfAny()

  return {
    currency: p.currency,
    invoiceType,
    amount,
    vatAmount,
    description: p.description,
    payerReference: p.payerReference ?? undefined,
    userAgent: p.userAgent,
    language: p.language,
    urls,
    payeeInfo: {
      payeeId: info.payeeId,
      payeeReference: info.payeeReference,
      ...(info.payeeName != null ? { payeeName: info.payeeName } : {}),
      ...(info.productCategory != null ? { productCategory: info.productCategory } : {}),
      ...(info.orderReference != null ? { orderReference: info.orderReference } : {}),
      ...(info.subsite != null ? { subsite: info.subsite } : {}),
    },
  }
}

export function validateAbort(body: Obj): string {
  const c = new ProblemCollector()
  const p = body.payment as Obj
  c.check(p.operation === "Abort", "payment.operation", "operation must be Abort")
  c.check(isText(p.abortReason), "payment.abortReason", "abortReason is required")
  c.throwIfAny()
  return p.abortReason
}

// ---------------------------------------------------------------- addresses

/** A legal/billing address; `country` set means countryCode must equal it (legal address). */
export function checkAddress(
  c: ProblemCollector,
  prefix: string,
  value: unknown,
  country?: Country,
): SandboxAddress | undefined {
  if (!c.check(isObject(value), prefix, `${prefix} is required`)) return undefined
  const a = value as Obj
  c.check(isText(a.addressee), `${prefix}.addressee`, "addressee is required")
  checkOptionalString(c, `${prefix}.coAddress`, a.coAddress)
  checkOptionalString(c, `${prefix}.streetAddress`, a.streetAddress)
  c.check(isText(a.city), `${prefix}.city`, "city is required")
  if (country) {
    c.check(a.countryCode === country, `${prefix}.countryCode`, `countryCode must be ${country} for this payment`)
  } else {
    c.check(
      typeof a.countryCode === "string" && /^[A-Z]{2}$/.test(a.countryCode),
      `${prefix}.countryCode`,
      "countryCode must be ISO 3166-1 alpha-2",
    )
  }
  const zipCountry: Country | undefined =
    country ?? (["SE", "NO", "FI"].includes(a.countryCode) ? a.countryCode : undefined)
  if (c.check(isText(a.zipCode), `${prefix}.zipCode`, "zipCode is required") && zipCountry) {
    c.check(
      ZIP_PATTERN[zipCountry].test(normaliseZip(a.zipCode)),
      `${prefix}.zipCode`,
      `zipCode is not a valid ${zipCountry} postal code`,
    )
  }
  return {
    addressee: a.addressee,
    ...(a.coAddress != null ? { coAddress: a.coAddress } : {}),
    streetAddress: a.streetAddress,
    zipCode: a.zipCode,
    city: a.city,
    countryCode: a.countryCode,
  }
}
