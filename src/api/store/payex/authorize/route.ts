import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runPayexSessionAction, shopperIp } from "../payex-session"
import type { StorePayexAuthorizeType } from "../validators"

/**
 * POST /store/payex/authorize: asks PayEx to authorize the invoice for this shopper. The cart is then
 * completed with the ordinary POST /store/carts/:id/complete.
 */
export async function POST(req: MedusaRequest<StorePayexAuthorizeType>, res: MedusaResponse) {
  const body = req.validatedBody
  await runPayexSessionAction(req.scope, body.payment_session_id, {
    type: "authorize",
    social_security_number: body.social_security_number,
    msisdn: body.msisdn,
    email: body.email,
    ip: shopperIp(req),
    legal_address: body.legal_address,
    billing_address: body.billing_address,
  })
  res.json({ status: "authorized" })
}
