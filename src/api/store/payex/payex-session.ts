import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { PayexInvoiceProviderService } from "../../../services/payex-invoice"
import type { PayexActionContext, PayexSessionAction } from "../../../services/payex-session-data"

/**
 * Hands a storefront action to the PayEx provider through `updatePaymentSession`: the provider performs
 * it and returns the data to store, without the personal number the action carried.
 */
export async function runPayexSessionAction(scope: MedusaContainer, sessionId: string, action: PayexSessionAction) {
  const payment = scope.resolve(Modules.PAYMENT)
  const session = await payment.retrievePaymentSession(sessionId).catch(() => null)
  if (!session || !session.provider_id.startsWith(`pp_${PayexInvoiceProviderService.identifier}_`)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `payment_session_id: no PayEx invoice payment session ${sessionId}`)
  }
  if (session.status !== "pending" && session.status !== "requires_more") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `payment_session_id: the payment session is already ${session.status}`)
  }
  const updated = await payment.updatePaymentSession({
    id: session.id,
    amount: session.amount,
    currency_code: session.currency_code,
    data: session.data,
    // In the context, not the data: Medusa never stores it and no Store API route can set it.
    context: { payex_action: action } as PayexActionContext,
  })
  return updated.data as Record<string, any>
}

/** The shopper's IP as PayEx wants it (IPv4-mapped IPv6 shown as plain IPv4). */
export function shopperIp(req: { ip?: string; socket?: { remoteAddress?: string } }): string {
  const ip = req.ip || req.socket?.remoteAddress || ""
  return ip.replace(/^::ffff:/, "")
}
