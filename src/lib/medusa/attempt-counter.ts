/**
 * Fixed-window attempt counters kept in Medusa's cache module, incremented under Medusa's locking module.
 *
 * Why these two modules: with `@medusajs/medusa/cache-redis` and the Redis locking provider, every server
 * instance reads and writes the same counters, so a client cannot multiply its budget by landing on several
 * instances; with Medusa's in-memory defaults the counts hold within one process. The lock makes
 * "read, compare, write" one step: without it, simultaneous requests all read the same count and all pass.
 *
 * Framework-thin on purpose: it needs only `get`/`set` and `execute`, so it is tested with Medusa's real
 * in-memory providers and works with any cache or locking provider a host registers.
 */

/** The part of Medusa's cache module (`Modules.CACHE`) the counter uses. TTLs are in seconds. */
export interface CounterCache {
  get<T>(key: string): Promise<T | null>
  set(key: string, data: unknown, ttl?: number): Promise<void>
}

/** The part of Medusa's locking module (`Modules.LOCKING`) the counter uses. `timeout` is in seconds. */
export interface CounterLocking {
  execute<T>(keys: string | string[], job: () => Promise<T>, args?: { timeout?: number }): Promise<T>
}

export interface AttemptLimit {
  /** Attempts allowed per window. */
  max: number
  /** Length of the window in seconds, counted from the first attempt in it. */
  windowSeconds: number
}

export interface AttemptResult {
  allowed: boolean
  /** Attempts counted in the current window, this one included when it was allowed. */
  count: number
  /** Seconds until the window ends and the budget is full again. */
  retryAfterSeconds: number
}

interface StoredWindow {
  count: number
  /** Epoch milliseconds at which the window ends. */
  resetAt: number
}

function readWindow(value: unknown, now: number): StoredWindow | null {
  // Tolerant read: a cache may hand back another shape (an older version, a JSON round trip); start afresh then.
  if (!value || typeof value !== "object") return null
  const { count, resetAt } = value as Partial<StoredWindow>
  if (!Number.isInteger(count) || typeof resetAt !== "number" || !Number.isFinite(resetAt) || resetAt <= now)
    return null
  return { count: count as number, resetAt }
}

/**
 * Counts one attempt against `key`. A refused attempt is not counted (the window is not extended by a
 * client that keeps knocking). Throws when the lock cannot be taken within `lockTimeoutSeconds`: the caller
 * must then refuse the request, never let it through uncounted.
 */
export async function countAttempt(
  deps: { cache: CounterCache; locking: CounterLocking },
  key: string,
  limit: AttemptLimit,
  options: { now?: () => number; lockTimeoutSeconds?: number } = {},
): Promise<AttemptResult> {
  const now = options.now ?? Date.now
  return deps.locking.execute(
    `lock:${key}`,
    async () => {
      const at = now()
      const current = readWindow(await deps.cache.get<StoredWindow>(key), at) ?? {
        count: 0,
        resetAt: at + limit.windowSeconds * 1000,
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((current.resetAt - at) / 1000))
      if (current.count >= limit.max) return { allowed: false, count: current.count, retryAfterSeconds }
      const next = { count: current.count + 1, resetAt: current.resetAt }
      // The TTL is what is left of the window, so the entry disappears when the window ends.
      await deps.cache.set(key, next, retryAfterSeconds)
      return { allowed: true, count: next.count, retryAfterSeconds }
    },
    { timeout: options.lockTimeoutSeconds ?? 5 },
  )
}
