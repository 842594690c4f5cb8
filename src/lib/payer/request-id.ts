/**
 * Deterministic ids for Payer's idempotency mechanism.
 *
 * Payer treats a repeated Payer-Request-ID as "already handled" (409). If the
 * id is derived from stable Medusa ids plus the step name, a retry after a
 * crash or a lost response sends the same id again, and the step is never done
 * twice. Random ids would defeat that, hence UUID v5 (name-based, SHA-1,
 * RFC 4122 section 4.3) and no randomness anywhere.
 */
import { createHash } from "node:crypto"

/** Fixed namespace of this plugin. Changing it changes every id: never do that. */
export const PAYER_REQUEST_ID_NAMESPACE = "c458b541-9a13-41ee-89ba-ece4971f903f"

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** RFC 4122 version 5 UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID_PATTERN.test(namespace)) {
    throw new Error(`Invalid namespace UUID: ${namespace}`)
  }
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest()
  const bytes = hash.subarray(0, 16)
  bytes[6] = (bytes[6] & 0x0f) | 0x50 // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80 // RFC 4122 variant
  const hex = bytes.toString("hex")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function assertParts(parts: string[]): void {
  if (parts.length === 0) {
    throw new Error("requestIdFor needs at least one part")
  }
  parts.forEach((part, i) => {
    // An empty or missing part almost always means an id that was not loaded
    // yet; two different operations would then share one request id.
    if (typeof part !== "string" || part === "") {
      throw new Error(`requestIdFor: part ${i} is empty or not a string`)
    }
  })
}

/**
 * Payer-Request-ID for one step of one Medusa object, e.g.
 * requestIdFor(paymentId, "create-order"). Same parts -> same id, always.
 */
export function requestIdFor(...parts: string[]): string {
  assertParts(parts)
  return uuidV5(parts.join(":"), PAYER_REQUEST_ID_NAMESPACE)
}

/**
 * externalInvoiceNumber for a credit invoice (Payer: unique, max 36 chars; a
 * UUID is exactly 36). Derived from the same parts as the request id but
 * distinct from it, so that after a 409 the credit can be found with
 * getInvoice({ externalInvoiceNumber }).
 */
export function externalInvoiceNumberFor(...parts: string[]): string {
  assertParts(parts)
  return uuidV5(["external-invoice-number", ...parts].join(":"), PAYER_REQUEST_ID_NAMESPACE)
}
