/**
 * A small in-process cache of the PayEx summaries the admin card reads, keyed by Medusa payment id.
 *
 * The order page mounts the card on every visit and react-query refetches on window focus: without a cache
 * each of those would be three PayEx calls. Ten seconds is short enough that a capture made a moment ago shows
 * up on the next refresh (the card's Refresh button skips the cache anyway). Per process on purpose: it only
 * saves calls, so instances need not agree.
 */
export class SummaryCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>()

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= this.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set(key: string, value: T): void {
    this.entries.delete(key)
    // Map keeps insertion order: the first key is the oldest entry, dropped when the cache is full.
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
    this.entries.set(key, { value, expires: this.now() + this.ttlMs })
  }
}
