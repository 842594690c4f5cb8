import { baseUrlProblem, isAbsoluteHttpUrl, isLoopbackHost } from "../http/base-url"
import type { SwedbankPayInstrument } from "../swedbankpay"

/** Medusa registers the provider as `pp_swedbankpay-invoice_<id>`; routes and workflows read the identifier here. */
export const SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER = "swedbankpay-invoice"
export const SWEDBANKPAY_DEFAULT_BASE_URL = "https://api.externalintegration.payex.com"

/** Options of the `swedbankpay-invoice` payment provider, as a host writes them in medusa-config. */
export interface SwedbankPayInvoiceOptions {
  /** Access token from Swedbank Pay's Merchant Portal (Bearer). Required. */
  token: string
  /** The merchant's payee id (UUID). Required. */
  payeeId: string
  payeeName?: string
  /** Default https://api.externalintegration.payex.com (test); https://api.payex.com in production. */
  baseUrl?: string
  /** Where Swedbank Pay sends the shopper back when they are done (your storefront's return page). Required. */
  completeUrl: string
  /** Where the shopper lands after canceling on Swedbank Pay's page. Required. */
  cancelUrl: string
  /** Your terms (https), linked under Swedbank Pay's pay button. Required for invoice. */
  termsOfServiceUrl: string
  /** Origins allowed to host the seamless view (your storefront's origin). Required. */
  hostUrls: string[]
  /** Seamless view only: the page that hosts it, where out-of-frame steps (BankID) return to. */
  paymentUrl?: string
  /** `<backend>/hooks/payment/swedbankpay-invoice_<id>`. Without it Swedbank Pay sends no callbacks. */
  callbackUrl?: string
  language?: "sv-SE" | "nb-NO" | "en-US"
  /** "fulfillment" (default): capture what each fulfillment ships. "manual": only the admin's Capture button. */
  captureOn?: "fulfillment" | "manual"
  timeoutMs?: number
  maxRetries?: number
}

/** Currencies the invoice instruments of Payment Order v3.1 take, each with its instrument and language. */
export const SWEDBANKPAY_CURRENCIES: Record<string, { instrument: SwedbankPayInstrument; language: string }> = {
  sek: { instrument: "Invoice-PayExFinancingSe", language: "sv-SE" },
  nok: { instrument: "Invoice-PayExFinancingNo", language: "nb-NO" },
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const LANGUAGES = ["sv-SE", "nb-NO", "en-US"]

/** https, or http on a loopback host (a local storefront or test). */
function httpsOrLoopback(value: unknown): boolean {
  if (!isAbsoluteHttpUrl(value)) return false
  const url = new URL(value)
  return url.protocol === "https:" || isLoopbackHost(url.hostname)
}

/** Every problem with the options, one message each (empty when they are fine). Never echoes the token. */
export function swedbankPayOptionProblems(options: Partial<SwedbankPayInvoiceOptions> | undefined): string[] {
  const o = options ?? {}
  const problems: string[] = []
  if (typeof o.token !== "string" || !o.token.trim())
    problems.push("`token` is required (the Swedbank Pay access token)")
  if (typeof o.payeeId !== "string" || !UUID.test(o.payeeId)) problems.push("`payeeId` is required and must be a UUID")
  if (o.payeeName !== undefined && typeof o.payeeName !== "string") problems.push("`payeeName` must be a string")
  const baseUrl = o.baseUrl === undefined ? null : baseUrlProblem("baseUrl", o.baseUrl)
  if (baseUrl) problems.push(baseUrl)
  for (const key of ["completeUrl", "cancelUrl", "termsOfServiceUrl"] as const) {
    if (!httpsOrLoopback(o[key])) problems.push(`\`${key}\` is required: an absolute https URL`)
  }
  if (o.paymentUrl !== undefined && !httpsOrLoopback(o.paymentUrl))
    problems.push("`paymentUrl` must be an absolute https URL")
  if (
    !Array.isArray(o.hostUrls) ||
    !o.hostUrls.length ||
    o.hostUrls.some((u) => !httpsOrLoopback(u) || new URL(u).origin !== u.replace(/\/$/, ""))
  ) {
    problems.push('`hostUrls` is required: the origins of your storefront, e.g. ["https://shop.example.se"]')
  }
  if (o.callbackUrl !== undefined) {
    if (
      !isAbsoluteHttpUrl(o.callbackUrl) ||
      !/\/hooks\/payment\/swedbankpay-invoice_[^/]+\/?$/.test(new URL(o.callbackUrl).pathname)
    ) {
      problems.push(
        '`callbackUrl` must point at <backend url>/hooks/payment/swedbankpay-invoice_<id> (for id "swedbankpay": /hooks/payment/swedbankpay-invoice_swedbankpay)',
      )
    }
  }
  if (o.language !== undefined && !LANGUAGES.includes(o.language))
    problems.push(`\`language\` must be one of ${LANGUAGES.join(", ")}`)
  if (o.captureOn !== undefined && o.captureOn !== "fulfillment" && o.captureOn !== "manual")
    problems.push('`captureOn` must be "fulfillment" or "manual"')
  if (o.timeoutMs !== undefined && !(Number.isInteger(o.timeoutMs) && o.timeoutMs > 0))
    problems.push("`timeoutMs` must be a positive integer")
  if (o.maxRetries !== undefined && !(Number.isInteger(o.maxRetries) && o.maxRetries >= 0 && o.maxRetries <= 10))
    problems.push("`maxRetries` must be an integer from 0 to 10")
  return problems
}
