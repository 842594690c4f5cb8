import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  AttemptLimit,
  AttemptResult,
  countAttempt,
  CounterCache,
  CounterLocking,
} from "../../../lib/medusa/attempt-counter"
import { paymentProviderOptions } from "../../../lib/medusa/payment-provider-options"
import {
  PAYEX_INVOICE_PROVIDER_IDENTIFIER,
  parseLegalAddressRateLimit,
} from "../../../lib/payex-invoice/provider-options"

/**
 * Caps on the two store routes that take a personal number, so that they cannot be used as a people-search
 * (the legal-address lookup returns a name and street address) nor as a credit check of strangers, and so
 * that nobody can run up the merchant's PayEx bill.
 *
 * - Per payment session: at most 5 legal-address lookups and 3 authorization attempts reach PayEx. Only
 *   attempts that passed the local checks count (check digit, zip code, mobile number): a shopper who mistypes
 *   is told at once and loses nothing, and a locally refused number never reaches PayEx, so it tells an
 *   attacker only what the public check-digit rule already does.
 * - Per client (IP address): one budget shared by both routes, `legalAddressRateLimit` (default 20 per 10
 *   minutes). It counts every well-formed request for an existing PayEx session, mistyped numbers included,
 *   before the number is even looked at: an attacker then pays for every try, valid or not, across any number
 *   of sessions, while a shopper (one lookup and one authorization per checkout, a few typos) stays far below.
 *   Authorize shares it because an authorization attempt is as revealing (credit approved or not) as a lookup.
 */
export const LEGAL_ADDRESS_LOOKUPS_PER_SESSION = 5
export const AUTHORIZE_ATTEMPTS_PER_SESSION = 3
/**
 * How long a session's count is kept. Longer than any checkout; under 24.8 days, the longest timer Node
 * can set (the in-memory cache expires entries with setTimeout).
 */
export const SESSION_COUNT_SECONDS = 7 * 24 * 3600

export const TOO_MANY_LOOKUPS_MESSAGE =
  "Too many address lookups for this checkout; enter your address or choose another payment method."
export const TOO_MANY_AUTHORIZATIONS_MESSAGE =
  "Too many attempts to pay by invoice for this checkout; choose another payment method."
export const TOO_MANY_FROM_CLIENT_MESSAGE =
  "Too many requests from your network; try again later or choose another payment method."

export type SessionActionKind = "legal-address" | "authorize"

const KEY_PREFIX = "payex-store-limit"

/** The per-client budget of the PayEx provider a session belongs to (validated when Medusa boots). */
export function clientLimitFor(scope: MedusaContainer, providerId: string): AttemptLimit {
  return parseLegalAddressRateLimit(
    paymentProviderOptions(scope, PAYEX_INVOICE_PROVIDER_IDENTIFIER, providerId)?.legalAddressRateLimit,
  )
}

async function count(scope: MedusaContainer, key: string, limit: AttemptLimit): Promise<AttemptResult> {
  const cache = scope.resolve(Modules.CACHE) as unknown as CounterCache
  const locking = scope.resolve(Modules.LOCKING) as unknown as CounterLocking
  try {
    return await countAttempt({ cache, locking }, `${KEY_PREFIX}:${key}`, limit)
  } catch (e) {
    // The count could not be taken (lock busy, cache down): refuse rather than let an uncounted request through.
    scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`PayEx store limits: could not count an attempt (${(e as Error)?.message ?? e}); refused`)
    return { allowed: false, count: limit.max, retryAfterSeconds: 5 }
  }
}

/** One request of a client (IP address) against the budget both routes share. */
export function countClientRequest(scope: MedusaContainer, ip: string, providerId: string): Promise<AttemptResult> {
  return count(scope, `ip:${ip || "unknown"}`, clientLimitFor(scope, providerId))
}

/** One attempt that is about to reach PayEx, against the session's cap for that kind of action. */
export function countSessionAttempt(
  scope: MedusaContainer,
  kind: SessionActionKind,
  sessionId: string,
): Promise<AttemptResult> {
  const max = kind === "legal-address" ? LEGAL_ADDRESS_LOOKUPS_PER_SESSION : AUTHORIZE_ATTEMPTS_PER_SESSION
  return count(scope, `session:${kind}:${sessionId}`, { max, windowSeconds: SESSION_COUNT_SECONDS })
}

/** 429 with a message a shopper can read and `Retry-After`, the way Medusa shapes its error bodies. */
export function refuseTooMany(
  res: { status(code: number): { json(body: unknown): unknown }; setHeader(name: string, value: string): unknown },
  result: AttemptResult,
  message: string,
) {
  res.setHeader("Retry-After", String(result.retryAfterSeconds))
  res.status(429).json({ type: "too_many_requests", message })
}
