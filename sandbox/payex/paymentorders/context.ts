/**
 * What every payment-order route needs, and the wrapper that adds auth, the v3.1 version headers and problem
 * handling. Problems use the generic types `https://api.payex.com/psp/errordetail/<type>`.
 */
import type { Route, SandboxRequest, SandboxResponse } from "../../shared/server"
import type { CallbackDispatcher } from "../callbacks"
import { PayexProblemError, inputError, notFound } from "../problems"
import type { PaymentOrderRecord, PaymentOrderState } from "./state"

export const PROBLEM_BASE = "https://api.payex.com/psp/errordetail/"
export const JSON_V31 = "application/json; charset=utf-8; version=3.1"
export const API_VERSION = "3.1"

export interface PaymentOrderContext {
  orders: PaymentOrderState
  token: string
  payeeId: string
  callbacks: CallbackDispatcher
  url(): string
}

export type PaymentOrderHandler = (
  req: SandboxRequest,
  params: Record<string, string>,
  baseUrl: string,
) => SandboxResponse

/** Hrefs point at the host the client used (so `localhost` and `127.0.0.1` both work). */
export function baseUrlOf(ctx: PaymentOrderContext, req: SandboxRequest): string {
  const host = req.headers.host
  return host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? `http://${host}` : ctx.url()
}

/** Splits a media type like `Application/JSON ; Version = 3.1` into its lower-cased type and parameters. */
export function parseMediaType(value: string): { type: string; params: Record<string, string> } {
  const [type, ...rest] = value.split(";")
  const params: Record<string, string> = {}
  for (const part of rest) {
    const eq = part.indexOf("=")
    if (eq < 0) continue
    params[part.slice(0, eq).trim().toLowerCase()] = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
  }
  return { type: type.trim().toLowerCase(), params }
}

function checkAuth(ctx: PaymentOrderContext, req: SandboxRequest): void {
  const header = req.headers.authorization ?? ""
  const m = /^Bearer (.+)$/i.exec(header)
  if (!m || m[1] !== ctx.token) {
    throw new PayexProblemError(
      "forbidden",
      "The request is not authorized: send Authorization: Bearer <merchant token>",
      [
        {
          name: "Authorization",
          description: header ? "the bearer token is not valid" : "the Authorization header is missing",
        },
      ],
      401,
      "Unauthorized",
    )
  }
}

function checkVersion(method: string, req: SandboxRequest): void {
  if (method === "POST" || method === "PATCH") {
    const { type, params } = parseMediaType(req.headers["content-type"] ?? "")
    if (type !== "application/json" || params.version !== API_VERSION) {
      throw inputError("The request must be sent as application/json;version=3.1", [
        {
          name: "Content-Type",
          description:
            type !== "application/json"
              ? "Content-Type must be application/json;version=3.1"
              : `version ${params.version ?? "(none)"} is not supported: send Content-Type application/json;version=3.1`,
        },
      ])
    }
  }
  // GET: the version in Accept is optional here, but another version is refused.
  for (const part of (req.headers.accept ?? "").split(",")) {
    const { type, params } = parseMediaType(part)
    if (/json/.test(type) && params.version !== undefined && params.version !== API_VERSION) {
      throw inputError("Only version 3.1 of the payment order API is served", [
        { name: "Accept", description: `version ${params.version} is not supported: use version=3.1` },
      ])
    }
  }
}

export function problemResponse(error: PayexProblemError, instance: string): SandboxResponse {
  return {
    status: error.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", "api-supported-versions": API_VERSION },
    body: {
      type: PROBLEM_BASE + error.kind,
      title: error.title,
      status: error.status,
      detail: error.detail,
      instance,
      problems: error.problems,
    },
  }
}

export function paymentOrderRoute(
  ctx: PaymentOrderContext,
  method: string,
  pattern: string,
  handler: PaymentOrderHandler,
): Route {
  return {
    method,
    pattern,
    handler: (req, params) => {
      try {
        checkAuth(ctx, req)
        checkVersion(method, req)
        const res = handler(req, params, baseUrlOf(ctx, req))
        return { ...res, headers: { "content-type": JSON_V31, "api-supported-versions": API_VERSION, ...res.headers } }
      } catch (e) {
        if (e instanceof PayexProblemError) return problemResponse(e, req.path)
        return problemResponse(
          new PayexProblemError("systemerror", "An unexpected error occurred in the sandbox"),
          req.path,
        )
      }
    },
  }
}

export function loadOrder(ctx: PaymentOrderContext, id: string): PaymentOrderRecord {
  const order = ctx.orders.get(id)
  if (!order) throw notFound(`Payment order ${id}`)
  return order
}
