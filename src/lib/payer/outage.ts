/**
 * Which Payer failures are outages (Payer could not answer) rather than refusals, and with which status they should
 * reach the merchant (see lib/http/upstream-outage.ts): 503 when Payer said it is unavailable or the connection
 * failed before the request was sent (nothing was done), 502 when the request may have been handled (timeout,
 * connection lost after sending, another 5xx, an answer that could not be read, a 409 that could not be resolved).
 * A 4xx refusal is never an outage.
 */
import type { OutageStatus } from "../http/upstream-outage"
import { PayerApiError } from "./payer-api-error"

/** Connection failures that happen before a byte of the request reached Payer. */
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/

export function payerOutageStatus(error: unknown): OutageStatus | undefined {
  if (!(error instanceof PayerApiError)) return undefined
  if (error.code === "timeout") return 502
  if (error.code === "network") return NOT_SENT.test(error.message) ? 503 : 502
  if (error.status === undefined) return 502 // a 2xx without what was promised
  if (error.status === 502 || error.status === 503 || error.status === 504) return 503
  if (error.status >= 500 || error.isConflict) return 502
  return undefined
}
