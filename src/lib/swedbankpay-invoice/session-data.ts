import { signPayment } from "../payex-invoice/session-trust"
import { isPaymentOrderId, type SwedbankPayOrderItem } from "../swedbankpay"
import { timingSafeEqual } from "node:crypto"

/**
 * What the Swedbank Pay provider keeps in Medusa's payment session / payment `data`. Never a personal number, and
 * nothing the storefront could turn against the shop: the two URLs are Swedbank Pay's own, for the shopper.
 */
export interface SwedbankPaySessionData {
  session_id?: string
  swedbankpay_order_id?: string
  /** HMAC over session_id + swedbankpay_order_id with the merchant token: proves the provider wrote the id. */
  swedbankpay_signature?: string
  currency_code?: string
  amount_minor?: number
  capture_on?: string
  /** `redirect-checkout`: where the storefront sends the shopper (redirect flow). */
  redirect_url?: string | null
  /** `view-checkout`: the script the storefront loads (seamless view). */
  view_url?: string | null
  /** Captures the plugin made, by payeeReference: the amount, and a fulfillment's items (its reversal names them). */
  captures?: Record<string, { amount: number; items?: SwedbankPayOrderItem[] }> | null
  /** Set by the canceled-fulfillment workflow just before it asks Medusa to refund: the capture to reverse (signed). */
  pending_refund?: unknown
  /** Set by the fulfillment workflow just before it asks Medusa to capture: that fulfillment's lines (signed). */
  pending_capture?: unknown
  [key: string]: unknown
}

/** The storefront may send these at session creation; everything else it sends is removed. */
export const SWEDBANKPAY_STOREFRONT_KEYS = ["user_agent", "session_id", "email", "msisdn"]

/** Every key a session of this provider may hold. */
export const SWEDBANKPAY_SESSION_KEYS = [
  ...SWEDBANKPAY_STOREFRONT_KEYS,
  "swedbankpay_order_id",
  "swedbankpay_signature",
  "currency_code",
  "amount_minor",
  "capture_on",
  "redirect_url",
  "view_url",
  "captures",
  "pending_capture",
  "pending_refund",
]

export const signOrder = (token: string, sessionId: string, orderId: string) => signPayment(token, sessionId, orderId)

/** The session's payment order when the provider wrote it (right shape, signed for this session), else null. */
export function trustedOrder(
  token: string,
  data: Record<string, unknown> | undefined | null,
): { session_id: string; order_id: string } | null {
  const sessionId = data?.session_id
  const orderId = data?.swedbankpay_order_id
  const signature = data?.swedbankpay_signature
  if (typeof sessionId !== "string" || !sessionId || !isPaymentOrderId(orderId) || typeof signature !== "string")
    return null
  const expected = Buffer.from(signOrder(token, sessionId, orderId))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { session_id: sessionId, order_id: orderId }
    : null
}

/** Written only once the payment exists (by the provider's captures and the plugin's workflows), never at checkout. */
const PAYMENT_ONLY_KEYS = ["captures", "pending_capture", "pending_refund"]

/**
 * Keys the storefront planted, each set to null (Medusa merges data on update): anything not the provider's own,
 * and at checkout (session creation, update, authorization) also the keys only a payment holds, so nothing the
 * storefront sent before the provider ran can reach a capture or a reversal.
 */
export function withoutPlantedKeys(data: Record<string, unknown>): {
  rest: Record<string, unknown>
  planted: string[]
} {
  const rest = { ...data }
  const planted = Object.keys(data).filter(
    (k) => (!SWEDBANKPAY_SESSION_KEYS.includes(k) || PAYMENT_ONLY_KEYS.includes(k)) && data[k] !== null,
  )
  for (const k of planted) rest[k] = null
  return { rest, planted }
}
