/**
 * The `pending_refund` hand-over of the payer-b2b provider: the plugin's credit workflows issue a credit at
 * Payer, put this marker into the payment data and then let Medusa record the refund; the provider's
 * refundPayment sees the marker and records the refund without crediting a second time.
 *
 * Payment data can carry what a storefront once sent, so the marker must be something only the plugin can
 * produce: an HMAC over the payment id, the amount and the credit invoice number, keyed by a key derived
 * from the Payer client secret (every server instance of the shop has it; no storefront does).
 */
import { createHmac, timingSafeEqual } from "node:crypto"

export interface PendingPayerRefund {
  amount_minor: number
  credit_invoice_number: string
  /** HMAC-SHA256 (base64url) of payment id, amount and credit invoice number. */
  mac: string
}

const KEY_LABEL = "medusa-plugin-payex-payer/payer-b2b/pending_refund/v1"

function macOf(secret: string, paymentId: string, amountMinor: number, creditInvoiceNumber: string): string {
  // A key of its own, so the MAC never doubles as anything else made with the client secret.
  const key = createHmac("sha256", secret).update(KEY_LABEL).digest()
  return createHmac("sha256", key).update(`${paymentId}\n${amountMinor}\n${creditInvoiceNumber}`).digest("base64url")
}

export function signPendingRefund(
  secret: string,
  input: { payment_id: string; amount_minor: number; credit_invoice_number: string },
): PendingPayerRefund {
  if (!secret) throw new Error("signPendingRefund needs the Payer client secret")
  return {
    amount_minor: input.amount_minor,
    credit_invoice_number: input.credit_invoice_number,
    mac: macOf(secret, input.payment_id, input.amount_minor, input.credit_invoice_number),
  }
}

/**
 * Why a marker found in payment data is not the plugin's for this refund, or null when it is. Anything
 * else than an object the plugin signed for exactly this payment and amount is refused.
 */
export function pendingRefundProblem(
  secret: string,
  marker: unknown,
  paymentId: string,
  amountMinor: number,
): string | null {
  if (!marker || typeof marker !== "object" || Array.isArray(marker)) return "not an object"
  const m = marker as Record<string, unknown>
  if (typeof m.amount_minor !== "number" || typeof m.credit_invoice_number !== "string" || typeof m.mac !== "string") {
    return "malformed"
  }
  if (m.amount_minor !== amountMinor) return "for another amount"
  if (!secret) return "no key to check it"
  const expected = Buffer.from(macOf(secret, paymentId, m.amount_minor, m.credit_invoice_number))
  const given = Buffer.from(m.mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad signature"
  return null
}
