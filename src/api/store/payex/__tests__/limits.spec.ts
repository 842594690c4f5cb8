import { DEFAULT_CLIENT_LIMIT, legalAddressRateLimitProblems, parseLegalAddressRateLimit } from "../limits"

describe("legalAddressRateLimit option", () => {
  it("defaults to 20 per 10 minutes", () => {
    expect(DEFAULT_CLIENT_LIMIT).toEqual({ max: 20, windowSeconds: 600 })
    expect(parseLegalAddressRateLimit(undefined)).toEqual({ max: 20, windowSeconds: 600 })
  })

  it("takes a number (per 10 minutes) or { max, windowSeconds }", () => {
    expect(parseLegalAddressRateLimit(5)).toEqual({ max: 5, windowSeconds: 600 })
    expect(parseLegalAddressRateLimit({ max: 50, windowSeconds: 3600 })).toEqual({ max: 50, windowSeconds: 3600 })
    expect(parseLegalAddressRateLimit({ max: 7 })).toEqual({ max: 7, windowSeconds: 600 })
  })

  it.each<[unknown, string]>([
    [0, "`legalAddressRateLimit` must be a whole number from 1, or { max, windowSeconds }"],
    [2.5, "`legalAddressRateLimit` must be a whole number from 1, or { max, windowSeconds }"],
    ["20", "`legalAddressRateLimit` must be a number or { max, windowSeconds }"],
    [{ windowSeconds: 60 }, "`legalAddressRateLimit.max` must be a whole number from 1"],
    [{ max: 5, windowSeconds: 0 }, "`legalAddressRateLimit.windowSeconds` must be a whole number of seconds from 1 to 86400"],
  ])("names the problem with %p and falls back to the default", (value, problem) => {
    expect(legalAddressRateLimitProblems(value)).toEqual([problem])
    expect(parseLegalAddressRateLimit(value)).toEqual(DEFAULT_CLIENT_LIMIT)
  })
})
