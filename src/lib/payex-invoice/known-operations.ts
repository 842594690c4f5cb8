import { MedusaError } from "@medusajs/framework/utils"
import { findOperation, PayexProblemError } from "../payex"
import type { PayexClient, PayexOperation, PayexOperationRel, PayexPaymentResponse } from "../payex"
import type { PayexSessionData } from "./payex-session-data"

/**
 * The operations PayEx named in its latest answer about the payment, kept in the session data and then the
 * payment data (`payex_operations`) so the next action follows them without reading the payment again: PayEx
 * says to follow the operations of its latest answer, and each read is 100-500 ms of a shopper's checkout or a
 * merchant's click. The creation's answer serves the two storefront actions; the read at cart completion serves
 * capture, cancellation and reversal (kept-payment.ts).
 *
 * Only operations of the session's own payment are kept and followed: the href must lie under the signed
 * `payex_payment_id` (and the client refuses any origin but the configured one).
 */
const KEPT_RELS: PayexOperationRel[] = [
  "create-approved-legal-address",
  "create-authorization",
  "update-payment-abort",
  "create-capture",
  "create-cancellation",
  "create-reversal",
]
const KEPT_METHODS = ["POST", "PATCH"]

function isOperationOf(paymentId: string, op: unknown): op is PayexOperation {
  const o = op as Partial<PayexOperation> | null
  if (!o || typeof o.href !== "string" || typeof o.rel !== "string" || typeof o.method !== "string") return false
  if (!KEPT_RELS.includes(o.rel) || !KEPT_METHODS.includes(o.method.toUpperCase())) return false
  try {
    return new URL(o.href).pathname.startsWith(`${paymentId}/`)
  } catch {
    return false
  }
}

/** What of a PayEx answer's operations the session keeps: `{ rel, method, href }` of the actions it may take. */
export function operationsToKeep(paymentId: string, operations: unknown): PayexOperation[] {
  return (Array.isArray(operations) ? operations : [])
    .filter((op) => isOperationOf(paymentId, op))
    .map(({ rel, method, href }) => ({ rel, method, href }))
}

/** The kept operations of the session's payment (an operation of any other payment is dropped). */
export function keptOperations(data: PayexSessionData): PayexOperation[] {
  const paymentId = data.payex_payment_id
  if (!paymentId || !Array.isArray(data.payex_operations)) return []
  return data.payex_operations.filter((op) => isOperationOf(paymentId, op))
}

/**
 * What to keep of a read of an authorized payment. PayEx lists `create-reversal` only once something is captured,
 * and a capture's answer carries no operations; the API text POSTs a reversal to the payment's own `reversals`
 * resource, which the same read names. That link (PayEx's, not built here) stands in for the operation, so the
 * first refund needs no read either; should PayEx refuse it, the refund reads the payment and follows what PayEx
 * lists then (kept-payment.ts).
 */
export function operationsAfterAuthorization(
  client: PayexClient,
  paymentId: string,
  res: PayexPaymentResponse,
): PayexOperation[] {
  const onOrigin = (op: PayexOperation) => {
    try {
      return !!client.resolveUrl(op.href, op.rel)
    } catch {
      return false // the client would refuse it anyway; keeping it would only cost a refused request later
    }
  }
  const kept = operationsToKeep(paymentId, res.operations).filter(onOrigin)
  const reversals = res.payment?.reversals?.id
  if (!findOperation(kept, "create-reversal") && typeof reversals === "string") {
    const reversal = { rel: "create-reversal", method: "POST", href: reversals }
    if (onOrigin(reversal)) {
      reversal.href = client.resolveUrl(reversals, "create-reversal")
      if (isOperationOf(paymentId, reversal)) kept.push(reversal)
    }
  }
  return kept
}

/**
 * The payment must still offer the operation (a refused or aborted payment does not): a shopper's 400 that
 * says what to do, rather than a 500 from following an operation that is not there.
 */
export function requireOperation(res: PayexPaymentResponse, rel: PayexOperationRel, refusal: string) {
  if (findOperation(res.operations, rel)) return res.operations
  const state = typeof res.payment?.state === "string" ? res.payment.state : "unknown"
  throw new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `${refusal} (PayEx payment state: ${state}); start the payment again or choose another payment method.`,
  )
}

/**
 * Performs `rel` on the session's payment: with the kept operations when the session has that one (one
 * request), otherwise, or when `followKept` is false (a retry), after reading the payment. Kept
 * operations may be stale (the payment was aborted or authorized since): when PayEx refuses one with a 4xx
 * other than its credit decision, the payment is read, so the shopper hears what its state allows, exactly as
 * without kept operations.
 */
export async function performOnPayment<T>(
  client: PayexClient,
  data: PayexSessionData,
  rel: PayexOperationRel,
  body: unknown,
  refusal: string,
  { followKept = true }: { followKept?: boolean } = {},
): Promise<T> {
  const paymentId = data.payex_payment_id!
  const kept = followKept ? keptOperations(data) : []
  if (!findOperation(kept, rel)) {
    return client.perform<T>(requireOperation(await client.getPayment(paymentId), rel, refusal), rel, body)
  }
  try {
    return await client.perform<T>(kept, rel, body)
  } catch (e) {
    // PayEx's decision about the shopper (credit not approved) is the answer; any other refusal may be the
    // kept operation being stale, which only the payment's state tells.
    const refusedOperation =
      e instanceof PayexProblemError && e.status !== undefined && e.status >= 400 && e.status < 500
    if (refusedOperation && e.errorType !== "creditnotapproved") {
      requireOperation(await client.getPayment(paymentId), rel, refusal)
    }
    throw e
  }
}
