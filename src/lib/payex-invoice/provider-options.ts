import type { AttemptLimit } from "../medusa/attempt-counter"
import { truncateDescription } from "../money"
import type { PayexCreatePaymentRequest, PayexInvoiceType } from "../payex"
import { baseUrlProblem, isAbsoluteHttpUrl } from "../http/base-url"

/**
 * The provider's identifier: Medusa registers it as `pp_payex-invoice_<id>`. Routes and workflows match payments
 * and provider options by it; they read it here, not from the provider class, so nothing imports provider code.
 */
export const PAYEX_INVOICE_PROVIDER_IDENTIFIER = "payex-invoice"

/** Options of the `payex-invoice` payment provider, as a host writes them in medusa-config. */
export interface PayexInvoiceOptions {
  /** Merchant token from PayEx admin (Bearer). Required. */
  token: string
  /** Payee id (UUID) PayEx gave the merchant. Required. */
  payeeId: string
  /** Shown to the shopper by PayEx. */
  payeeName?: string
  /** Default https://api.externalintegration.payex.com (test); https://api.payex.com in production. */
  baseUrl?: string
  /** Absolute URL of `<backend>/hooks/payment/payex-invoice_payex`. Without it PayEx sends no callbacks. */
  callbackUrl?: string
  /** Overrides the language chosen from the currency. */
  language?: "sv-SE" | "nb-NO" | "en-US" | "fi-FI"
  /** "fulfillment" (default): capture what each fulfillment ships. "manual": only the admin's Capture button. */
  captureOn?: "fulfillment" | "manual"
  timeoutMs?: number
  maxRetries?: number
  /** Per-client budget of the store routes that take a personal number: per 10 minutes, or { max, windowSeconds }. */
  legalAddressRateLimit?: number | { max: number; windowSeconds?: number }
}

export const PAYEX_DEFAULT_BASE_URL = "https://api.externalintegration.payex.com"
export const DEFAULT_CLIENT_LIMIT: AttemptLimit = { max: 20, windowSeconds: 600 }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const LANGUAGES = ["sv-SE", "nb-NO", "en-US", "fi-FI"]

/** Currencies PayEx invoice supports, each with its invoice type and the consumer's country. */
export const PAYEX_CURRENCIES: Record<string, { invoiceType: PayexInvoiceType; language: string; country: string }> = {
  sek: { invoiceType: "PayExFinancingSe", language: "sv-SE", country: "SE" },
  nok: { invoiceType: "PayExFinancingNo", language: "nb-NO", country: "NO" },
  eur: { invoiceType: "PayExFinancingFi", language: "en-US", country: "FI" },
}

/** Every problem with the options, one message each (empty when they are fine). Never echoes the token. */
export function payexOptionProblems(options: Partial<PayexInvoiceOptions> | undefined): string[] {
  const o = options ?? {}
  const problems: string[] = []
  if (typeof o.token !== "string" || !o.token.trim()) problems.push("`token` is required (the PayEx merchant token)")
  if (typeof o.payeeId !== "string" || !UUID.test(o.payeeId)) problems.push("`payeeId` is required and must be a UUID")
  if (o.payeeName !== undefined && typeof o.payeeName !== "string") problems.push("`payeeName` must be a string")
  const baseUrl = o.baseUrl === undefined ? null : baseUrlProblem("baseUrl", o.baseUrl)
  if (baseUrl) problems.push(baseUrl)
  if (o.callbackUrl !== undefined) {
    if (!isAbsoluteHttpUrl(o.callbackUrl)) {
      problems.push("`callbackUrl` must be an absolute http(s) URL ending in /hooks/payment/payex-invoice_<id>")
    } else if (!/\/hooks\/payment\/payex-invoice_[^/]+\/?$/.test(new URL(o.callbackUrl).pathname)) {
      problems.push(
        '`callbackUrl` must point at <backend url>/hooks/payment/payex-invoice_<id> (for id "payex": /hooks/payment/payex-invoice_payex)',
      )
    }
  }
  if (o.language !== undefined && !LANGUAGES.includes(o.language))
    problems.push(`\`language\` must be one of ${LANGUAGES.join(", ")}`)
  if (o.captureOn !== undefined && o.captureOn !== "fulfillment" && o.captureOn !== "manual") {
    problems.push('`captureOn` must be "fulfillment" or "manual"')
  }
  if (o.timeoutMs !== undefined && !(Number.isInteger(o.timeoutMs) && o.timeoutMs > 0))
    problems.push("`timeoutMs` must be a positive integer")
  if (o.maxRetries !== undefined && !(Number.isInteger(o.maxRetries) && o.maxRetries >= 0 && o.maxRetries <= 10)) {
    problems.push("`maxRetries` must be an integer from 0 to 10")
  }
  problems.push(...legalAddressRateLimitProblems(o.legalAddressRateLimit))
  return problems
}

/** Problems with a `legalAddressRateLimit` option value, one message each (empty when it is fine). */
export function legalAddressRateLimitProblems(value: unknown): string[] {
  if (value === undefined || value === null) return []
  const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 100000
  if (typeof value === "number")
    return isCount(value) ? [] : ["`legalAddressRateLimit` must be a whole number from 1, or { max, windowSeconds }"]
  if (typeof value !== "object" || Array.isArray(value))
    return ["`legalAddressRateLimit` must be a number or { max, windowSeconds }"]
  const { max, windowSeconds } = value as Record<string, unknown>
  const problems: string[] = []
  if (!isCount(max)) problems.push("`legalAddressRateLimit.max` must be a whole number from 1")
  if (
    windowSeconds !== undefined &&
    !(Number.isInteger(windowSeconds) && (windowSeconds as number) >= 1 && (windowSeconds as number) <= 86400)
  ) {
    problems.push("`legalAddressRateLimit.windowSeconds` must be a whole number of seconds from 1 to 86400")
  }
  return problems
}

/** `legalAddressRateLimit`: a number (attempts per 10 minutes) or `{ max, windowSeconds }`; unset: the default. */
export function parseLegalAddressRateLimit(value: unknown): AttemptLimit {
  if (value === undefined || value === null || legalAddressRateLimitProblems(value).length) return DEFAULT_CLIENT_LIMIT
  if (typeof value === "number") return { max: value, windowSeconds: DEFAULT_CLIENT_LIMIT.windowSeconds }
  const v = value as { max: number; windowSeconds?: number }
  return { max: v.max, windowSeconds: v.windowSeconds ?? DEFAULT_CLIENT_LIMIT.windowSeconds }
}

/** The body of a PayEx invoice payment for a session, as the options and the currency say. */
export function createPaymentRequest(
  options: PayexInvoiceOptions,
  input: { currency_code: string; amountMinor: number; userAgent: string; sessionId: string; payeeReference: string },
): PayexCreatePaymentRequest {
  const currency = PAYEX_CURRENCIES[input.currency_code.toLowerCase()]
  return {
    payment: {
      operation: "FinancingConsumer",
      intent: "Authorization",
      currency: input.currency_code.toUpperCase(),
      prices: [{ type: "Invoice", amount: input.amountMinor, vatAmount: 0 }],
      description: truncateDescription(`Purchase from ${options.payeeName ?? "our store"}`, 40),
      userAgent: input.userAgent,
      language: options.language ?? currency.language,
      urls: options.callbackUrl ? { callbackUrl: options.callbackUrl } : undefined,
      payeeInfo: {
        payeeId: options.payeeId,
        payeeReference: input.payeeReference,
        payeeName: options.payeeName,
        orderReference: input.sessionId,
      },
    },
    invoice: { invoiceType: currency.invoiceType },
  }
}
