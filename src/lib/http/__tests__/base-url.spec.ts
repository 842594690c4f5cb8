import { baseUrlProblem, isAbsoluteHttpUrl, isLoopbackHost } from "../base-url"

describe("baseUrl rule shared by the PayEx and Payer options", () => {
  it("knows localhost, 127.0.0.0/8 and ::1 as loopback, nothing else", () => {
    expect(
      ["localhost", "LOCALHOST", "127.0.0.1", "127.9.9.9", "127.255.255.255", "[::1]", "::1"].every(isLoopbackHost),
    ).toBe(true)
    const others = [
      "localhost.example",
      "shop.localhost",
      "1.127.0.0",
      "::",
      "example.com",
      "127.0.0.1x",
      "127.0.0.256",
      "10.0.0.1",
    ]
    expect(others.filter(isLoopbackHost)).toEqual([])
  })

  it("accepts https anywhere and http on loopback only, naming the option otherwise", () => {
    expect(baseUrlProblem("baseUrl", "https://api.payex.com")).toBeNull()
    expect(baseUrlProblem("baseUrl", "http://127.0.0.1:9411")).toBeNull()
    expect(baseUrlProblem("payer.baseUrl", "http://[::1]:9412")).toBeNull()
    expect(baseUrlProblem("payer.baseUrl", "http://b2b.payer.se")).toMatch(/^`payer\.baseUrl` must use https/)
    expect(baseUrlProblem("baseUrl", "ftp://api.payex.com")).toBe("`baseUrl` must be an absolute http(s) URL")
    expect(baseUrlProblem("baseUrl", "/psp")).toBe("`baseUrl` must be an absolute http(s) URL")
    expect(baseUrlProblem("baseUrl", 42)).toBe("`baseUrl` must be an absolute http(s) URL")
  })

  it("isAbsoluteHttpUrl refuses what is not a string or not http(s)", () => {
    expect([undefined, null, 1, "", "example.com", "mailto:a@b.se"].some(isAbsoluteHttpUrl)).toBe(false)
    expect(isAbsoluteHttpUrl("http://localhost:9000/hooks/payment/payex-invoice_payex")).toBe(true)
  })
})
