import type { PaymentProviderContext } from "@medusajs/framework/types"
import type { PayexAddress, PayexOperation } from "../payex"

/**
 * What the PayEx provider keeps in Medusa's payment session / payment `data`. Never a personal number:
 * the storefront's personal number travels only inside a `payex_action` in the update's `context`.
 */
export interface PayexSessionData {
  session_id?: string
  payex_payment_id?: string
  payex_payment_number?: number
  currency_code?: string
  amount_minor?: number
  /** Approved (Sweden) or supplied (Norway) legal address used for the authorization. */
  legal_address?: StoredAddress
  authorization_transaction_number?: number
  /** The operations of PayEx's latest answer: the creation's, then the read at cart completion's (known-operations.ts). */
  payex_operations?: PayexOperation[] | null
  /** HMAC over session_id + payex_payment_id (lib/payex-invoice/session-trust.ts): proves the provider wrote the id. */
  payex_signature?: string
  /** Set by the fulfillment workflow just before it asks Medusa to capture: the lines of that fulfillment (signed). */
  pending_capture?: PendingCapture | null
  /** Set by the canceled-fulfillment workflow just before it asks Medusa to refund: the capture to reverse (signed). */
  pending_refund?: PendingReversal | null
  /** The captures this plugin made, by payeeReference: PayEx's transaction number, amount and the VAT sent. */
  captures?: Record<string, CaptureRecord>
  /** PayEx transaction numbers of the reversals of canceled fulfillments, by payeeReference. */
  reversals?: Record<string, { number: number; amount: number }>
  [key: string]: unknown
}

/** One capture the plugin made. `vat_summary` (what the capture sent) lets a reversal split its VAT without a read. */
export interface CaptureRecord {
  number: number
  amount: number
  vat_summary?: Array<{ amount: number; vatPercent: number; vatAmount: number }>
}

/** Address in the snake_case shape the store routes answer with. */
export interface StoredAddress {
  addressee: string
  co_address: string | null
  street_address: string | null
  zip_code: string
  city: string
  country_code: string
}

export interface PendingCapture {
  fulfillment_id: string
  amount_minor: number
  lines: Array<{ reference: string; description: string; amount: number; vatBasisPoints: number }>
  /** HMAC over the Medusa payment id and this hand-over (lib/payex-invoice/session-trust.ts). */
  signature?: string
}

/** The reversal of one fulfillment's capture, handed to `refundPayment` by the canceled-fulfillment workflow. */
export interface PendingReversal {
  fulfillment_id: string
  amount_minor: number
  /** PayEx transaction number of the capture being reversed. */
  capture_number: number
  signature?: string
}

/**
 * The session data keys a storefront may send (README: "Checkout with PayEx invoice"). `session_id` is
 * added by Medusa itself. Every other key the storefront sends is removed (set to null) by initiatePayment.
 */
export const STOREFRONT_SESSION_KEYS = ["user_agent", "session_id"]

/** Every key a payment session of this provider may hold: the storefront's and the provider's own. */
export const SESSION_KEYS = [
  ...STOREFRONT_SESSION_KEYS,
  "payex_payment_id",
  "payex_payment_number",
  "payex_signature",
  "currency_code",
  "amount_minor",
  "capture_on",
  "legal_address",
  "authorization_transaction_number",
  "payex_operations",
]

export type PayexSessionAction = (
  | { type: "legal-address"; social_security_number: string; zip_code: string }
  | {
      type: "authorize"
      social_security_number: string
      msisdn: string
      email?: string
      ip: string
      legal_address?: PayexAddressInput
      billing_address?: PayexAddressInput
    }
) & {
  /**
   * Which attempt of this kind on the session this is (the store routes count them, 1 = first). A retry reads
   * the payment before acting instead of following the kept operations: after a refusal (credit not approved)
   * PayEx must not be asked again for a payment that no longer offers the operation.
   */
  attempt?: number
}

export interface PayexAddressInput {
  addressee: string
  co_address?: string | null
  street_address?: string | null
  zip_code: string
  city: string
  country_code: string
}

/** Keys a careless storefront might use for a personal number: always dropped from stored data. */
export const PERSONAL_NUMBER_KEYS = [
  "social_security_number",
  "socialSecurityNumber",
  "ssn",
  "personal_number",
  "personnummer",
]

/**
 * The data to return so that Medusa's merge (`{...stored, ...returned}`) keeps nothing the storefront sent
 * beyond the allowlist: every other key it sent is set to an explicit null (a missing or undefined key
 * would survive the merge), and so is a `user_agent` that is not a string. Keys in `own` are the provider's
 * and are left to it. Answers the keys nulled, to warn about.
 */
export function nullPlantedKeys(
  sent: Record<string, unknown> | undefined | null,
  own: Record<string, unknown>,
): string[] {
  const planted: string[] = []
  for (const key of Object.keys(sent ?? {})) {
    if (STOREFRONT_SESSION_KEYS.includes(key) || (key in own && own[key] !== undefined)) continue
    own[key] = null
    planted.push(key)
  }
  if (sent?.user_agent !== undefined && typeof sent.user_agent !== "string") {
    own.user_agent = null
    planted.push("user_agent")
  }
  return planted
}

export function toPayexAddress(a: PayexAddressInput): PayexAddress {
  return {
    addressee: a.addressee,
    coAddress: a.co_address || undefined,
    streetAddress: a.street_address || undefined,
    zipCode: a.zip_code,
    city: a.city,
    countryCode: a.country_code.toUpperCase(),
  }
}

export function fromPayexAddress(a: PayexAddress): StoredAddress {
  return {
    addressee: a.addressee,
    co_address: a.coAddress || null,
    street_address: a.streetAddress || null,
    zip_code: a.zipCode,
    city: a.city,
    country_code: a.countryCode,
  }
}

/**
 * The plugin's store routes hand a storefront action to `updatePayment` in the update's `context`, never in
 * `data`: Medusa does not store the context, and no Store API route lets a shopper set it, so an action
 * (and the personal number it carries) can neither be planted in session data nor outlive the call.
 */
export interface PayexActionContext extends PaymentProviderContext {
  payex_action?: PayexSessionAction
}
