import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer, PaymentSessionDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PAYEX_INVOICE_PROVIDER_IDENTIFIER } from "../../../lib/payex-invoice/provider-options"
import { prepareSessionAction } from "../../../lib/payex-invoice/session-actions"
import type {
  PayexActionContext,
  PayexSessionAction,
  PayexSessionData,
} from "../../../lib/payex-invoice/payex-session-data"
import {
  countClientRequest,
  countSessionAttempt,
  refuseTooMany,
  TOO_MANY_AUTHORIZATIONS_MESSAGE,
  TOO_MANY_FROM_CLIENT_MESSAGE,
  TOO_MANY_LOOKUPS_MESSAGE,
} from "./limits"

/** The pending PayEx invoice session a store route acts on. The id is never echoed: it is the caller's input. */
export async function loadPayexSession(scope: MedusaContainer, sessionId: string): Promise<PaymentSessionDTO> {
  const payment = scope.resolve(Modules.PAYMENT)
  const session = await payment.retrievePaymentSession(sessionId).catch(() => null)
  if (!session || !session.provider_id.startsWith(`pp_${PAYEX_INVOICE_PROVIDER_IDENTIFIER}_`)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "payment_session_id: no PayEx invoice payment session with this id",
    )
  }
  if (session.status !== "pending" && session.status !== "requires_more") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `payment_session_id: the payment session is already ${session.status}`,
    )
  }
  return session
}

/**
 * Hands a storefront action to the PayEx provider through `updatePaymentSession`: the provider performs
 * it and returns the data to store, without the personal number the action carried.
 */
export async function runPayexSessionAction(
  scope: MedusaContainer,
  session: PaymentSessionDTO,
  action: PayexSessionAction,
) {
  const payment = scope.resolve(Modules.PAYMENT)
  const updated = await payment.updatePaymentSession({
    id: session.id,
    amount: session.amount,
    currency_code: session.currency_code,
    data: session.data,
    // In the context, not the data: Medusa never stores it and no Store API route can set it.
    context: { payex_action: action } as PayexActionContext,
  })
  return (updated.data ?? {}) as Record<string, unknown>
}

/**
 * The order every store action goes through (see limits.ts for why): the session must exist and be pending;
 * the client's budget is counted; the input is checked locally (a mistyped number is a 400 that costs the
 * session nothing); the session's cap is counted; only then does the provider call PayEx.
 * Answers 429 itself and returns undefined when a cap is reached.
 */
export async function guardedPayexSessionAction(
  req: MedusaRequest,
  res: MedusaResponse,
  sessionId: string,
  action: PayexSessionAction,
): Promise<Record<string, unknown> | undefined> {
  const session = await loadPayexSession(req.scope, sessionId)
  const client = await countClientRequest(req.scope, shopperIp(req), session.provider_id)
  if (!client.allowed) return void refuseTooMany(res, client, TOO_MANY_FROM_CLIENT_MESSAGE)
  prepareSessionAction((session.data ?? {}) as PayexSessionData, action)
  const attempt = await countSessionAttempt(req.scope, action.type, session.id)
  if (!attempt.allowed) {
    return void refuseTooMany(
      res,
      attempt,
      action.type === "legal-address" ? TOO_MANY_LOOKUPS_MESSAGE : TOO_MANY_AUTHORIZATIONS_MESSAGE,
    )
  }
  // The attempt's number travels with the action: a retry reads the payment before asking PayEx again.
  return runPayexSessionAction(req.scope, session, { ...action, attempt: attempt.count })
}

/** The shopper's IP as PayEx wants it (IPv4-mapped IPv6 shown as plain IPv4). */
export function shopperIp(req: { ip?: string; socket?: { remoteAddress?: string } }): string {
  const ip = req.ip || req.socket?.remoteAddress || ""
  return ip.replace(/^::ffff:/, "")
}
