import { hasPaymentOf } from "../order-payments"

const order = (...payments: Array<{ provider_id: string; canceled_at?: string | null }>) => ({
  payment_collections: [{ payments }],
})

describe("hasPaymentOf", () => {
  it("recognises a provider by its identifier, whatever id the host registered it under", () => {
    expect(hasPaymentOf(order({ provider_id: "pp_payex-invoice_payex" }), "payex-invoice")).toBe(true)
    expect(hasPaymentOf(order({ provider_id: "pp_payex-invoice_se" }), "payex-invoice")).toBe(true)
    expect(hasPaymentOf(order({ provider_id: "pp_payer-b2b_payer" }), "payer-b2b")).toBe(true)
  })

  it("does not mistake another provider, a prefix of the identifier or a missing collection for one", () => {
    expect(hasPaymentOf(order({ provider_id: "pp_system_default" }), "payex-invoice")).toBe(false)
    expect(hasPaymentOf(order({ provider_id: "pp_payex-invoicex_payex" }), "payex-invoice")).toBe(false)
    expect(hasPaymentOf({ payment_collections: [null, { payments: null }] }, "payer-b2b")).toBe(false)
    expect(hasPaymentOf(undefined, "payer-b2b")).toBe(false)
  })

  it("skips canceled payments when asked for live ones only", () => {
    const canceled = order({ provider_id: "pp_payex-invoice_payex", canceled_at: "2026-12-01T10:00:00Z" })
    expect(hasPaymentOf(canceled, "payex-invoice")).toBe(true)
    expect(hasPaymentOf(canceled, "payex-invoice", true)).toBe(false)
  })
})
