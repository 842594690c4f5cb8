import InMemoryCacheService from "@medusajs/cache-inmemory/dist/services/inmemory-cache"
import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"
import { countAttempt, CounterCache, CounterLocking } from "../attempt-counter"

// Medusa's own in-memory providers: what a single-process shop runs by default.
function deps() {
  const cache = new InMemoryCacheService({}, {}) as unknown as CounterCache
  const locking = new InMemoryLockingProvider() as unknown as CounterLocking
  return { cache, locking }
}

describe("countAttempt", () => {
  it("allows max attempts per window, then refuses without counting the refused ones", async () => {
    const d = deps()
    const limit = { max: 3, windowSeconds: 600 }
    const results = []
    for (let i = 0; i < 5; i++) results.push(await countAttempt(d, "k", limit))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false])
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 3, 3])
    expect(results[4].retryAfterSeconds).toBeGreaterThan(590)
    expect(results[4].retryAfterSeconds).toBeLessThanOrEqual(600)
  })

  it("keeps separate counts per key", async () => {
    const d = deps()
    const limit = { max: 1, windowSeconds: 60 }
    expect((await countAttempt(d, "a", limit)).allowed).toBe(true)
    expect((await countAttempt(d, "a", limit)).allowed).toBe(false)
    expect((await countAttempt(d, "b", limit)).allowed).toBe(true)
  })

  it("starts a fresh window when the old one has ended, and does not slide the window on refusals", async () => {
    const d = deps()
    let now = 1_000_000
    const limit = { max: 2, windowSeconds: 10 }
    const at = () => now
    await countAttempt(d, "k", limit, { now: at })
    now += 9_000
    await countAttempt(d, "k", limit, { now: at })
    const refused = await countAttempt(d, "k", limit, { now: at })
    expect(refused).toEqual({ allowed: false, count: 2, retryAfterSeconds: 1 })
    now += 1_000 // the window that began with the first attempt is over
    expect(await countAttempt(d, "k", limit, { now: at })).toEqual({ allowed: true, count: 1, retryAfterSeconds: 10 })
  })

  it("lets exactly max of many simultaneous attempts through (the lock serialises read and write)", async () => {
    const d = deps()
    const results = await Promise.all(
      Array.from({ length: 12 }, () => countAttempt(d, "k", { max: 5, windowSeconds: 600 })),
    )
    expect(results.filter((r) => r.allowed)).toHaveLength(5)
    expect(results.filter((r) => !r.allowed)).toHaveLength(7)
  })

  it("shares counts between two callers that use the same cache and lock (several server instances)", async () => {
    const shared = deps()
    const instanceA = { cache: shared.cache, locking: shared.locking }
    const instanceB = { cache: shared.cache, locking: shared.locking }
    const limit = { max: 2, windowSeconds: 600 }
    expect((await countAttempt(instanceA, "ip:203.0.113.9", limit)).allowed).toBe(true)
    expect((await countAttempt(instanceB, "ip:203.0.113.9", limit)).allowed).toBe(true)
    expect((await countAttempt(instanceA, "ip:203.0.113.9", limit)).allowed).toBe(false)
  })

  it("reads a stored value of an unexpected shape as an empty window", async () => {
    const d = deps()
    await d.cache.set("k", "garbage", 60)
    expect(await countAttempt(d, "k", { max: 1, windowSeconds: 60 })).toMatchObject({ allowed: true, count: 1 })
  })

  it("fails (never counts nor allows) when the lock cannot be taken", async () => {
    const d = deps()
    const locking: CounterLocking = { execute: async () => Promise.reject(new Error("Timed-out acquiring lock.")) }
    await expect(countAttempt({ cache: d.cache, locking }, "k", { max: 5, windowSeconds: 60 })).rejects.toThrow(
      "Timed-out",
    )
    expect(await d.cache.get("k")).toBeNull()
  })
})
