import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { runPayexSessionAction } from "../payex-session"
import type { StorePayexLegalAddressType } from "../validators"

/** POST /store/payex/legal-address: the shopper's approved legal address from PayEx (Sweden). */
export async function POST(req: MedusaRequest<StorePayexLegalAddressType>, res: MedusaResponse) {
  const { payment_session_id, social_security_number, zip_code } = req.validatedBody
  const data = await runPayexSessionAction(req.scope, payment_session_id, {
    type: "legal-address",
    social_security_number,
    zip_code,
  })
  res.json({ legal_address: data.legal_address })
}
