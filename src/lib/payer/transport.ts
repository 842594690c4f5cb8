/**
 * HTTP layer of the Payer client: authentication, retries, idempotency
 * headers and error translation. Knows HTTP and Payer, nothing about Medusa.
 *
 * - One axios instance with validateStatus: () => true, so every status is
 *   handled here and not by axios' exceptions.
 * - Network errors, timeouts and 5xx are retried with exponential backoff and
 *   the SAME Payer-Request-ID, which makes the retry safe: if the first try
 *   did reach Payer, the retry gets a 409 instead of doing the work twice.
 * - 4xx are never retried; a 401 on an API call renews the token once.
 * - The token comes from the process's cache for these credentials, shared with every other client.
 */
import axios, { type AxiosInstance, type AxiosResponse } from "axios"
import { PayerApiError, payerMessageFrom } from "./payer-api-error"
import { sharedTokenCache, type FetchedToken, type TokenCache } from "./token-cache"
import type { PayerTokenResponse } from "./payer-api-types"

export interface PayerLogger {
  debug?(message: string): void
  info?(message: string): void
  warn?(message: string): void
  error?(message: string): void
}

export interface PayerClientOptions {
  clientId: string
  clientSecret: string
  /** https://b2b.payer.se (production) or https://stage-b2b.payer.se (test). */
  baseUrl: string
  /** Per attempt. */
  timeoutMs?: number
  /** Extra attempts after the first for network errors, timeouts and 5xx. */
  maxRetries?: number
  logger?: PayerLogger
  /** Injectable for tests; waits between retries. */
  sleep?: (ms: number) => Promise<void>
  /** Injectable clock (epoch ms) for token expiry; tests use it instead of waiting an hour. */
  now?: () => number
}

export type PayerHttpMethod = "GET" | "POST" | "PUT" | "DELETE"

export interface PayerRequestOptions {
  method: PayerHttpMethod
  /** Path only, e.g. /api/v2/orders; put parameters in `query`. */
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  /** Payer-Request-ID; required for every non-GET call. */
  requestId?: string
  /** The path as logs and errors show it, when `path` holds something not to be logged (an event token). */
  shownPath?: string
}

export const TOKEN_PATH = "/oauth2/token"
const RETRY_BASE_DELAY_MS = 200
const REDACTED = "[redacted]"

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

/** Empty bodies (send, pay-with-credit) come back from axios as "". */
function bodyOf<T>(response: AxiosResponse): T {
  return (response.data === "" ? undefined : response.data) as T
}

export class PayerTransport {
  private readonly http: AxiosInstance
  private readonly tokens: TokenCache
  private readonly fetcher: () => Promise<FetchedToken>
  private readonly maxRetries: number
  private readonly logger?: PayerLogger
  private readonly sleep: (ms: number) => Promise<void>
  private readonly now: () => number
  private readonly basicCredentials: string
  private readonly clientSecret: string

  constructor(options: PayerClientOptions) {
    for (const key of ["clientId", "clientSecret", "baseUrl"] as const) {
      if (typeof options[key] !== "string" || options[key].trim() === "") {
        throw new Error(`Payer client option \`${key}\` is required`)
      }
    }
    const maxRetries = options.maxRetries ?? 2
    if (!Number.isInteger(maxRetries) || maxRetries < 0) {
      throw new Error("Payer client option `maxRetries` must be a non-negative integer")
    }
    this.maxRetries = maxRetries
    this.logger = options.logger
    this.sleep = options.sleep ?? defaultSleep
    this.now = options.now ?? Date.now
    this.clientSecret = options.clientSecret
    this.basicCredentials = Buffer.from(`${options.clientId}:${options.clientSecret}`, "utf8").toString("base64")
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ""),
      timeout: options.timeoutMs ?? 15_000,
      validateStatus: () => true,
      // Payer does not redirect; following one could carry credentials elsewhere.
      maxRedirects: 0,
      // Report timeouts as ETIMEDOUT rather than the ambiguous ECONNABORTED.
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
      headers: { Accept: "application/json" },
    })
    // One token per process and credentials, whichever client asks first (see token-cache.ts).
    this.tokens = sharedTokenCache(
      { baseUrl: options.baseUrl, clientId: options.clientId, clientSecret: options.clientSecret },
      this.now,
    )
    this.fetcher = () => this.fetchToken()
  }

  /**
   * One call to the Payer API. Resolves with the parsed body (undefined when
   * Payer sends none); throws PayerApiError for every non-2xx outcome.
   */
  async request<T>(opts: PayerRequestOptions): Promise<T> {
    if (!opts.path.startsWith("/")) {
      throw new Error(`Payer request path must start with "/": ${opts.path}`)
    }
    if (opts.method !== "GET" && !opts.requestId) {
      // A programming error, not a runtime condition: without the id a retry
      // could create a second order or credit.
      throw new Error(`Payer ${opts.method} ${opts.path} needs a requestId (Payer-Request-ID) for idempotency`)
    }

    const shown = opts.shownPath ?? opts.path
    let token = await this.tokens.get(this.fetcher)
    let response = await this.sendWithRetries(opts.method, shown, () => this.sendApi(opts, token), token)
    if (response.status === 401) {
      // Expired or revoked token: renew once and repeat the same request (same
      // request id). A second 401 means the credentials really lack access.
      this.tokens.invalidate(token)
      token = await this.tokens.get(this.fetcher)
      response = await this.sendWithRetries(opts.method, shown, () => this.sendApi(opts, token), token)
    }
    if (!isSuccess(response.status)) {
      throw this.httpError(opts.method, shown, response, token)
    }
    return bodyOf<T>(response)
  }

  private sendApi(opts: PayerRequestOptions, token: string): Promise<AxiosResponse> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` }
    if (opts.requestId) {
      headers["Payer-Request-ID"] = opts.requestId
    }
    if (opts.body !== undefined) {
      headers["Content-Type"] = "application/json"
    }
    const params = opts.query
      ? Object.fromEntries(Object.entries(opts.query).filter(([, value]) => value !== undefined))
      : undefined
    return this.http.request({ method: opts.method, url: opts.path, params, data: opts.body, headers })
  }

  private async fetchToken(): Promise<FetchedToken> {
    const response = await this.sendWithRetries("POST", TOKEN_PATH, () =>
      this.http.request({
        method: "POST",
        url: TOKEN_PATH,
        data: "grant_type=client_credentials",
        headers: {
          Authorization: `Basic ${this.basicCredentials}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
      }),
    )
    if (!isSuccess(response.status)) {
      throw this.httpError("POST", TOKEN_PATH, response)
    }
    const body = response.data as Partial<PayerTokenResponse> | undefined
    if (!body || typeof body.access_token !== "string" || body.access_token === "") {
      throw new PayerApiError({
        method: "POST",
        path: TOKEN_PATH,
        code: "http",
        status: response.status,
        detail: "response has no access_token",
      })
    }
    return { accessToken: body.access_token, expiresInSeconds: Number(body.expires_in) }
  }

  /**
   * Runs `send` until it yields a response below 500, retrying network errors,
   * timeouts and 5xx up to maxRetries times. The caller decides what to do
   * with 2xx/3xx/4xx responses.
   */
  private async sendWithRetries(
    method: string,
    path: string,
    send: () => Promise<AxiosResponse>,
    token?: string,
  ): Promise<AxiosResponse> {
    for (let attempt = 0; ; attempt++) {
      const startedAt = this.now()
      let failure: PayerApiError
      try {
        const response = await send()
        this.logger?.debug?.(`Payer ${method} ${path} -> ${response.status} (${this.now() - startedAt} ms)`)
        if (response.status < 500) {
          return response
        }
        failure = this.httpError(method, path, response, token)
      } catch (error) {
        failure = this.transportError(method, path, error)
        this.logger?.debug?.(`Payer ${method} ${path} -> ${failure.code} (${this.now() - startedAt} ms)`)
      }
      if (attempt >= this.maxRetries) {
        throw failure
      }
      await this.sleep(this.backoffMs(attempt))
    }
  }

  /** 200, 400, 800 ms... plus up to 50 % jitter so parallel retries spread out. */
  private backoffMs(attempt: number): number {
    const delay = RETRY_BASE_DELAY_MS * 2 ** attempt
    return delay + Math.floor(Math.random() * (delay / 2))
  }

  private httpError(method: string, path: string, response: AxiosResponse, token?: string): PayerApiError {
    const message = payerMessageFrom(response.data)
    return new PayerApiError({
      method,
      path,
      code: "http",
      status: response.status,
      payerMessage: message === undefined ? undefined : this.redact(message, token),
    })
  }

  private transportError(method: string, path: string, error: unknown): PayerApiError {
    const code = (error as { code?: unknown })?.code
    const isTimeout = code === "ETIMEDOUT" || code === "ECONNABORTED"
    const detail = typeof code === "string" ? code : error instanceof Error ? error.message : "request failed"
    return new PayerApiError({
      method,
      path,
      code: isTimeout ? "timeout" : "network",
      detail: this.redact(detail),
    })
  }

  /** Belt and braces: Payer has no reason to echo credentials, but if it ever does they stop here. */
  private redact(text: string, token?: string): string {
    let result = text
    for (const secret of [this.clientSecret, this.basicCredentials, token]) {
      // Very short values would shred ordinary words; real secrets are long.
      if (secret && secret.length >= 6) {
        result = result.split(secret).join(REDACTED)
      }
    }
    return result
  }
}
