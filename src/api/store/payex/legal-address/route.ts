import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { guardedPayexSessionAction } from "../payex-session"
import type { StorePayexLegalAddressType } from "../store-payex-validators"

/**
 * POST /store/payex/legal-address: the shopper's approved legal address from PayEx (Sweden).
 * Capped per session and per client (see ../limits.ts); answers 429 beyond the caps.
 */
export async function POST(req: MedusaRequest<StorePayexLegalAddressType>, res: MedusaResponse) {
  const { payment_session_id, social_security_number, zip_code } = req.validatedBody
  const data = await guardedPayexSessionAction(req, res, payment_session_id, {
    type: "legal-address",
    social_security_number,
    zip_code,
  })
  if (data) res.json({ legal_address: data.legal_address })
}
