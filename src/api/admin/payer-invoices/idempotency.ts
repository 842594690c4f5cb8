/**
 * The Idempotency-Key of the money-moving admin routes (credits, pay-with-credit, payout). The key is what
 * makes a repeated request (a double click, a client retry after a lost answer) find the first one's result
 * instead of moving money again, so it is required: a key the server invented would differ on every retry.
 */
import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"
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

/**
 * What a keyed request did, kept on the credit invoice record (metadata.admin_requests) so the same key
 * answers the same result without calling Payer again. `params` is what the request asked for: the same
 * key with other params is a different operation and is refused (422, as the IETF Idempotency-Key draft says) instead of silently ignored.
 */
export interface StoredAdminRequest<T = unknown> {
  params: Record<string, unknown>
  result: T
}

export function storedRequestKey(operation: string, key: string): string {
  return `${operation}:${key}`
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the order the keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value ?? null)
}

export function findStoredRequest<T>(
  metadata: Record<string, any> | null | undefined,
  operation: string,
  key: string,
  params: Record<string, unknown>,
): StoredAdminRequest<T> | undefined {
  const stored = (metadata?.admin_requests ?? {})[storedRequestKey(operation, key)] as StoredAdminRequest<T> | undefined
  if (!stored) return undefined
  if (canonical(stored.params) !== canonical(params)) {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `${IDEMPOTENCY_KEY_HEADER}: this key was already used for a different ${operation} request on this invoice; use a new key`,
    )
  }
  return stored
}

export function withStoredRequest(
  metadata: Record<string, any> | null | undefined,
  operation: string,
  key: string,
  entry: StoredAdminRequest,
): Record<string, any> {
  return {
    ...(metadata ?? {}),
    admin_requests: { ...(metadata?.admin_requests ?? {}), [storedRequestKey(operation, key)]: entry },
  }
}
