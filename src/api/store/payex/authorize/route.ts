import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { guardedPayexSessionAction, shopperIp } from "../payex-session"
import type { StorePayexAuthorizeType } from "../store-payex-validators"

/**
 * POST /store/payex/authorize: asks PayEx to authorize the invoice for this shopper. The cart is then
 * completed with the ordinary POST /store/carts/:id/complete. Capped per session and per client (see
 * ../limits.ts); answers 429 beyond the caps.
 */
export async function POST(req: MedusaRequest<StorePayexAuthorizeType>, res: MedusaResponse) {
  const body = req.validatedBody
  const data = await guardedPayexSessionAction(req, res, body.payment_session_id, {
    type: "authorize",
    social_security_number: body.social_security_number,
    msisdn: body.msisdn,
    email: body.email,
    ip: shopperIp(req),
    legal_address: body.legal_address,
    billing_address: body.billing_address,
  })
  if (data) res.json({ status: "authorized" })
}
