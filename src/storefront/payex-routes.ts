/**
 * Typed calls of the plugin's two PayEx store routes through the storefront's own js-sdk instance.
 *
 * `sdk.client.fetch` adds the publishable key (`x-publishable-api-key` from the sdk's `publishableKey`),
 * sends `content-type: application/json` and JSON-encodes an object `body` itself, and throws a
 * `FetchError` (`status`, `message` = the server's message) for any status >= 300: see errors.ts.
 * Only types are imported from the js-sdk, so this file adds nothing to a bundle and loads without it.
 */
import type { FetchArgs } from "@medusajs/js-sdk"

/** The part of a `Medusa` instance (`new Medusa({ baseUrl, publishableKey })`) these calls use. */
export interface StorefrontSdk {
  client: { fetch<T>(input: string, init?: FetchArgs): Promise<T> }
}

/** Extra headers for one call (for example the Next.js starter's `getAuthHeaders()`); never the personal number. */
export interface StorefrontCallOptions {
  headers?: FetchArgs["headers"]
}

/** An address in the shape the store routes take and answer with (snake_case, as in Medusa's own bodies). */
export interface PayexAddress {
  addressee: string
  co_address?: string | null
  street_address?: string | null
  zip_code: string
  city: string
  /** Two letters. A legal address must be in the payment's country (SE, NO or FI). */
  country_code: string
}

/** The approved legal address PayEx answers in Sweden; the plugin also keeps it in the session data. */
export interface PayexLegalAddress extends PayexAddress {
  co_address: string | null
  street_address: string | null
}

export interface LookUpLegalAddressInput {
  /** The pending PayEx payment session of the cart (`payses_...`). */
  paymentSessionId: string
  /** Sent to the route and nowhere else; not kept by the plugin after the PayEx call. */
  socialSecurityNumber: string
  /** Swedish postal code, 5 digits (a space is fine). */
  zipCode: string
}

export interface AuthorizePayexInvoiceInput {
  paymentSessionId: string
  socialSecurityNumber: string
  /** Mobile number; national forms (070-123 45 67) are accepted for the payment's country. */
  msisdn: string
  email?: string | null
  /** Required in Norway and Finland, and in Sweden when no lookup was made (the shopper typed it). */
  legalAddress?: PayexAddress | null
  billingAddress?: PayexAddress | null
}

export const LEGAL_ADDRESS_PATH = "/store/payex/legal-address"
export const AUTHORIZE_PATH = "/store/payex/authorize"

// The routes refuse unknown fields (400): send only the fields they take, with empty optional ones left out.
function address(a: PayexAddress): PayexAddress {
  const out: PayexAddress = {
    addressee: a.addressee,
    zip_code: a.zip_code,
    city: a.city,
    country_code: a.country_code,
  }
  if (a.co_address) out.co_address = a.co_address
  if (a.street_address) out.street_address = a.street_address
  return out
}

function post<T>(sdk: StorefrontSdk, path: string, body: Record<string, unknown>, options?: StorefrontCallOptions) {
  // The personal number travels in the body only: never in the path or a query string, which end up in
  // access logs, proxies and browser history.
  return sdk.client.fetch<T>(path, { method: "POST", body, ...(options?.headers ? { headers: options.headers } : {}) })
}

/**
 * POST /store/payex/legal-address (Sweden): the shopper's approved legal address. Show it and let the
 * shopper confirm it before authorizing; the invoice is sent there.
 */
export async function lookUpLegalAddress(
  sdk: StorefrontSdk,
  input: LookUpLegalAddressInput,
  options?: StorefrontCallOptions,
): Promise<PayexLegalAddress> {
  const res = await post<{ legal_address: PayexLegalAddress }>(
    sdk,
    LEGAL_ADDRESS_PATH,
    {
      payment_session_id: input.paymentSessionId,
      social_security_number: input.socialSecurityNumber,
      zip_code: input.zipCode,
    },
    options,
  )
  return res.legal_address
}

/**
 * POST /store/payex/authorize: PayEx's credit decision. On success complete the cart as usual
 * (`sdk.store.cart.complete`, the starter's `placeOrder`); the provider confirms the authorization there.
 */
export async function authorizePayexInvoice(
  sdk: StorefrontSdk,
  input: AuthorizePayexInvoiceInput,
  options?: StorefrontCallOptions,
): Promise<{ status: "authorized" }> {
  const body: Record<string, unknown> = {
    payment_session_id: input.paymentSessionId,
    social_security_number: input.socialSecurityNumber,
    msisdn: input.msisdn,
  }
  // An empty e-mail would fail the route's e-mail check; the field is optional.
  if (typeof input.email === "string" && input.email.trim()) body.email = input.email.trim()
  if (input.legalAddress) body.legal_address = address(input.legalAddress)
  if (input.billingAddress) body.billing_address = address(input.billingAddress)
  return post<{ status: "authorized" }>(sdk, AUTHORIZE_PATH, body, options)
}
