import { swedbankPayOptionProblems } from "../provider-options"

const VALID = {
  token: "secret-token-123",
  payeeId: "5cabf558-5283-482f-b252-4d58e06f6f3b",
  completeUrl: "https://shop.example.se/checkout/swedbankpay/complete",
  cancelUrl: "https://shop.example.se/checkout",
  termsOfServiceUrl: "https://shop.example.se/terms",
  hostUrls: ["https://shop.example.se"],
  callbackUrl: "https://api.example.se/hooks/payment/swedbankpay-invoice_swedbankpay",
}

describe("swedbankPayOptionProblems", () => {
  it("accepts complete options, and loopback http for local development", () => {
    expect(swedbankPayOptionProblems(VALID)).toEqual([])
    expect(
      swedbankPayOptionProblems({
        ...VALID,
        completeUrl: "http://localhost:8000/done",
        hostUrls: ["http://127.0.0.1:8000"],
      }),
    ).toEqual([])
  })

  it("names each missing or wrong option, never echoing the token", () => {
    const problems = swedbankPayOptionProblems({
      token: " ",
      payeeId: "nope",
      completeUrl: "http://shop.example.se/done",
      hostUrls: ["https://shop.example.se/path"],
      callbackUrl: "https://api.example.se/hooks/payment/payex-invoice_payex",
      captureOn: "never" as never,
      maxRetries: 11,
    })
    expect(problems.join("\n")).toMatch(/`token` is required/)
    for (const name of [
      "payeeId",
      "completeUrl",
      "cancelUrl",
      "termsOfServiceUrl",
      "hostUrls",
      "callbackUrl",
      "captureOn",
      "maxRetries",
    ])
      expect(problems.join("\n")).toContain(`\`${name}\``)
    expect(swedbankPayOptionProblems({ ...VALID, token: undefined }).join()).not.toContain("secret-token")
  })
})
