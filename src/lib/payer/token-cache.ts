/**
 * In-memory cache for Payer's OAuth2 access token.
 *
 * Payer tokens live about an hour. Fetching one per call (what the
 * WooCommerce integration did) doubles the traffic and the failure surface, so
 * the token is reused until shortly before it expires, and concurrent callers
 * that find no usable token share one in-flight token request.
 */

export interface FetchedToken {
  accessToken: string
  /** Lifetime in seconds as Payer reported it (expires_in). */
  expiresInSeconds: number
}

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

  constructor(
    private readonly fetchToken: () => Promise<FetchedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token that is valid for a while yet; fetches one (once, for all callers) if needed. */
  async get(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) {
      return this.cached.accessToken
    }
    if (!this.inFlight) {
      this.inFlight = this.fetchAndStore().finally(() => {
        this.inFlight = null
      })
    }
    return (await this.inFlight).accessToken
  }

  /**
   * Forget `rejectedToken` after Payer answered 401 to it. Only that token: if
   * ten calls fail with the same old token at once, the first one triggers a
   * renewal and the other nine pick up the new token instead of renewing again.
   */
  invalidate(rejectedToken: string): void {
    if (this.cached?.accessToken === rejectedToken) {
      this.cached = null
    }
  }

  private async fetchAndStore(): Promise<CachedToken> {
    const requestedAt = this.now()
    const { accessToken, expiresInSeconds } = await this.fetchToken()
    const lifetimeSeconds =
      Number.isFinite(expiresInSeconds) && expiresInSeconds > 0 ? expiresInSeconds : DEFAULT_LIFETIME_SECONDS
    const lifetimeMs = lifetimeSeconds * 1000
    const margin = Math.min(RENEW_MARGIN_MS, lifetimeMs * RENEW_MARGIN_SHARE)
    // Counted from when we asked: the token's clock started no later than that.
    this.cached = { accessToken, renewAt: requestedAt + lifetimeMs - margin }
    return this.cached
  }
}
