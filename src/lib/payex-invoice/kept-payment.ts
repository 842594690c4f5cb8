import type { PayexOperationRel, PayexPayment, PayexPaymentResponse } from "../payex"
import { findOperation } from "../payex"
import { keptOperations } from "./known-operations"
import type { PayexMedusaError } from "./medusa-errors"
import type { PayexSessionData } from "./payex-session-data"

/**
 * The payment as PayEx last described it to the plugin (its id and the operations kept from that answer), for
 * an operation taken without reading the payment first. Undefined when the kept operations do not include `rel`:
 * the caller then reads the payment, as it would without kept operations.
 */
export function keptPayment(data: PayexSessionData, rel: PayexOperationRel): PayexPaymentResponse | undefined {
  const operations = keptOperations(data)
  if (!data.payex_payment_id || !findOperation(operations, rel)) return undefined
  // Only the id is known without a read; the transactions link is derived from it where a recovery needs it.
  return { payment: { id: data.payex_payment_id } as PayexPayment, operations }
}

/**
 * PayEx refused an operation with a 4xx: when the operation was a kept one, the payment may have moved on since
 * (captured in full, canceled, captured in PayEx's portal), which only a read of the payment tells. A 5xx or a
 * lost connection is not that: it stays the error it is.
 */
export function refusedByPayex(error: unknown): boolean {
  const status = (error as PayexMedusaError | undefined)?.payex?.status
  return typeof status === "number" && status >= 400 && status < 500
}

/**
 * Runs `withKept` on the kept payment when it offers `rel`, and `withRead` (which reads the payment) when it does
 * not or when PayEx refuses the kept operation. The happy path is one request; a stale operation costs the read
 * it saved, never a wrong result.
 */
export async function onKeptOrRead<T>(
  data: PayexSessionData,
  rel: PayexOperationRel,
  withKept: (payment: PayexPaymentResponse) => Promise<T>,
  withRead: () => Promise<T>,
): Promise<T> {
  const kept = keptPayment(data, rel)
  if (kept) {
    try {
      return await withKept(kept)
    } catch (e) {
      if (!refusedByPayex(e)) throw e
    }
  }
  return withRead()
}
