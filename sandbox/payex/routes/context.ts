/** What every PayEx route needs, and the wrapper that adds auth and problem handling to a handler. */
import type { Route, SandboxRequest, SandboxResponse } from "../../shared/server"
import type { CallbackDispatcher } from "../callbacks"
import { PayexProblemError, inputError, notFound, problemResponse } from "../problems"
import type { PayexState, PaymentRecord, TransactionRecord } from "../state"
import { paymentPath, transactionPath } from "../views"

export interface PayexContext {
  state: PayexState
  token: string
  payeeId: string
  callbacks: CallbackDispatcher
  /** the sandbox's own url, used for absolute operation hrefs when a request has no Host header */
  url(): string
}

export type PayexHandler = (req: SandboxRequest, params: Record<string, string>, baseUrl: string) => SandboxResponse

/** Operation hrefs point at the host the client used (so `localhost` and `127.0.0.1` both work). */
function baseUrlOf(ctx: PayexContext, req: SandboxRequest): string {
  const host = req.headers.host
  return host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? `http://${host}` : ctx.url()
}

function checkAuth(ctx: PayexContext, req: SandboxRequest): void {
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

export function payexRoute(ctx: PayexContext, method: string, pattern: string, handler: PayexHandler): Route {
  return {
    method,
    pattern,
    handler: (req, params) => {
      try {
        checkAuth(ctx, req)
        if ((method === "POST" || method === "PATCH") && !/json/i.test(req.headers["content-type"] ?? "")) {
          throw inputError("The request body must be JSON", [
            { name: "Content-Type", description: "must be application/json" },
          ])
        }
        const res = handler(req, params, baseUrlOf(ctx, req))
        return { ...res, headers: { "content-type": "application/json; charset=utf-8", ...res.headers } }
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

export function loadPayment(ctx: PayexContext, id: string): PaymentRecord {
  const payment = ctx.state.get(id)
  if (!payment) throw notFound(`Payment ${id}`)
  return payment
}

export function loadTransaction(p: PaymentRecord, tid: string, type?: TransactionRecord["type"]): TransactionRecord {
  const tx = p.transactions.find((t) => t.id === tid.toLowerCase() && (!type || t.type === type))
  if (!tx) throw notFound(`Transaction ${tid}`)
  return tx
}

/** Sends the callback for a new transaction when the payment has a callbackUrl. */
export function notifyTransaction(ctx: PayexContext, p: PaymentRecord, t: TransactionRecord): void {
  const url = p.urls.callbackUrl
  if (!url) return
  ctx.callbacks.schedule(url, {
    payment: { id: paymentPath(p), number: p.number },
    transaction: { id: transactionPath(p, t), number: t.number },
  })
}
