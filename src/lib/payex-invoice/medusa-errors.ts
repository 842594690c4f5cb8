import { MedusaError } from "@medusajs/framework/utils"
import { asUpstreamOutage, type OutageStatus, upstreamOutageStatus } from "../http/upstream-outage"
import { PayexProblemError } from "../payex"

/** PayEx's problem, scrubbed, kept beside the message for the merchant (admin answers, logs of the caller). */
export interface PayexErrorDetails {
  status?: number
  type?: string
  title?: string
  detail?: string
  problems?: Array<{ name?: string; description?: string }>
}

export type PayexMedusaError = MedusaError & { payex?: PayexErrorDetails }

/**
 * Turns a PayEx failure into a MedusaError a merchant (or, for the store routes, a shopper) can read.
 * PayEx's problem `type`, `title`, `detail` and `problems` stay in the message and in `payex`. `secrets` (a
 * personal number in all its spellings) are cut out of every one of those strings in case PayEx echoed them.
 */
export function payexToMedusaError(error: unknown, secrets: string[] = []): MedusaError {
  if (error instanceof MedusaError) return scrubMedusaError(error, secrets)
  if (!(error instanceof PayexProblemError)) {
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      scrub(`PayEx request failed: ${(error as Error)?.message ?? error}`, secrets),
    )
  }
  const type =
    error.errorType === "creditnotapproved"
      ? MedusaError.Types.NOT_ALLOWED
      : error.errorType === "inputerror"
        ? MedusaError.Types.INVALID_DATA
        : error.errorType === "notfound"
          ? MedusaError.Types.NOT_FOUND
          : MedusaError.Types.UNEXPECTED_STATE
  const outage = outageOf(error)
  const lead =
    error.errorType === "creditnotapproved"
      ? "PayEx did not approve credit for this shopper; choose another payment method."
      : (outage?.lead ?? "PayEx refused the request.")
  const clean = (v: string | undefined) => (typeof v === "string" ? scrub(v, secrets) : undefined)
  const problemType = error.problem.type ? ` (${error.problem.type})` : ""
  const err: PayexMedusaError = new MedusaError(type, scrub(`${lead} ${error.message}${problemType}`, secrets))
  if (outage) asUpstreamOutage(err, "PayEx", outage.status)
  err.payex = {
    status: error.status,
    type: clean(error.problem.type),
    title: clean(error.problem.title),
    detail: clean(error.problem.detail),
    problems: error.problem.problems?.map((p) => ({ name: clean(p.name), description: clean(p.description) })),
  }
  return err
}

/** Connection failures where the request never left: PayEx did nothing. */
const NOT_SENT = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]
const RETRY_IS_SAFE = "Try again: the retry is recognised by its reference and does not repeat the work."

/**
 * A PayEx outage and how it reaches the shopper or merchant (lib/http/upstream-outage.ts): 503 when PayEx did
 * nothing (it said it is unavailable, or the connection failed before the request was sent), 502 when the request
 * may have reached PayEx (a timeout, a connection lost on the way, a 5xx other than 503). A refusal (4xx) is none.
 */
function outageOf(error: PayexProblemError): { status: OutageStatus; lead: string } | undefined {
  if (error.code === "timeout")
    return { status: 502, lead: `PayEx did not answer in time; the request may have reached PayEx. ${RETRY_IS_SAFE}` }
  if (error.code === "network") {
    if (NOT_SENT.includes(error.networkCode ?? ""))
      return { status: 503, lead: "PayEx could not be reached; nothing was changed, try again." }
    return {
      status: 502,
      lead: `The connection to PayEx was lost; the request may have reached PayEx. ${RETRY_IS_SAFE}`,
    }
  }
  if (error.status === 503) return { status: 503, lead: "PayEx is unavailable; nothing was changed, try again." }
  if (error.status !== undefined && error.status >= 500)
    return { status: 502, lead: `PayEx failed to answer the request. ${RETRY_IS_SAFE}` }
  return undefined
}

function scrubMedusaError(error: MedusaError, secrets: string[]): MedusaError {
  const scrubbed = scrub(error.message, secrets)
  const payex = (error as PayexMedusaError).payex
  const details = payex ? JSON.parse(scrub(JSON.stringify(payex), secrets)) : undefined
  if (scrubbed === error.message && (!payex || JSON.stringify(details) === JSON.stringify(payex))) return error
  const out: PayexMedusaError = new MedusaError(error.type, scrubbed)
  if (details) out.payex = details
  const outage = upstreamOutageStatus(error)
  if (outage) asUpstreamOutage(out, "PayEx", outage)
  return out
}

const MASK = "[personal number]"
const SEPARATOR = "[-+\\s.]?"

/**
 * Cuts every spelling of a secret out of `message`. Besides the exact spellings given, the digits of each
 * secret are cut with or without separators between them ("600307-1161", "600307+1161", "6003071161",
 * "19600307 1161", ...), and for a number of 10 or more digits any run of its last 10 digits, with the two
 * digits before it (a century), so a spelling the caller did not think of is cut too.
 */
export function scrub(message: string, secrets: string[]): string {
  const given = secrets.filter((x) => typeof x === "string" && x.length >= 4)
  const patterns = new Set<string>()
  for (const s of given) {
    const digits = s.replace(/\D/g, "")
    if (digits.length < 6) continue
    patterns.add(digits.split("").join(SEPARATOR))
    if (digits.length >= 10) patterns.add(`(?:\\d{2}${SEPARATOR})?${digits.slice(-10).split("").join(SEPARATOR)}`)
  }
  // Digit patterns first (with their century), then the exact spellings, longest first: "6003071161" cut
  // before "196003071161" would leave "19[personal number]" behind.
  const ordered = [...patterns].sort((a, b) => b.length - a.length)
  let out = ordered.length ? message.replace(new RegExp(ordered.join("|"), "g"), MASK) : message
  for (const s of [...given].sort((a, b) => b.length - a.length)) out = out.split(s).join(MASK)
  return out
}
