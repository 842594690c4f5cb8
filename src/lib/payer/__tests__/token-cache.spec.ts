import { TokenCache } from "../token-cache"

function fetcher(lifetimes: number[]) {
  let n = 0
  const fetch = jest.fn(async () => {
    n += 1
    return { accessToken: `token-${n}`, expiresInSeconds: lifetimes[Math.min(n - 1, lifetimes.length - 1)] }
  })
  return fetch
}

describe("TokenCache", () => {
  it("reuses a token until 60 s before expiry", async () => {
    let now = 0
    const fetch = fetcher([3599])
    const cache = new TokenCache(fetch, () => now)
    expect(await cache.get()).toBe("token-1")
    now = (3599 - 60) * 1000 - 1
    expect(await cache.get()).toBe("token-1")
    now += 1
    expect(await cache.get()).toBe("token-2")
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it("uses a 10 % margin when that is smaller than 60 s", async () => {
    let now = 0
    const cache = new TokenCache(fetcher([20]), () => now)
    await cache.get()
    now = 17_999
    expect(await cache.get()).toBe("token-1")
    now = 18_000
    expect(await cache.get()).toBe("token-2")
  })

  it("falls back to a default lifetime when expires_in is missing", async () => {
    let now = 0
    const cache = new TokenCache(fetcher([NaN]), () => now)
    await cache.get()
    now = 200_000
    expect(await cache.get()).toBe("token-1")
    now = 300_000
    expect(await cache.get()).toBe("token-2")
  })

  it("shares one fetch between concurrent callers and retries after a failed fetch", async () => {
    let release!: () => void
    const fetch = jest
      .fn()
      .mockImplementationOnce(() => new Promise((_, reject) => (release = () => reject(new Error("down")))))
      .mockResolvedValueOnce({ accessToken: "ok", expiresInSeconds: 3600 })
    const cache = new TokenCache(fetch)
    const waiting = Array.from({ length: 10 }, () => cache.get())
    release()
    const results = await Promise.allSettled(waiting)
    expect(results.every((r) => r.status === "rejected")).toBe(true)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(await cache.get()).toBe("ok")
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it("invalidates only the token that was rejected", async () => {
    const fetch = fetcher([3600])
    const cache = new TokenCache(fetch)
    await cache.get()
    cache.invalidate("some-older-token")
    expect(await cache.get()).toBe("token-1")
    cache.invalidate("token-1")
    expect(await cache.get()).toBe("token-2")
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})

describe("TokenCache with the caller's fetcher", () => {
  it("fetches with the fetcher of the caller that finds no token, and others wait for that request", async () => {
    const mine = fetcher([3600])
    const theirs = fetcher([3600])
    const cache = new TokenCache()
    const [a, b] = await Promise.all([cache.get(mine), cache.get(theirs)])
    expect([a, b]).toEqual(["token-1", "token-1"])
    expect([mine.mock.calls.length, theirs.mock.calls.length]).toEqual([1, 0])
  })

  it("refuses to fetch without any fetcher", async () => {
    await expect(new TokenCache().get()).rejects.toThrow("needs a token fetcher")
  })
})
