/**
 * The one error type the Payer client throws for anything that went wrong on
 * the wire. It deliberately carries no request/response objects and no
 * `cause`: axios errors hold the request config, whose headers hold the
 * bearer token or the Basic credentials, and an error gets logged in full
 * sooner or later.
 */

export type PayerErrorCode = "http" | "network" | "timeout"

export interface PayerApiErrorInit {
  method: string
  /** Path without query string (queries can hold organisation/personal numbers). */
  path: string
  code: PayerErrorCode
  status?: number
  payerMessage?: string
  /** Short text for network/timeout failures, e.g. "ECONNREFUSED". */
  detail?: string
}

export class PayerApiError extends Error {
  readonly status?: number
  /** Payer's own explanation (the `message` of its error body), when it sent one. */
  readonly payerMessage?: string
  readonly path: string
  readonly method: string
  readonly code: PayerErrorCode
  /**
   * 409: Payer already handled a request with this Payer-Request-ID. The work
   * is done; the caller finds its result with a GET instead of failing.
   */
  readonly isConflict: boolean

  constructor(init: PayerApiErrorInit) {
    super(PayerApiError.describe(init))
    this.name = "PayerApiError"
    this.method = init.method
    this.path = init.path
    this.code = init.code
    this.status = init.status
    this.payerMessage = init.payerMessage
    this.isConflict = init.code === "http" && init.status === 409
  }

  /** True for failures worth retrying with the same request id. */
  get isTransient(): boolean {
    return this.code !== "http" || (this.status !== undefined && this.status >= 500)
  }

  private static describe(init: PayerApiErrorInit): string {
    const what =
      init.code === "http"
        ? init.status === undefined
          ? "(unexpected response)"
          : `(${init.status})`
        : init.code === "timeout"
          ? "(timeout)"
          : "(network error)"
    const why = init.payerMessage ?? init.detail
    return `Payer ${init.method} ${init.path} failed ${what}${why ? `: ${why}` : ""}`
  }
}

const MAX_MESSAGE_LENGTH = 500

/**
 * Payer's explanation from an error body of any shape: Spring's `message`,
 * OAuth2's `error_description`/`error`, or a short plain-text body. HTML
 * error pages from proxies are not an explanation and are ignored.
 */
export function payerMessageFrom(body: unknown): string | undefined {
  let text: unknown
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>
    text = [b.message, b.error_description, b.error].find((v) => typeof v === "string" && v.trim() !== "")
  } else if (typeof body === "string" && !/^\s*</.test(body)) {
    text = body
  }
  if (typeof text !== "string" || text.trim() === "") {
    return undefined
  }
  const oneLine = text.replace(/\s+/g, " ").trim()
  return oneLine.length > MAX_MESSAGE_LENGTH ? `${oneLine.slice(0, MAX_MESSAGE_LENGTH)}…` : oneLine
}
