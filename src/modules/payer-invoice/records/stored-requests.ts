/**
 * What a keyed admin request did, kept on the credit invoice record (metadata.admin_requests) so that the same
 * Idempotency-Key answers the same result without calling Payer again. `params` is what the request asked for:
 * the same key with other params is a different operation and is refused (422, as the IETF Idempotency-Key
 * draft says) instead of silently ignored. The header itself is read by the admin routes (api/admin/payer-invoices/idempotency.ts).
 */
import { MedusaError } from "@medusajs/framework/utils"
import { canonicalJson } from "../../../lib/mapping/canonical-json"

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"

/** A record's metadata column as the module hands it out. */
export type RecordMetadata = Record<string, unknown> | null | undefined

export interface StoredAdminRequest<T = unknown> {
  params: Record<string, unknown>
  result: T
}

/** The one refusal of a key used again for another request (422 through Medusa's DUPLICATE_ERROR). */
export function keyUsedForOtherRequest(what: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.DUPLICATE_ERROR,
    `${IDEMPOTENCY_KEY_HEADER}: this key was already used for a different ${what}; use a new key`,
  )
}

export function storedRequestKey(operation: string, key: string): string {
  return `${operation}:${key}`
}

function storedRequests(metadata: RecordMetadata): Record<string, StoredAdminRequest> {
  return (metadata?.admin_requests ?? {}) as Record<string, StoredAdminRequest>
}

export function findStoredRequest<T>(
  metadata: RecordMetadata,
  operation: string,
  key: string,
  params: Record<string, unknown>,
): StoredAdminRequest<T> | undefined {
  const stored = storedRequests(metadata)[storedRequestKey(operation, key)] as StoredAdminRequest<T> | undefined
  if (!stored) return undefined
  if (canonicalJson(stored.params) !== canonicalJson(params)) {
    throw keyUsedForOtherRequest(`${operation} request on this invoice`)
  }
  return stored
}

export function withStoredRequest(
  metadata: RecordMetadata,
  operation: string,
  key: string,
  entry: StoredAdminRequest,
): Record<string, unknown> {
  return {
    ...(metadata ?? {}),
    admin_requests: { ...storedRequests(metadata), [storedRequestKey(operation, key)]: entry },
  }
}
