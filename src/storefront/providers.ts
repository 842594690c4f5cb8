/**
 * Provider ids and the session data a storefront sends when it creates a payment session
 * (`sdk.store.payment.initiatePaymentSession(cart, { provider_id, data })`).
 *
 * Runs in a browser or a Next.js server action: it may import only the plugin's pure identity checks
 * (src/lib/identity, no dependencies) and types. Never @medusajs/framework or anything else server-side.
 */
import { isValidEmail } from "../lib/identity/email"
import { parseSwedishOrganisationNumber } from "../lib/identity/organisation-number"
import { parseSwedishVatId } from "../lib/identity/vat-id"

/** The ids Medusa gives the providers when the host registers them as the README shows (`id: "payex"` / `"payer"`). */
export const PAYEX_INVOICE_PROVIDER_ID = "pp_payex-invoice_payex"
export const PAYER_B2B_PROVIDER_ID = "pp_payer-b2b_payer"
/** Swedbank Pay invoice (Payment Order v3.1), registered as `id: "swedbankpay"`. */
export const SWEDBANKPAY_INVOICE_PROVIDER_ID = "pp_swedbankpay-invoice_swedbankpay"

// Medusa names a provider `pp_<identifier>_<registration id>`; a host may register under another id.
const PAYEX_INVOICE_PREFIX = "pp_payex-invoice_"
const PAYER_B2B_PREFIX = "pp_payer-b2b_"
const SWEDBANKPAY_INVOICE_PREFIX = "pp_swedbankpay-invoice_"

/** True for the PayEx invoice provider under any registration id (`pp_payex-invoice_*`). */
export function isPayexInvoiceProvider(providerId?: string | null): boolean {
  return typeof providerId === "string" && providerId.startsWith(PAYEX_INVOICE_PREFIX)
}

/** True for the Payer B2B provider under any registration id (`pp_payer-b2b_*`). */
export function isPayerB2BProvider(providerId?: string | null): boolean {
  return typeof providerId === "string" && providerId.startsWith(PAYER_B2B_PREFIX)
}

/** True for the Swedbank Pay invoice provider under any registration id (`pp_swedbankpay-invoice_*`). */
export function isSwedbankPayInvoiceProvider(providerId?: string | null): boolean {
  return typeof providerId === "string" && providerId.startsWith(SWEDBANKPAY_INVOICE_PREFIX)
}

export type PayexInvoiceCountry = "SE" | "NO" | "FI"

// The plugin's PAYEX_CURRENCIES (lib/payex-invoice/provider-options.ts), which the tests compare with this.
const PAYEX_COUNTRY_BY_CURRENCY: Record<string, PayexInvoiceCountry> = { sek: "SE", nok: "NO", eur: "FI" }

/**
 * Which PayEx invoice a cart gets, from its currency: Sweden (SEK) looks the legal address up by personal
 * number and postal code; Norway (NOK) and Finland (EUR) have the shopper enter it. Null: PayEx invoice
 * does not serve the currency.
 */
export function payexInvoiceCountry(currencyCode?: string | null): PayexInvoiceCountry | null {
  return PAYEX_COUNTRY_BY_CURRENCY[String(currencyCode ?? "").toLowerCase()] ?? null
}

/**
 * PayEx session data. `user_agent` is the only key the provider keeps (any other key is nulled): never put
 * a personal number, an address or anything else here; those go through the plugin's store routes.
 */
export function payexInvoiceSessionData(userAgent?: string | null): { user_agent?: string } {
  return typeof userAgent === "string" && userAgent ? { user_agent: userAgent } : {}
}

// The Swedbank Pay provider's SWEDBANKPAY_CURRENCIES (lib/swedbankpay-invoice/provider-options.ts), compared in the tests.
const SWEDBANKPAY_COUNTRY_BY_CURRENCY: Record<string, "SE" | "NO"> = { sek: "SE", nok: "NO" }

/** Swedbank Pay invoice's country for a cart's currency (SEK: SE, NOK: NO); null where it is not offered. */
export function swedbankPayInvoiceCountry(currencyCode?: string | null): "SE" | "NO" | null {
  return SWEDBANKPAY_COUNTRY_BY_CURRENCY[String(currencyCode ?? "").toLowerCase()] ?? null
}

/** Prefill of Swedbank Pay's page; both optional. Never a personal number: the shopper types it on that page. */
export interface SwedbankPayInvoiceInput {
  userAgent?: string | null
  email?: string | null
  /** E.164 (+46701234567); another shape is left out (the provider would drop it). */
  msisdn?: string | null
}

/** The shapes the provider keeps (lib/swedbankpay-invoice/payment-order-request.ts payerPrefill). */
const SWEDBANKPAY_EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/
const SWEDBANKPAY_MSISDN = /^\+[1-9]\d{7,14}$/

/**
 * Swedbank Pay session data: `user_agent` and the optional `email` / `msisdn` prefill, each left out when empty or
 * not in the shape the provider keeps. The provider nulls any other key.
 */
export function swedbankPayInvoiceSessionData(input: SwedbankPayInvoiceInput = {}): {
  user_agent?: string
  email?: string
  msisdn?: string
} {
  const data: { user_agent?: string; email?: string; msisdn?: string } = {}
  if (typeof input.userAgent === "string" && input.userAgent) data.user_agent = input.userAgent
  const email = typeof input.email === "string" ? input.email.trim() : ""
  if (SWEDBANKPAY_EMAIL.test(email)) data.email = email
  const msisdn = typeof input.msisdn === "string" ? input.msisdn.replace(/[\s-]/g, "") : ""
  if (SWEDBANKPAY_MSISDN.test(msisdn)) data.msisdn = msisdn
  return data
}

/** What a company form collects for Payer B2B. Only the three named fields are required. */
export interface PayerCompanyInput {
  companyName: string
  /** Swedish organisation number (NNNNNN-NNNN) or a sole trader's personal number. */
  orgNumber: string
  email: string
  /** SE + 10 digits + 01. */
  vatId?: string | null
  phone?: string | null
  yourReference?: string | null
  deliveryType?: PayerDeliveryType | null
}

// Payer's delivery types (modules/payer-invoice/options.ts PAYER_DELIVERY_TYPES, compared in the tests).
export const PAYER_DELIVERY_TYPES = ["NONE", "EMAIL", "PRINT", "EINVOICE", "SMS"] as const
export type PayerDeliveryType = (typeof PAYER_DELIVERY_TYPES)[number]

/**
 * The allowlisted Payer session data (lib/payer-b2b/session-data.ts): the provider drops any other key.
 * A type, not an interface, so that it fits `initiatePaymentSession`'s `data: Record<string, unknown>`.
 */
export type PayerCompanySessionData = {
  company_name: string
  org_number: string
  email: string
  vat_id?: string
  phone?: string
  your_reference?: string
  delivery_type?: PayerDeliveryType
}

export type PayerCompanyField = keyof PayerCompanySessionData

export interface PayerCompanyProblem {
  field: PayerCompanyField
  /** A fixed English text for the shopper; never the value. */
  message: string
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : ""
}

/**
 * The same checks as the provider's (parseB2BCustomer), run before the request so the form can mark every
 * bad field at once instead of the server's first one. The tests hold the two to the same answers.
 */
export function payerCompanyProblems(input: PayerCompanyInput): PayerCompanyProblem[] {
  const problems: PayerCompanyProblem[] = []
  const company = text(input.companyName)
  if (!company || company.length > 100)
    problems.push({ field: "company_name", message: "Enter the company name (at most 100 characters)." })
  if (!parseSwedishOrganisationNumber(text(input.orgNumber)))
    problems.push({ field: "org_number", message: "Enter a valid Swedish organisation number (NNNNNN-NNNN)." })
  if (text(input.vatId) && !parseSwedishVatId(text(input.vatId)))
    problems.push({
      field: "vat_id",
      message: "Enter the VAT number as SE, the 10 digits of the organisation number, and 01.",
    })
  if (!isValidEmail(text(input.email)))
    problems.push({ field: "email", message: "Enter a valid e-mail address for the invoice." })
  const phone = text(input.phone)
  if (phone && (phone.length > 30 || !/^\+?[0-9 ()-]{5,30}$/.test(phone)))
    problems.push({ field: "phone", message: "Enter a phone number (digits, spaces, +, - and parentheses)." })
  if (text(input.yourReference).length > 50)
    problems.push({ field: "your_reference", message: "Your reference may be at most 50 characters." })
  const delivery = text(input.deliveryType)
  if (delivery && !(PAYER_DELIVERY_TYPES as readonly string[]).includes(delivery))
    problems.push({ field: "delivery_type", message: "Choose how the invoice is delivered." })
  return problems
}

/** Thrown by payerCompanySessionData when the form is not valid; `problems` names every bad field. */
export class PayerCompanyInputError extends Error {
  constructor(readonly problems: PayerCompanyProblem[]) {
    super(problems.map((p) => p.message).join(" "))
    this.name = "PayerCompanyInputError"
  }
}

/**
 * The `data` for `initiatePaymentSession(cart, { provider_id: PAYER_B2B_PROVIDER_ID, data })`: exactly the
 * allowlisted keys, normalized as the provider would (NNNNNN-NNNN, SE…01, trimmed); empty optional fields
 * are left out. Throws PayerCompanyInputError when payerCompanyProblems finds anything.
 */
export function payerCompanySessionData(input: PayerCompanyInput): PayerCompanySessionData {
  const problems = payerCompanyProblems(input)
  if (problems.length) throw new PayerCompanyInputError(problems)
  const data: PayerCompanySessionData = {
    company_name: text(input.companyName),
    org_number: parseSwedishOrganisationNumber(text(input.orgNumber))!.formatted,
    email: text(input.email),
  }
  if (text(input.vatId)) data.vat_id = parseSwedishVatId(text(input.vatId))!
  if (text(input.phone)) data.phone = text(input.phone)
  if (text(input.yourReference)) data.your_reference = text(input.yourReference)
  if (text(input.deliveryType)) data.delivery_type = text(input.deliveryType) as PayerDeliveryType
  return data
}
