import { MedusaError } from "@medusajs/framework/utils"

/**
 * A PSP (PayEx, Swedbank Pay, Payer) that could not answer: a 5xx after the client's retries, a timeout or a lost
 * connection. Medusa's error handler knows no 502/503 (every MedusaError it does not map is a 500), so the error
 * carries the status it should reach the shopper or merchant with, and the plugin's error handler
 * (src/api/middlewares.ts) answers with it. A refusal (4xx) is never an outage: it keeps its own type.
 *
 * - 503: the PSP said it is unavailable (502/503/504) or the connection failed before a request was sent; nothing
 *   was done, try again.
 * - 502: the PSP answered something else unusable, timed out, or the connection was lost after the request was
 *   sent; the work may or may not have been done, and a retry (same idempotency) finds out.
 */
export type OutageStatus = 502 | 503

export type UpstreamOutageError = MedusaError & { upstream_status: OutageStatus; upstream: string }

/** Marks `error` as an outage of `upstream` (e.g. "PayEx") to be answered with `status`. */
export function asUpstreamOutage(error: MedusaError, upstream: string, status: OutageStatus): UpstreamOutageError {
  const marked = error as UpstreamOutageError
  marked.upstream_status = status
  marked.upstream = upstream
  return marked
}

/** The status an error should be answered with when it is a PSP outage, otherwise undefined. */
export function upstreamOutageStatus(error: unknown): OutageStatus | undefined {
  const status = (error as Partial<UpstreamOutageError> | undefined)?.upstream_status
  return status === 502 || status === 503 ? status : undefined
}
