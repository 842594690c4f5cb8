/**
 * What went wrong in a call of the PayEx store routes, for the shopper.
 *
 * The js-sdk throws a `FetchError` whose `message` is the server's message and `status` the HTTP status
 * (it keeps neither the body's `type` nor the `Retry-After` header). The routes answer with fixed texts
 * (src/api/store/payex/limits.ts, lib/payex-invoice/session-actions.ts and medusa-errors.ts,
 * api/store/payex/strict-body.ts); the tests classify those very texts, so a changed text fails them.
 *
 * The messages below are the storefront's own and never contain anything from the error: the server's
 * texts are already free of the personal number, but a storefront that shows `error.message` of an
 * arbitrary error (a proxy's page, a network error that quotes a URL) cannot know that.
 */

export type PayexErrorKind =
  | "credit_not_approved"
  | "invalid_personal_number"
  | "no_legal_address"
  | "too_many_attempts"
  | "invalid_input"
  | "unavailable"
  | "unknown"

export const PAYEX_ERROR_MESSAGES: Record<PayexErrorKind, string> = {
  credit_not_approved: "PayEx did not approve payment by invoice. Please choose another payment method.",
  invalid_personal_number: "The personal identity number is not valid. Please check it and try again.",
  no_legal_address:
    "No address was found for this personal identity number and postal code. Check both, or enter your address yourself.",
  too_many_attempts: "Too many attempts to pay by invoice. Please choose another payment method or try again later.",
  invalid_input: "Some of the details you entered are not valid. Please check them and try again.",
  unavailable: "Payment by invoice is not available right now. Please try again shortly or choose another method.",
  unknown: "Payment by invoice could not be completed. Reload the page and try again, or choose another method.",
}

export interface PayexErrorDescription {
  kind: PayexErrorKind
  /** PAYEX_ERROR_MESSAGES[kind]. */
  message: string
  /** The request field the server named (`msisdn`, `zip_code`, `legal_address.city`, ...), to mark in the form. */
  field?: string
  /**
   * The shopper can go on by typing the legal address (sent with the authorization) instead of the lookup:
   * no address found, or the session's lookups are used up.
   */
  enterAddressInstead: boolean
  /** HTTP status, when there was an answer. */
  status?: number
}

// Fixed texts of the routes (quoted in the README's "Bad input" and "Limits" sections).
const NO_LEGAL_ADDRESS = "No address was found for this personal number and postal code."
const CREDIT_NOT_APPROVED = "PayEx did not approve credit for this shopper"
const AUTHORIZATION_NOT_COMPLETED = "PayEx did not complete the authorization"
const TOO_MANY_LOOKUPS = "Too many address lookups for this checkout"
const PAYEX_REFUSED = "PayEx refused the request."

// Field names as strict-body.ts and session-actions.ts write them ("field: problem", joined with "; ").
const FIELD = /^([A-Za-z_]+(?:\.[A-Za-z_]+)?|\(unnamed field\)): /

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === "string" ? message : ""
}

function fieldsOf(message: string): string[] {
  return message
    .split("; ")
    .map((part) => FIELD.exec(part)?.[1])
    .filter((f): f is string => Boolean(f))
}

function describe(kind: PayexErrorKind, status: number | undefined, extra: Partial<PayexErrorDescription> = {}) {
  return { kind, message: PAYEX_ERROR_MESSAGES[kind], enterAddressInstead: false, status, ...extra }
}

/** Kind, shopper message and hints for an error thrown by lookUpLegalAddress / authorizePayexInvoice. */
export function describePayexError(error: unknown): PayexErrorDescription {
  const status = statusOf(error)
  const message = messageOf(error)
  if (status === undefined) {
    // fetch itself failed (offline, DNS, CORS): a TypeError without a status. The backend was not reached.
    return describe(error instanceof Error ? "unavailable" : "unknown", undefined)
  }
  if (status === 429) {
    return describe("too_many_attempts", status, { enterAddressInstead: message.startsWith(TOO_MANY_LOOKUPS) })
  }
  // 502/503: PayEx is down or its answer was lost (the plugin's message says to try again; a retry is safe), or a
  // proxy in front of Medusa failed; 500 is Medusa's own "An unknown error occurred.". Nothing for the shopper to fix.
  if (status >= 500) return describe("unavailable", status)
  if (status === 400) {
    if (message.startsWith(NO_LEGAL_ADDRESS)) return describe("no_legal_address", status, { enterAddressInstead: true })
    if (message.startsWith(CREDIT_NOT_APPROVED) || message.startsWith(AUTHORIZATION_NOT_COMPLETED))
      return describe("credit_not_approved", status)
    // "PayEx refused the request. ... [consumer.msisdn: ...]": PayEx's own field names, not the route's.
    if (message.startsWith(PAYEX_REFUSED)) {
      return /socialsecuritynumber/i.test(message)
        ? describe("invalid_personal_number", status, { field: "social_security_number" })
        : describe("invalid_input", status)
    }
    const fields = fieldsOf(message)
    if (fields.includes("social_security_number"))
      return describe("invalid_personal_number", status, { field: "social_security_number" })
    // The session is gone, already used or was never PayEx's: the page's cart is stale, nothing to retype.
    if (fields.includes("payment_session_id")) return describe("unknown", status, { field: "payment_session_id" })
    // "This PayEx payment can no longer be authorized (PayEx payment state: ...)", "... no longer offers the
    // legal address": the payment at PayEx is over; a new payment session is needed.
    if (/no longer/.test(message) && /PayEx/.test(message)) return describe("unknown", status)
    if (fields.length) return describe("invalid_input", status, { field: fields[0] })
    // Body-level refusals (not JSON, too large) and the Sweden-only lookup: a storefront bug, not the shopper's.
    return describe("invalid_input", status)
  }
  // 404: no PayEx session with this id (the cart changed). 401/403: publishable key. Others: unexpected.
  return describe("unknown", status)
}

/** Only the kind (see describePayexError). */
export function payexErrorKind(error: unknown): PayexErrorKind {
  return describePayexError(error).kind
}

/** Only the shopper's message (see describePayexError). */
export function payexErrorMessage(error: unknown): string {
  return describePayexError(error).message
}
