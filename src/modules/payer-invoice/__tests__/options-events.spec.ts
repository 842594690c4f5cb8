import { payerOptionProblems, resolvePayerOptions } from "../options"

const base = { clientId: "id", clientSecret: "secret" }

describe("payer.eventsCallbackUrl", () => {
  it("accepts an https URL or loopback http, and is optional", () => {
    expect(payerOptionProblems({ ...base })).toEqual([])
    expect(payerOptionProblems({ ...base, eventsCallbackUrl: "https://shop.example/hooks/payer/events" })).toEqual([])
    expect(payerOptionProblems({ ...base, eventsCallbackUrl: "http://localhost:9000/hooks/payer/events" })).toEqual([])
    expect(resolvePayerOptions({ ...base }).eventsCallbackUrl).toBeUndefined()
    expect(resolvePayerOptions({ ...base, eventsCallbackUrl: "https://s.example/h" }).eventsCallbackUrl).toBe(
      "https://s.example/h",
    )
  })

  it("refuses plain http elsewhere and anything not an absolute URL, naming the option", () => {
    for (const value of ["http://shop.example/hooks/payer/events", "/hooks/payer/events", "", 42]) {
      const problems = payerOptionProblems({ ...base, eventsCallbackUrl: value as string })
      expect(problems).toHaveLength(1)
      expect(problems[0]).toContain("`payer.eventsCallbackUrl`")
    }
  })
})
