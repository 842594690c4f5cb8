/**
 * In-memory cache for Payer's OAuth2 access token, shared by every PayerClient of the process.
 *
 * Payer tokens live about an hour. Fetching one per call (what the WooCommerce integration did) doubles the
 * traffic and the failure surface, so the token is reused until shortly before it expires, and concurrent
 * callers that find no usable token share one in-flight token request. One cache per credentials and process
 * (see sharedTokenCache): a module service, a provider or a script that each build their own client still
 * cost one token per token lifetime, not one per client.
 */
import { createHmac, randomBytes } from "node:crypto"

export interface FetchedToken {
  accessToken: string
  /** Lifetime in seconds as Payer reported it (expires_in). */
  expiresInSeconds: number
}

export type TokenFetcher = () => Promise<FetchedToken>

interface CachedToken {
  accessToken: string
  /** Epoch ms after which the token is no longer handed out. */
  renewAt: number
}

/** Renew this long before expiry... */
const RENEW_MARGIN_MS = 60_000
/** ...but never more than this share of the lifetime, so a 30 s token is still used for 27 s. */
const RENEW_MARGIN_SHARE = 0.1
/** When Payer omits expires_in: reuse for a while, a 401 renews it anyway. */
const DEFAULT_LIFETIME_SECONDS = 300

export class TokenCache {
  private cached: CachedToken | null = null
  private inFlight: Promise<CachedToken> | null = null

  /** `fetchToken` is the default fetcher; a caller may pass its own to get() (see there). */
  constructor(
    private readonly fetchToken?: TokenFetcher,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A token that is valid for a while yet; fetches one (once, for all callers) if needed. The fetcher is the
   * caller's, so the client that starts a token request does it with its own timeout and retries; callers
   * arriving meanwhile wait for that request instead of starting another.
   */
  async get(fetchToken: TokenFetcher | undefined = this.fetchToken): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) {
      return this.cached.accessToken
    }
    if (!this.inFlight) {
      if (!fetchToken) throw new Error("TokenCache.get needs a token fetcher")
      this.inFlight = this.fetchAndStore(fetchToken).finally(() => {
        this.inFlight = null
      })
    }
    return (await this.inFlight).accessToken
  }

  /**
   * Forget `rejectedToken` after Payer answered 401 to it. Only that token: if ten calls fail with the same
   * old token at once, the first one triggers a renewal and the other nine pick up the new token instead of
   * renewing again (with a shared cache, the same holds for calls of different clients).
   */
  invalidate(rejectedToken: string): void {
    if (this.cached?.accessToken === rejectedToken) {
      this.cached = null
    }
  }

  private async fetchAndStore(fetchToken: TokenFetcher): Promise<CachedToken> {
    const requestedAt = this.now()
    const { accessToken, expiresInSeconds } = await fetchToken()
    const lifetimeSeconds =
      Number.isFinite(expiresInSeconds) && expiresInSeconds > 0 ? expiresInSeconds : DEFAULT_LIFETIME_SECONDS
    const lifetimeMs = lifetimeSeconds * 1000
    const margin = Math.min(RENEW_MARGIN_MS, lifetimeMs * RENEW_MARGIN_SHARE)
    // Counted from when we asked: the token's clock started no later than that.
    this.cached = { accessToken, renewAt: requestedAt + lifetimeMs - margin }
    return this.cached
  }
}

/** What a token is valid for: one Payer environment and one OAuth client. */
export interface TokenIdentity {
  baseUrl: string
  clientId: string
  clientSecret: string
}

/**
 * The secret enters the key only as an HMAC under a random per-process key: clients with the same secret find
 * the same cache, and a key that ends up printed somewhere neither shows the secret nor can be checked against
 * a guessed one outside this process.
 */
const KEY_SALT = randomBytes(32)
const caches = new Map<string, TokenCache>()

export function tokenCacheKey(identity: TokenIdentity): string {
  const secret = createHmac("sha256", KEY_SALT).update(identity.clientSecret, "utf8").digest("hex")
  return JSON.stringify([identity.baseUrl.replace(/\/+$/, ""), identity.clientId, secret])
}

/**
 * The process's token cache for these credentials, created on first use. `now` is the clock of the client
 * that creates it (Date.now outside tests); later clients with the same credentials share it as it is.
 */
export function sharedTokenCache(identity: TokenIdentity, now: () => number = Date.now): TokenCache {
  const key = tokenCacheKey(identity)
  let cache = caches.get(key)
  if (!cache) {
    cache = new TokenCache(undefined, now)
    caches.set(key, cache)
  }
  return cache
}

/** Drops every shared cache: for tests, where each case starts as a fresh process would. */
export function forgetSharedTokenCaches(): void {
  caches.clear()
}
