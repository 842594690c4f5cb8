import { PAYER_DELIVERY_TYPES as SERVER_DELIVERY_TYPES } from "../../modules/payer-invoice/options"
import { B2B_STOREFRONT_FIELDS, parseB2BCustomer } from "../../lib/payer-b2b/session-data"
import { PAYEX_CURRENCIES } from "../../lib/payex-invoice/provider-options"
import { STOREFRONT_SESSION_KEYS } from "../../lib/payex-invoice/payex-session-data"
import {
  isPayerB2BProvider,
  isPayexInvoiceProvider,
  PAYER_B2B_PROVIDER_ID,
  PAYER_DELIVERY_TYPES,
  PayerCompanyInput,
  PayerCompanyInputError,
  payerCompanyProblems,
  payerCompanySessionData,
  PAYEX_INVOICE_PROVIDER_ID,
  payexInvoiceCountry,
  payexInvoiceSessionData,
} from ".."

describe("provider ids", () => {
  it("are the ids of the README's registration and match any registration id", () => {
    expect(PAYEX_INVOICE_PROVIDER_ID).toBe("pp_payex-invoice_payex")
    expect(PAYER_B2B_PROVIDER_ID).toBe("pp_payer-b2b_payer")
    expect(isPayexInvoiceProvider("pp_payex-invoice_payex")).toBe(true)
    expect(isPayexInvoiceProvider("pp_payex-invoice_nordic")).toBe(true)
    expect(isPayerB2BProvider("pp_payer-b2b_payer")).toBe(true)
    expect(isPayerB2BProvider("pp_payer-b2b_other")).toBe(true)
    for (const other of [
      "pp_payer-b2b_payer",
      "pp_payex-invoicex_payex",
      "payex-invoice_payex",
      "pp_system_default",
      "",
      undefined,
      null,
    ])
      expect(isPayexInvoiceProvider(other)).toBe(false)
    expect(isPayerB2BProvider("pp_payex-invoice_payex")).toBe(false)
    expect(isPayerB2BProvider(undefined)).toBe(false)
  })
})

describe("payexInvoiceCountry", () => {
  it("agrees with the provider's currencies", () => {
    for (const [currency, { country }] of Object.entries(PAYEX_CURRENCIES)) {
      expect(payexInvoiceCountry(currency)).toBe(country)
      expect(payexInvoiceCountry(currency.toUpperCase())).toBe(country)
    }
    expect(payexInvoiceCountry("dkk")).toBeNull()
    expect(payexInvoiceCountry(undefined)).toBeNull()
  })
})

describe("payexInvoiceSessionData", () => {
  it("holds only keys the provider keeps", () => {
    for (const key of Object.keys(payexInvoiceSessionData("Mozilla/5.0")))
      expect(STOREFRONT_SESSION_KEYS).toContain(key)
    expect(payexInvoiceSessionData("")).toEqual({})
  })
})

const COMPANY: PayerCompanyInput = {
  companyName: " Ekbacken Möbler AB ",
  orgNumber: "5560360793",
  email: "faktura@ekbacken.example",
  vatId: "se 556036079301",
  phone: "+46 70 123 45 67",
  yourReference: "Anna Andersson",
  deliveryType: "EMAIL",
}

describe("payerCompanySessionData", () => {
  it("builds exactly the allowlisted fields, normalized as the provider does", () => {
    const data = payerCompanySessionData(COMPANY)
    expect(data).toEqual({
      company_name: "Ekbacken Möbler AB",
      org_number: "556036-0793",
      email: "faktura@ekbacken.example",
      vat_id: "SE556036079301",
      phone: "+46 70 123 45 67",
      your_reference: "Anna Andersson",
      delivery_type: "EMAIL",
    })
    expect(Object.keys(data).sort()).toEqual([...B2B_STOREFRONT_FIELDS].sort())
    const { org_number, vat_id, ...rest } = parseB2BCustomer(data as unknown as Record<string, unknown>)
    expect({ ...rest, org_number, vat_id }).toEqual(data)
  })

  it("leaves empty optional fields out", () => {
    const data = payerCompanySessionData({
      ...COMPANY,
      vatId: "",
      phone: null,
      yourReference: undefined,
      deliveryType: null,
    })
    expect(Object.keys(data).sort()).toEqual(["company_name", "email", "org_number"])
  })

  it("names every bad field at once and throws them", () => {
    const bad: PayerCompanyInput = {
      companyName: "",
      orgNumber: "556036-0794",
      email: "not-mail",
      vatId: "SE5560360793",
      phone: "call me",
      yourReference: "x".repeat(51),
      deliveryType: "FAX" as never,
    }
    expect(payerCompanyProblems(bad).map((p) => p.field)).toEqual([
      "company_name",
      "org_number",
      "vat_id",
      "email",
      "phone",
      "your_reference",
      "delivery_type",
    ])
    const error = (() => {
      try {
        payerCompanySessionData(bad)
      } catch (e) {
        return e as PayerCompanyInputError
      }
    })()
    expect(error).toBeInstanceOf(PayerCompanyInputError)
    expect(error!.problems).toHaveLength(7)
    expect(error!.message).not.toContain("556036")
  })

  it("accepts and refuses what the provider accepts and refuses", () => {
    const variants: Array<Partial<PayerCompanyInput>> = [
      {},
      { orgNumber: "556036-0793" },
      { orgNumber: "16556036-0793" },
      { orgNumber: "600307-1161" }, // a sole trader's personal number
      { orgNumber: "556036-0794" },
      { orgNumber: "" },
      { companyName: "x".repeat(100) },
      { companyName: "x".repeat(101) },
      { companyName: "   " },
      { vatId: "SE556036079401" },
      { vatId: "SE 5560 3607 9301" },
      { email: "a@b" },
      { email: "a b@c.se" },
      { phone: "1234" },
      { phone: "(08) 123-45" },
      { phone: "+46" + "1".repeat(28) },
      { yourReference: "x".repeat(50) },
      ...PAYER_DELIVERY_TYPES.map((deliveryType) => ({ deliveryType })),
      { deliveryType: "email" as never },
    ]
    for (const variant of variants) {
      const input = { ...COMPANY, ...variant }
      const raw = {
        company_name: input.companyName,
        org_number: input.orgNumber,
        email: input.email,
        vat_id: input.vatId,
        phone: input.phone,
        your_reference: input.yourReference,
        delivery_type: input.deliveryType,
      }
      const serverAccepts = (() => {
        try {
          parseB2BCustomer(raw)
          return true
        } catch {
          return false
        }
      })()
      expect({ variant, accepted: payerCompanyProblems(input).length === 0 }).toEqual({
        variant,
        accepted: serverAccepts,
      })
    }
  })

  it("offers the provider's delivery types", () => {
    expect([...PAYER_DELIVERY_TYPES]).toEqual([...SERVER_DELIVERY_TYPES])
  })
})
