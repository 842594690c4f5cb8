import { createHash } from "node:crypto"

/**
 * PayEx wants a payeeReference unique per operation. The API text allows `[\w]*` up to 50 characters, the
 * newer docs letters and digits up to 30: `^[A-Za-z0-9]{1,30}$` satisfies both.
 *
 * Deriving it from the Medusa id the operation serves (session, capture, refund, payment, fulfillment) makes a
 * retry send the same reference, and PayEx refuses a reference it has seen instead of doing the work twice.
 */
export type PayeeReferenceKind =
  | "PS" // payment creation, from the payment session id
  | "CP" // capture from the admin, from the Medusa payment, the capture's place among its captures and its amount
  | "FC" // capture of a fulfillment, from the fulfillment id
  | "RF" // reversal, from the Medusa payment, the refund's place among its refunds and its amount
  | "CN" // cancellation, from the Medusa payment id (or the session id when a session is deleted)
  | "FR" // reversal of a canceled fulfillment's capture, from the fulfillment id

export const PAYEE_REFERENCE_PATTERN = /^[A-Za-z0-9]{1,30}$/

export function payeeReferenceFor(kind: PayeeReferenceKind, medusaId: string, suffix = ""): string {
  if (!medusaId) throw new Error("payeeReferenceFor needs the Medusa id the operation serves")
  // Medusa ids are `<prefix>_<26-char ULID>`: the ULID alone is unique and short enough.
  const body = medusaId.includes("_") ? medusaId.slice(medusaId.lastIndexOf("_") + 1) : medusaId
  let ref = `${kind}${body.replace(/[^A-Za-z0-9]/g, "")}${suffix}`
  if (ref.length > 30 || ref.length === kind.length + suffix.length) {
    // Not a ULID-shaped id: a stable hash keeps the reference deterministic and within 30 characters.
    const hash = createHash("sha256")
      .update(medusaId)
      .digest("hex")
      .slice(0, 28 - suffix.length)
    ref = `${kind}${hash}${suffix}`
  }
  return ref
}

/**
 * The reference of the n-th capture (CP) or refund (RF) of a Medusa payment, for the amount asked. Medusa deletes
 * the capture or refund row whose provider call failed, so the merchant's retry of a capture or refund whose
 * answers were all lost arrives under a new row id. It is still the n-th action of that amount on the payment, so
 * it gets the same reference, and PayEx's replay answer takes over what the lost attempt did instead of capturing
 * or refunding twice. A later capture or refund of the same amount is the (n+1)-th: a reference of its own.
 */
export function payeeReferenceForNth(kind: "CP" | "RF", paymentId: string, n: number, amountMinor: number): string {
  if (!paymentId) throw new Error("payeeReferenceForNth needs the Medusa payment id")
  const hash = createHash("sha256").update(`${paymentId}|${n}|${amountMinor}`).digest("hex")
  return `${kind}${hash.slice(0, 28)}`
}

/** True for references this plugin made (so a callback about them is already accounted for). */
export function isOwnPayeeReference(ref: string | undefined, kinds: PayeeReferenceKind[]): boolean {
  return !!ref && kinds.some((k) => ref.startsWith(k)) && PAYEE_REFERENCE_PATTERN.test(ref)
}
