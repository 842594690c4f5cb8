import axios, { AxiosInstance } from "axios"
import { PayexProblemError } from "./payex-api-error"
import type {
  PayexItemDescriptionsResponse,
  PayexOperation,
  PayexOperationRel,
  PayexPayeeInfoResponse,
  PayexPayment,
  PayexPaymentResponse,
  PayexProblem,
  PayexTransaction,
  PayexTransactionListResponse,
} from "./payex-api-types"

export interface PayexClientOptions {
  token: string
  baseUrl: string
  timeoutMs?: number
  maxRetries?: number
  logger?: { debug?: (msg: string) => void; warn?: (msg: string) => void }
  /** Headers over the defaults: the Payment Order API chooses its version with them (lib/swedbankpay). */
  headers?: Record<string, string>
  /** Injected by tests to make backoff instant. */
  sleep?: (ms: number) => Promise<void>
}

export interface PayexRequest {
  method: string
  /** Absolute (an operation href) or a path below baseUrl (a resource id such as `/psp/invoice/payments/<id>`). */
  url: string
  body?: unknown
  /** Short name for errors and logs, e.g. "create-capture". */
  operation: string
}

const RETRY_BASE_MS = 250

/**
 * The only code that speaks HTTP to PayEx. It knows nothing about Medusa: one `request`, retries with the
 * same body (so the same payeeReference) for network errors and 502/503/504, and problem+json -> PayexProblemError.
 *
 * It talks to one origin, the one of `baseUrl`: a resource id or an operation `href` that points anywhere
 * else is refused before any request is made, and redirects are not followed, so the merchant token can
 * never be sent to a host that a stored value or an answer names.
 */
export class PayexClient {
  private readonly http: AxiosInstance
  private readonly maxRetries: number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly base: string
  private readonly origin: string

  constructor(private readonly options: PayexClientOptions) {
    this.maxRetries = options.maxRetries ?? 2
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
    this.base = options.baseUrl.replace(/\/+$/, "")
    this.origin = new URL(this.base).origin
    this.http = axios.create({
      timeout: options.timeoutMs ?? 20000,
      validateStatus: () => true,
      maxRedirects: 0,
      headers: {
        Authorization: `Bearer ${options.token}`,
        "Content-Type": "application/json",
        Accept: "application/problem+json, application/json",
        ...options.headers,
      },
    })
  }

  /** The absolute URL of a request, or a PayexProblemError when it is not on baseUrl's origin. */
  resolveUrl(url: string, operation: string): string {
    let resolved: URL | undefined
    try {
      // An absolute URL (or a scheme-relative "//host") is taken as it is; a path is placed below baseUrl.
      resolved = /^[a-z][a-z\d+.-]*:|^[\\/]{2}/i.test(url)
        ? new URL(url, this.base)
        : new URL(`${this.base}/${url.replace(/^\/+/, "")}`)
    } catch {
      resolved = undefined
    }
    if (!resolved || resolved.origin !== this.origin || resolved.username || resolved.password) {
      throw new PayexProblemError(operation, "http", {
        title: "Refused URL",
        detail: `The request URL is not on the configured PayEx origin ${this.origin}; nothing was sent`,
      })
    }
    return resolved.href
  }

  async request<T>(req: PayexRequest): Promise<T> {
    // Checked once, before the first attempt: a refused URL is never retried and never sees the token.
    const url = this.resolveUrl(req.url, req.operation)
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>({ ...req, url })
      } catch (e) {
        const error = e as PayexProblemError
        if (!(error instanceof PayexProblemError) || !error.retryable || attempt >= this.maxRetries) throw error
        const delay = RETRY_BASE_MS * 2 ** attempt * (0.5 + Math.random() / 2)
        // Status and code only: PayEx's problem text may echo request data such as a personal number.
        this.options.logger?.warn?.(
          `PayEx ${req.operation}: ${error.code}${error.status ? ` ${error.status}` : ""}; retry ${attempt + 1} in ${Math.round(delay)} ms`,
        )
        await this.sleep(delay)
      }
    }
  }

  private async once<T>(req: PayexRequest): Promise<T> {
    const started = Date.now()
    let res
    try {
      res = await this.http.request({ method: req.method, url: req.url, data: req.body })
    } catch (caught) {
      const e = caught as { code?: string } | undefined
      const timeout = e?.code === "ECONNABORTED" || e?.code === "ETIMEDOUT"
      // axios errors carry the request config (and so the token): keep only the code.
      throw new PayexProblemError(
        req.operation,
        timeout ? "timeout" : "network",
        {},
        undefined,
        e?.code || "connection failed",
      )
    }
    this.options.logger?.debug?.(`PayEx ${req.method} ${req.operation} -> ${res.status} in ${Date.now() - started} ms`)
    if (res.status >= 200 && res.status < 300) return res.data as T
    throw new PayexProblemError(req.operation, "http", problemOf(res.data, res.status), res.status)
  }

  createPayment<T = PayexPaymentResponse>(body: unknown): Promise<T> {
    return this.request<T>({ method: "POST", url: "/psp/invoice/payments", body, operation: "create-payment" })
  }

  getPayment(paymentId: string): Promise<PayexPaymentResponse> {
    return this.request({ method: "GET", url: paymentId, operation: "get-payment" })
  }

  /**
   * Follows the `href`/`method` PayEx gave for `rel`; never a hand-built URL. Async, so an absent `rel`
   * rejects the returned promise (and reaches a `.catch`) instead of throwing at the call.
   */
  async perform<T>(operations: PayexOperation[] | undefined, rel: PayexOperationRel, body?: unknown): Promise<T> {
    const op = findOperation(operations, rel)
    if (!op) {
      throw new PayexProblemError(rel, "http", {
        title: "Operation not available",
        detail: `The payment does not offer "${rel}" in its current state`,
      })
    }
    return this.request<T>({ method: op.method, url: op.href, body, operation: rel })
  }

  /**
   * The payment with its transactions in one read (`$expand=transactions`). Should PayEx answer with the
   * link only (the expansion ignored), the list is read from the link: correct, one request slower.
   */
  async getPaymentWithTransactions(
    paymentId: string,
  ): Promise<{ payment: PayexPaymentResponse; transactions: PayexTransaction[] }> {
    const payment = await this.request<PayexPaymentResponse>({
      method: "GET",
      url: `${paymentId}?$expand=transactions`,
      operation: "get-payment",
    })
    const inlined = payment.payment?.transactions?.transactionList
    return { payment, transactions: Array.isArray(inlined) ? inlined : await this.listTransactions(payment.payment) }
  }

  /** Reads the sub-resource link the payment itself names (`payment.transactions.id`). */
  async listTransactions(payment: PayexPayment): Promise<PayexTransaction[]> {
    const res = await this.request<PayexTransactionListResponse>({
      method: "GET",
      url: payment.transactions?.id ?? `${payment.id}/transactions`,
      operation: "list-transactions",
    })
    return res.transactions?.transactionList ?? []
  }

  /** The transactions of a payment by its id alone (`<payment id>/transactions`), without reading the payment first. */
  listTransactionsOf(paymentId: string): Promise<PayexTransaction[]> {
    return this.listTransactions({ id: paymentId } as PayexPayment)
  }

  getPayeeInfo(payment: PayexPayment): Promise<PayexPayeeInfoResponse> {
    return this.request({
      method: "GET",
      url: payment.payeeInfo?.id ?? `${payment.id}/payeeinfo`,
      operation: "get-payee-info",
    })
  }

  getItemDescriptions(transactionId: string): Promise<PayexItemDescriptionsResponse> {
    return this.request({ method: "GET", url: `${transactionId}/itemdescriptions`, operation: "get-item-descriptions" })
  }

  getTransaction(transactionId: string): Promise<{ payment: string; transaction: PayexTransaction }> {
    return this.request({ method: "GET", url: transactionId, operation: "get-transaction" })
  }
}

export function findOperation(operations: PayexOperation[] | undefined, rel: PayexOperationRel) {
  return (operations ?? []).find((o) => o.rel === rel)
}

const text = (v: unknown) => (typeof v === "string" ? v : undefined)

/**
 * PayEx's problem fields from an error answer, read tolerantly. Anything that is not a problem document (an
 * HTML page of a proxy, a redirect, plain text) gives only a generic title: its body is never kept, so it
 * can reach neither an error message nor a log.
 */
export function problemOf(body: unknown, status: number): PayexProblem {
  const b = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined
  const problem: PayexProblem = b
    ? {
        type: text(b.type),
        title: text(b.title),
        status: typeof b.status === "number" ? b.status : undefined,
        detail: text(b.detail),
        instance: text(b.instance),
        action: text(b.action),
        problems: Array.isArray(b.problems)
          ? b.problems
              .filter((p): p is Record<string, unknown> => !!p && typeof p === "object")
              .map((p) => ({ name: text(p.name) ?? "", description: text(p.description) ?? "" }))
          : undefined,
      }
    : {}
  if (!problem.type && !problem.title && !problem.detail && !problem.problems?.length) {
    return {
      title:
        status >= 300 && status < 400
          ? `PayEx answered with a redirect (HTTP ${status}), which is not followed`
          : `PayEx answered HTTP ${status} without problem details`,
    }
  }
  return Object.fromEntries(Object.entries(problem).filter(([, v]) => v !== undefined)) as PayexProblem
}
