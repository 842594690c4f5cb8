import type { PayexProblem } from "./payex-api-types"

/**
 * One error class for everything that goes wrong talking to PayEx. It keeps PayEx's problem details
 * (`type`, `title`, `detail`, `problems`) for the merchant, and never the request headers (the token).
 */
export class PayexProblemError extends Error {
  readonly status?: number
  /** Last segment of the problem `type` URI: inputerror, forbidden, creditnotapproved, notfound, ... */
  readonly errorType?: string
  readonly problem: PayexProblem
  readonly code: "http" | "network" | "timeout"
  readonly operation: string
  /** For a network failure: the socket's error code (ECONNREFUSED, ECONNRESET, ...), which tells whether PayEx got it. */
  readonly networkCode?: string

  constructor(
    operation: string,
    code: "http" | "network" | "timeout",
    problem: PayexProblem = {},
    status?: number,
    cause?: string,
  ) {
    const what = problem.detail || problem.title || cause || "no details"
    const names = (problem.problems ?? []).map((p) => `${p.name}: ${p.description}`).join("; ")
    super(`PayEx ${operation} failed${status ? ` (${status})` : ""}: ${what}${names ? ` [${names}]` : ""}`)
    this.name = "PayexProblemError"
    this.operation = operation
    this.code = code
    this.status = status
    this.problem = problem
    this.errorType = problem.type ? problem.type.split("/").filter(Boolean).pop() : undefined
    this.networkCode = code === "network" ? cause : undefined
  }

  /** Network trouble and gateway errors: the same request may be sent again with the same payeeReference. */
  get retryable(): boolean {
    return this.code !== "http" || this.status === 502 || this.status === 503 || this.status === 504
  }

  /** PayEx refused a payeeReference it has seen before: the work was done by an earlier attempt. */
  get isPayeeReferenceReplay(): boolean {
    return (
      this.errorType === "inputerror" &&
      (this.problem.problems ?? []).some((p) => /payeereference/i.test(p.name) && /already/i.test(p.description))
    )
  }
}
