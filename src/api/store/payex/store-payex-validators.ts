import { z } from "@medusajs/framework/zod"

const address = z.object({
  addressee: z.string().min(1).max(100),
  co_address: z.string().max(100).optional().nullable(),
  street_address: z.string().max(100).optional().nullable(),
  zip_code: z.string().min(1).max(20),
  city: z.string().min(1).max(100),
  country_code: z.string().length(2),
})

// A Medusa payment session id. Checked here so that whatever else a caller puts in it is refused unread.
const paymentSessionId = z.string().regex(/^payses_[A-Za-z0-9]{1,64}$/)

/**
 * Bodies of the store routes. They are parsed and checked by ./strict-body.ts, whose messages name the field
 * and never echo a value (a wrong-typed personal number must not come back in the 400 or reach the log).
 */
export const StorePayexLegalAddress = z.object({
  payment_session_id: paymentSessionId,
  social_security_number: z.string().min(1).max(20),
  zip_code: z.string().min(1).max(10),
})
export type StorePayexLegalAddressType = z.infer<typeof StorePayexLegalAddress>

export const StorePayexAuthorize = z.object({
  payment_session_id: paymentSessionId,
  social_security_number: z.string().min(1).max(20),
  msisdn: z.string().min(5).max(20),
  email: z.string().email().optional(),
  legal_address: address.optional(),
  billing_address: address.optional(),
})
export type StorePayexAuthorizeType = z.infer<typeof StorePayexAuthorize>
