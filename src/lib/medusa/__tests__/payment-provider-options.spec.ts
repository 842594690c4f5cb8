import { MedusaError } from "@medusajs/framework/utils"
import { payexTokenFor } from "../../../workflows/payex/steps/payex-provider-token"
import { paymentProviderOptions } from "../payment-provider-options"

const container = (modules: unknown) =>
  ({ resolve: (key: string) => (key === "configModule" ? { modules } : undefined) }) as any
const PAYEX = {
  resolve: "medusa-plugin-payex-payer/providers/payex",
  id: "payex",
  options: { token: "tok-1", payeeId: "p", legalAddressRateLimit: 7 },
}

describe("paymentProviderOptions", () => {
  it("finds the options of the provider a payment was made with, as defineConfig keys the modules", () => {
    const modules = {
      payment: { resolve: "@medusajs/medusa/payment", options: { providers: [{ id: "payer", options: {} }, PAYEX] } },
      other: true,
    }
    expect(paymentProviderOptions(container(modules), "payex-invoice", "pp_payex-invoice_payex")).toBe(PAYEX.options)
    expect(payexTokenFor(container(modules), "pp_payex-invoice_payex")).toBe("tok-1")
  })

  it("tells two PayEx providers apart by their id, and reads an array of modules too", () => {
    const second = { ...PAYEX, id: "nordic", options: { token: "tok-2", payeeId: "q" } }
    const modules = [{ resolve: "@medusajs/medusa/payment", options: { providers: [PAYEX, second] } }]
    expect(payexTokenFor(container(modules), "pp_payex-invoice_nordic")).toBe("tok-2")
    expect(paymentProviderOptions(container(modules), "payex-invoice", "pp_payex-invoice_other")).toBeUndefined()
  })

  it("does not take another provider's options that share the id", () => {
    const modules = { payment: { options: { providers: [{ id: "payex", options: { token: "stripe-secret" } }] } } }
    expect(paymentProviderOptions(container(modules), "payex-invoice", "pp_stripe_payex")).toBeUndefined()
  })

  it("fails clearly, without a token in the message, when the PayEx provider is not configured", () => {
    const modules = { payment: { options: { providers: [{ id: "stripe", options: { token: "secret-9" } }] } } }
    let error: any
    try {
      payexTokenFor(container(modules), "pp_payex-invoice_payex")
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toBe(
      "No PayEx provider options found for pp_payex-invoice_payex in the payment module's configuration",
    )
  })
})
