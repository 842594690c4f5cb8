import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * What the PayEx provider may believe in payment data.
 *
 * Medusa stores a payment session's `data` exactly as the storefront sent it before the provider runs, and
 * a session can be read (deleted, authorized, updated) while it still holds that raw input. So the provider
 * acts only on keys it can prove it wrote itself:
 *
 * - `payex_payment_id` must be a PayEx invoice payment id (`/psp/invoice/payments/<uuid>`), never a URL, and
 *   for the calls that can see raw session data it must carry `payex_signature`: an HMAC over the session id
 *   and the payment id. A storefront cannot plant another shopper's payment (or its own unsigned one).
 * - The hand-overs `pending_capture` and `pending_refund` (written by the plugin's workflows just before they
 *   ask Medusa to capture or refund) carry `signature`: an HMAC over the Medusa payment id and the whole
 *   hand-over (fulfillment, amount, lines), so a marker cannot be planted nor moved to another payment.
 *
 * The HMAC key is derived from the PayEx merchant token: every server instance of a shop has it (it is in
 * the provider options), no storefront or database ever does, and changing the token only invalidates
 * in-flight hand-overs, which the workflows write again on their next attempt. A separate key per purpose
 * keeps a signature of one kind from being accepted as another.
 */

export const PAYEX_PAYMENT_ID =
  /^\/psp\/invoice\/payments\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isPayexPaymentId(value: unknown): value is string {
  return typeof value === "string" && PAYEX_PAYMENT_ID.test(value)
}

type Purpose = "payment" | "pending_capture" | "pending_refund"

function keyFor(token: string, purpose: Purpose): Buffer {
  return createHmac("sha256", token).update(`medusa-plugin-payex-payer/v1/${purpose}`).digest()
}

/** JSON with sorted object keys, so the same hand-over always signs the same bytes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([k, v]) => k !== "signature" && v !== undefined,
    )
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`
  }
  return JSON.stringify(value ?? null)
}

function mac(token: string, purpose: Purpose, message: string): string {
  return createHmac("sha256", keyFor(token, purpose)).update(message).digest("base64url")
}

function same(a: unknown, b: string): boolean {
  if (typeof a !== "string" || a.length !== b.length) return false
  return timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/** A callback's transaction id: exactly `<payment id>/transactions/<uuid>` (no "../", no query). */
export function isPayexTransactionOf(paymentId: unknown, transactionId: unknown): paymentId is string {
  if (
    !isPayexPaymentId(paymentId) ||
    typeof transactionId !== "string" ||
    !transactionId.startsWith(`${paymentId}/transactions/`)
  )
    return false
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
    transactionId.slice(paymentId.length + "/transactions/".length),
  )
}

/** The signature `initiatePayment` stores beside the PayEx payment it created for a session. */
export function signPayment(token: string, sessionId: string, paymentId: string): string {
  return mac(token, "payment", `${sessionId}\n${paymentId}`)
}

/** The session's PayEx payment when the provider wrote it (right shape, signed for this session), else null. */
export function trustedPayment(
  token: string,
  data: Record<string, unknown> | undefined | null,
): { session_id: string; payex_payment_id: string } | null {
  const sessionId = data?.session_id
  const paymentId = data?.payex_payment_id
  if (typeof sessionId !== "string" || !sessionId || !isPayexPaymentId(paymentId)) return null
  return same(data?.payex_signature, signPayment(token, sessionId, paymentId))
    ? { session_id: sessionId, payex_payment_id: paymentId }
    : null
}

/** Signs a hand-over for the Medusa payment `paymentId` (the workflows call this with the same token). */
export function signHandover<T extends object>(
  token: string,
  kind: "pending_capture" | "pending_refund",
  paymentId: string,
  handover: T,
): T & { signature: string } {
  return { ...handover, signature: mac(token, kind, `${paymentId}\n${canonical(handover)}`) }
}

/** True when `handover` was signed by the plugin for this Medusa payment and has not been changed since. */
export function verifyHandover(
  token: string,
  kind: "pending_capture" | "pending_refund",
  paymentId: string,
  handover: unknown,
): boolean {
  if (!handover || typeof handover !== "object" || Array.isArray(handover)) return false
  return same((handover as { signature?: unknown }).signature, mac(token, kind, `${paymentId}\n${canonical(handover)}`))
}

/** The hand-over when the plugin's workflow signed it for this payment; anything else is ignored, with a warning. */
export function trustedHandover<T extends object>(
  token: string,
  kind: "pending_capture" | "pending_refund",
  paymentId: string,
  handover: T | null | undefined,
  warn: (message: string) => void,
): T | undefined {
  if (handover === undefined || handover === null) return undefined
  if (verifyHandover(token, kind, paymentId, handover)) return handover
  warn(`PayEx: ignored a ${kind} in payment ${paymentId} that the plugin did not sign`)
  return undefined
}

/** Names the removed keys, but only those made of letters and underscores: a key of digits could itself be a personal number. */
export function plantedKeysMessage(keys: string[]): string {
  const named = keys.filter((k) => /^[A-Za-z_]{1,40}$/.test(k))
  const others = keys.length - named.length
  return `removed session data the storefront may not set: ${[...named, ...(others ? [`${others} other key(s)`] : [])].join(", ")}`
}
