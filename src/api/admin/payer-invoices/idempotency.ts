/**
 * The Idempotency-Key of the money-moving admin routes (credits, pay-with-credit, payout). The key is what
 * makes a repeated request (a double click, a client retry after a lost answer) find the first one's result
 * instead of moving money again, so it is required: a key the server invented would differ on every retry.
 * What a key did is stored on the record by the invoice module (modules/payer-invoice/records/stored-requests.ts).
 */
import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { IDEMPOTENCY_KEY_HEADER } from "../../../modules/payer-invoice/records/stored-requests"

export const MAX_IDEMPOTENCY_KEY_LENGTH = 100

/** 1 to 100 visible ASCII characters (a UUID, "refund-2024-0042"...): no spaces, no control characters. */
const KEY_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`)

function invalidKey(reason: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `${IDEMPOTENCY_KEY_HEADER}: ${reason}`)
}

/** The request's Idempotency-Key header; 400 naming the header when it is missing, empty or malformed. */
export function requireIdempotencyKey(req: Pick<MedusaRequest, "headers">): string {
  const header = req.headers["idempotency-key"]
  const value = Array.isArray(header) ? header.join(", ") : header
  if (value === undefined || value === "") {
    invalidKey(
      "this route moves money and requires the header (a unique value per intended operation; send the same value again to repeat it safely)",
    )
  }
  if (value.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    invalidKey(`must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${value.length}`)
  if (!KEY_PATTERN.test(value)) invalidKey("must consist of visible ASCII characters without spaces")
  return value
}

/** The Idempotency-Key when the admin sends one (routes that move no money), else undefined. */
export function optionalIdempotencyKey(req: Pick<MedusaRequest, "headers">): string | undefined {
  const header = req.headers["idempotency-key"]
  return header === undefined || header === "" ? undefined : requireIdempotencyKey(req)
}
