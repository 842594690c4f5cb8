import { MedusaError } from "@medusajs/framework/utils"
import { PayexProblemError } from "../lib/payex"

/**
 * Turns a PayEx failure into a MedusaError a merchant (or, for the store routes, a shopper) can read.
 * PayEx's problem `type`, `title`, `detail` and `problems` stay in the message. `secrets` (a personal
 * number in all its spellings) are cut out of the message in case PayEx echoed them back.
 */
export function payexToMedusaError(error: unknown, secrets: string[] = []): MedusaError {
  if (error instanceof MedusaError) return scrubMedusaError(error, secrets)
  if (!(error instanceof PayexProblemError)) {
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, scrub(`PayEx request failed: ${(error as Error)?.message ?? error}`, secrets))
  }
  const type =
    error.errorType === "creditnotapproved"
      ? MedusaError.Types.NOT_ALLOWED
      : error.errorType === "inputerror"
        ? MedusaError.Types.INVALID_DATA
        : error.errorType === "notfound"
          ? MedusaError.Types.NOT_FOUND
          : MedusaError.Types.UNEXPECTED_STATE
  const lead =
    error.errorType === "creditnotapproved"
      ? "PayEx did not approve credit for this shopper; choose another payment method."
      : error.code !== "http"
        ? "PayEx could not be reached; nothing was changed, try again."
        : "PayEx refused the request."
  const problemType = error.problem.type ? ` (${error.problem.type})` : ""
  const err = new MedusaError(type, scrub(`${lead} ${error.message}${problemType}`, secrets))
  ;(err as any).payex = {
    status: error.status,
    type: error.problem.type,
    title: error.problem.title,
    detail: error.problem.detail ? scrub(error.problem.detail, secrets) : undefined,
    problems: error.problem.problems?.map((p) => ({ name: p.name, description: scrub(p.description, secrets) })),
  }
  return err
}

function scrubMedusaError(error: MedusaError, secrets: string[]): MedusaError {
  const scrubbed = scrub(error.message, secrets)
  return scrubbed === error.message ? error : new MedusaError(error.type, scrubbed)
}

export function scrub(message: string, secrets: string[]): string {
  let out = message
  // Longest first: "6003071161" cut before "196003071161" would leave "19[personal number]" behind.
  const ordered = secrets.filter((x) => x && x.length >= 4).sort((a, b) => b.length - a.length)
  for (const s of ordered) out = out.split(s).join("[personal number]")
  return out
}
