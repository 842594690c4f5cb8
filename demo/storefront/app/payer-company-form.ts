// "Company invoice (Payer)": the company's details become the payer-b2b session data (checked here first, with the
// same rules as the provider, so every bad field is marked at once); the invoice is issued when the order ships.
import type Medusa from "@medusajs/js-sdk"
import {
  PAYER_B2B_PROVIDER_ID,
  PayerCompanyInputError,
  payerCompanySessionData,
  type PayerCompanyField,
} from "medusa-plugin-payex-payer/storefront"
import { alertBox, busy, el, field, mark } from "./dom"
import type { StorefrontConfig } from "./storefront-config"
import { placeOrder, refreshCart, startPaymentSession, type Cart, type Order } from "./store-cart"

export function payerCompanyForm(
  sdk: Medusa,
  cart: Cart,
  company: StorefrontConfig["businessCustomer"],
  onOrder: (order: Order) => void,
): HTMLElement {
  const alert = alertBox()
  const fields: Record<PayerCompanyField, ReturnType<typeof field>> = {
    company_name: field("Company name", { value: company.company_name, autocomplete: "organization" }),
    org_number: field("Organisation number", { value: company.org_number }),
    vat_id: field("VAT number (optional)", { value: company.vat_id }),
    email: field("Invoice e-mail", { value: company.email, type: "email" }),
    phone: field("Phone (optional)", { value: company.phone, type: "tel" }),
    your_reference: field("Your reference (optional)", { value: company.your_reference }),
    delivery_type: field("Delivery", { value: "EMAIL", readonly: true }),
  }
  const button = el("button", { type: "button" }, "Place order")
  button.addEventListener("click", () =>
    busy(button, async () => {
      alert.clear()
      for (const f of Object.values(fields)) mark(f.input, false)
      const value = (name: PayerCompanyField) => fields[name].input.value
      let data
      try {
        data = payerCompanySessionData({
          companyName: value("company_name"),
          orgNumber: value("org_number"),
          vatId: value("vat_id"),
          email: value("email"),
          phone: value("phone"),
          yourReference: value("your_reference"),
          deliveryType: "EMAIL",
        })
      } catch (e) {
        if (!(e instanceof PayerCompanyInputError)) throw e
        for (const p of e.problems) mark(fields[p.field].input, true)
        return alert.show(e.problems.map((p) => p.message).join(" "))
      }
      try {
        await startPaymentSession(sdk, await refreshCart(sdk, cart.id), PAYER_B2B_PROVIDER_ID, { ...data })
        onOrder(await placeOrder(sdk, cart.id))
      } catch (e) {
        // The provider's 400s name the field and never echo a value; show them as they are.
        alert.show(`The order could not be placed: ${(e as Error).message}`)
      }
    }),
  )
  return el(
    "div",
    { "data-testid": "payer-form" },
    el("p", { class: "muted" }, "Invoice to your company, issued when we ship (Payer B2B, 30 days)."),
    el(
      "div",
      { class: "grid" },
      ...(["company_name", "org_number", "vat_id", "email", "phone", "your_reference"] as const).map(
        (n) => fields[n].wrap,
      ),
    ),
    alert.node,
    button,
  )
}
