/**
 * How Payer failures reach the records and the callers: as MedusaErrors keeping Payer's explanation, as the
 * text stored in last_error, and whether a failed credit proves Payer made nothing.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { asUpstreamOutage } from "../../../lib/http/upstream-outage"
import { PayerApiError, payerOutageStatus } from "../../../lib/payer"
import { TOKEN_PATH } from "../../../lib/payer/transport"
import type PayerInvoiceModuleService from "../service"

export const CREDIT_OUTCOME_UNKNOWN = "payer_credit_outcome_unknown"

/** A credit was sent but Payer's answer never arrived: the record is "unknown" and holds its amount back. */
export class CreditOutcomeUnknownError extends MedusaError {
  constructor(message: string) {
    super(MedusaError.Types.UNEXPECTED_STATE, message, CREDIT_OUTCOME_UNKNOWN)
  }
}

/**
 * True when the failure proves Payer made no credit: Payer answered 4xx (other than 409, "already
 * handled"), the token could not be had, or the client refused before sending. A timeout, a lost
 * connection, a 5xx after the client's retries, an unrecovered 409 or an unreadable 2xx prove nothing.
 */
export function refusedByPayer(error: unknown): boolean {
  // The transport turns every wire failure into a PayerApiError: anything else was thrown before sending.
  if (!(error instanceof PayerApiError)) return true
  if (error.path === TOKEN_PATH) return true
  return (
    error.code === "http" &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    !error.isConflict
  )
}

/**
 * A Payer failure as a MedusaError that keeps Payer's own explanation: Payer's 400 -> 400, 404 -> 404, an
 * unrecovered 409 of a refusal kind -> 400. An outage (5xx after the client's retries, timeout, lost connection,
 * unreadable answer) is marked to be answered 503 (nothing was done) or 502 (it may have been done) with a message
 * that says to try again: the retry carries the same Payer-Request-ID, so it finds the work instead of repeating it.
 */
export function payerFailure(error: unknown, what: string): MedusaError {
  if (error instanceof MedusaError) return error
  if (error instanceof PayerApiError) {
    const why = error.payerMessage ?? error.message
    const outage = payerOutageStatus(error)
    if (outage) {
      const advice =
        outage === 503
          ? "Payer is unavailable and nothing was done; try again in a moment"
          : "Payer's answer was lost, so it may have been done; try again (with the same Idempotency-Key) to find out"
      return asUpstreamOutage(
        new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${what}: ${advice}. Payer: ${why}`),
        "Payer",
        outage,
      )
    }
    const type =
      error.status === 400 || error.status === 422
        ? MedusaError.Types.INVALID_DATA
        : error.status === 404
          ? MedusaError.Types.NOT_FOUND
          : MedusaError.Types.UNEXPECTED_STATE
    return new MedusaError(type, `${what}: Payer answered: ${why}`)
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${what}: ${(error as Error)?.message ?? String(error)}`)
}

const MAX_ERROR_LENGTH = 1000

/** Ends the last_error of an outage: what the merchant (or the admin retry route's 502, which answers it) should do. */
export const OUTAGE_ADVICE =
  "Payer could not answer; try again: the retry continues where it stopped and does not repeat what Payer already did"

/**
 * The text stored in last_error. PayerApiError messages carry Payer's own explanation and the path, never
 * credentials or tokens (see lib/payer/payer-api-error.ts); other errors keep their message only. An outage
 * (see payerOutageStatus) ends with OUTAGE_ADVICE, so the record says to try again; a refusal does not.
 */
export function failureText(error: unknown, what: string): string {
  const message =
    error instanceof PayerApiError ? error.message : error instanceof Error ? error.message : String(error)
  const advice = payerOutageStatus(error) ? `. ${OUTAGE_ADVICE}` : ""
  const text = `${what}: ${message}`.replace(/\s+/g, " ").trim()
  const room = MAX_ERROR_LENGTH - advice.length
  return `${text.length > room ? `${text.slice(0, room)}…` : text}${advice}`
}

/** Marks a record failed with a readable error; never hides the original error if that write fails too. */
export async function markFailed(
  service: PayerInvoiceModuleService,
  recordId: string,
  error: unknown,
  what: string,
): Promise<void> {
  try {
    await service.updatePayerInvoices({ id: recordId, status: "failed", last_error: failureText(error, what) })
  } catch {
    // the original error is what the caller rethrows
  }
}
