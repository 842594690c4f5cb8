/**
 * What every /api route shares: bearer-token check, Payer-Request-ID handling and JSON body checks,
 * with errors rendered in the Spring Boot shape.
 */
import type { Route, SandboxRequest, SandboxResponse } from "../../shared/server"
import { PayerApiError, badRequest, conflict, toErrorResponse, unauthorized, unsupportedMediaType } from "../errors"
import type { AnswerShapes } from "../answer-shapes"
import type { PayerStore } from "../state"
import { isUuid } from "../util"

export interface PayerConfig {
  clientId: string
  clientSecret: string
  tokenTtlSeconds: number
  /** how invoice-returning answers wrap the invoice (see answer-shapes.ts) */
  answerShapes: AnswerShapes
}

export interface PayerContext {
  store: PayerStore
  config: PayerConfig
  /** the sandbox's own URL, for publicInvoiceUrl */
  baseUrl(): string
}

const BEARER_CHALLENGE = 'Bearer realm="payer-sandbox"'

/** 401 unless `Authorization: Bearer <token>` carries a token issued by this sandbox that has not expired. */
export function requireBearer(ctx: PayerContext, req: SandboxRequest): void {
  const header = req.headers.authorization
  if (!header) {
    throw unauthorized("Full authentication is required to access this resource: the Authorization header is missing", {
      "www-authenticate": BEARER_CHALLENGE,
    })
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match) {
    throw unauthorized("The Authorization header must be prefixed with Bearer", {
      "www-authenticate": BEARER_CHALLENGE,
    })
  }
  const token = ctx.store.tokens.get(match[1])
  const invalid = (description: string) =>
    unauthorized(description, {
      "www-authenticate": `${BEARER_CHALLENGE}, error="invalid_token", error_description="${description}"`,
    })
  if (!token) throw invalid("Invalid access token")
  if (Date.now() >= token.expiresAt) throw invalid("Access token expired")
}

/**
 * Payer-Request-ID: optional; when present it must be a UUID (400), and an id already handled successfully
 * answers 409 without doing anything. Returns the id to remember once the request succeeded.
 */
export function checkRequestId(store: PayerStore, req: SandboxRequest): string | null {
  const id = req.headers["payer-request-id"]
  if (id === undefined) return null
  if (!isUuid(id)) throw badRequest(`Payer-Request-ID must be a UUID (got ${JSON.stringify(id)})`)
  const key = id.toLowerCase()
  if (store.handledRequestIds.has(key)) throw conflict(`Request ${id} has already been handled`)
  return key
}

export function requireJsonBody(req: SandboxRequest): void {
  if (req.rawBody.trim().length === 0) throw badRequest("Required request body is missing")
  const type = req.headers["content-type"] ?? ""
  if (!/json/i.test(type)) {
    throw unsupportedMediaType(`Content-Type '${type || "(none)"}' is not supported; use application/json`)
  }
  if (req.body === undefined) throw badRequest("Malformed JSON request body")
}

export function pathInt(params: Record<string, string>, key: string): number {
  const value = params[key]
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw badRequest(`${key} must be an integer (got ${JSON.stringify(value)})`)
  }
  return Number(value)
}

type Handler = (req: SandboxRequest, params: Record<string, string>) => SandboxResponse

/** An authenticated /api route. Handlers validate before they change anything, so an error leaves state as it was. */
export function apiRoute(
  ctx: PayerContext,
  method: string,
  pattern: string,
  handler: Handler,
  opts: { jsonBody?: boolean } = {},
): Route {
  return {
    method,
    pattern,
    handler: (req, params) => {
      try {
        requireBearer(ctx, req)
        const requestId = method === "GET" ? null : checkRequestId(ctx.store, req)
        if (opts.jsonBody) requireJsonBody(req)
        const response = handler(req, params)
        if (requestId !== null && response.status >= 200 && response.status < 300) {
          ctx.store.handledRequestIds.add(requestId)
        }
        return response
      } catch (e) {
        return toErrorResponse(e, req.path)
      }
    },
  }
}

export function ok(body?: unknown): SandboxResponse {
  return body === undefined ? { status: 200 } : { status: 200, body }
}

export { PayerApiError }
