// The page's views in order: products of a country -> contact and delivery -> payment -> order confirmation.
// Swedbank Pay's return pages (swedbankpay-return.ts) come back to the payment and confirmation views.
import type Medusa from "@medusajs/js-sdk"
import { swedbankPayInvoiceCountry } from "medusa-plugin-payex-payer/storefront"
import { forgetCheckout } from "./checkout-storage"
import { alertBox, busy, el, field, mount } from "./dom"
import { formatMinor, LOCALE_BY_COUNTRY, toMinor } from "./money"
import { payerCompanyForm } from "./payer-company-form"
import { payexInvoiceForm } from "./payex-invoice-form"
import type { StorefrontConfig } from "./storefront-config"
import { swedbankPayForm } from "./swedbankpay-form"
import { createCart, listProducts, type Cart, type Order, type ShopperAddress } from "./store-cart"

type Region = StorefrontConfig["regions"][number]
type Method = "payex" | "swedbankpay" | "payer"

// Sample shoppers per country (the sandbox's test persons' registered addresses), so a demo needs no typing.
const SAMPLE_SHOPPERS: Record<string, ShopperAddress & { email: string }> = {
  se: {
    first_name: "Lisa",
    last_name: "Testsson",
    address_1: "Testvägen 1",
    postal_code: "19792",
    city: "Bro",
    country_code: "se",
    email: "lisa@example.com",
  },
  no: {
    first_name: "Ola",
    last_name: "Nordmann",
    address_1: "Karl Johans gate 1",
    postal_code: "0154",
    city: "Oslo",
    country_code: "no",
    email: "ola@example.com",
  },
  fi: {
    first_name: "Matti",
    last_name: "Meikäläinen",
    address_1: "Mannerheimintie 1",
    postal_code: "00100",
    city: "Helsinki",
    country_code: "fi",
    email: "matti@example.com",
  },
}

export class CheckoutViews {
  constructor(
    private readonly sdk: Medusa,
    private readonly config: StorefrontConfig,
  ) {}

  private money(major: number | undefined, region: Region) {
    return formatMinor(toMinor(major), region.currency, LOCALE_BY_COUNTRY[region.country])
  }

  async shop(region: Region = this.config.regions[0]) {
    const products = await listProducts(this.sdk, region.regionId)
    const select = el(
      "select",
      { id: "country", "aria-label": "Country" },
      ...this.config.regions.map((r) =>
        el(
          "option",
          { value: r.country, selected: r.country === region.country },
          `${r.name} (${r.currency.toUpperCase()})`,
        ),
      ),
    )
    select.addEventListener("change", () => {
      if (select.value !== region.country) void this.shop(this.config.regions.find((r) => r.country === select.value))
    })
    const quantities = products.map((p) =>
      el("input", { type: "number", min: "0", max: "99", value: "0", "aria-label": `Quantity of ${p.title}` }),
    )
    const alert = alertBox()
    const next = el("button", { type: "button" }, "Go to checkout")
    next.addEventListener("click", () => {
      const items = products
        .map((p, i) => ({
          variantId: p.variantId,
          quantity: Math.max(0, Math.min(99, Math.floor(Number(quantities[i].value) || 0))),
        }))
        .filter((i) => i.quantity > 0)
      if (!items.length) return alert.show("Choose at least one product.")
      this.details(region, items)
    })
    mount(
      el(
        "section",
        { class: "card", "data-testid": `shop-${region.country}` },
        el("h1", {}, "Shop"),
        el("label", { for: "country" }, "Deliver to"),
        select,
        el(
          "table",
          { class: "products" },
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              el("th", {}, "Product"),
              el("th", { class: "num" }, "Price incl. VAT"),
              el("th", {}, "Quantity"),
            ),
          ),
          el(
            "tbody",
            {},
            ...products.map((p, i) =>
              el(
                "tr",
                {},
                el("td", {}, el("strong", {}, p.title), el("div", { class: "muted" }, p.description)),
                el("td", { class: "num" }, this.money(p.price, region)),
                el("td", {}, quantities[i]),
              ),
            ),
          ),
        ),
        alert.node,
        next,
      ),
    )
  }

  details(region: Region, items: Array<{ variantId: string; quantity: number }>) {
    const s = SAMPLE_SHOPPERS[region.country]
    const f = {
      email: field("E-mail", { type: "email", value: s.email, autocomplete: "email" }),
      first_name: field("First name", { value: s.first_name }),
      last_name: field("Last name", { value: s.last_name }),
      address_1: field("Street address", { value: s.address_1 }),
      postal_code: field("Postal code", { value: s.postal_code }),
      city: field("City", { value: s.city }),
    }
    const alert = alertBox()
    const next = el("button", { type: "button" }, "Continue to payment")
    next.addEventListener("click", () =>
      busy(next, async () => {
        alert.clear()
        const address: ShopperAddress = {
          first_name: f.first_name.input.value.trim(),
          last_name: f.last_name.input.value.trim(),
          address_1: f.address_1.input.value.trim(),
          postal_code: f.postal_code.input.value.trim(),
          city: f.city.input.value.trim(),
          country_code: region.country,
        }
        try {
          const cart = await createCart(this.sdk, {
            regionId: region.regionId,
            email: f.email.input.value.trim(),
            address,
            items,
          })
          this.payment(region, cart)
        } catch (e) {
          alert.show(`The cart could not be created: ${(e as Error).message}`)
        }
      }),
    )
    const back = el("button", { type: "button", class: "secondary", onclick: () => this.shop(region) }, "Back")
    mount(
      el(
        "section",
        { class: "card" },
        el("h1", {}, "Contact and delivery"),
        f.email.wrap,
        el("div", { class: "grid" }, f.first_name.wrap, f.last_name.wrap),
        f.address_1.wrap,
        el("div", { class: "grid" }, f.postal_code.wrap, f.city.wrap),
        alert.node,
        back,
        " ",
        next,
      ),
    )
  }

  private summary(region: Region, cart: Cart | Order) {
    const row = (label: string, amount: number | undefined, cls = "") =>
      el("tr", { class: cls }, el("td", {}, label), el("td", { class: "num" }, this.money(amount, region)))
    return el(
      "table",
      { class: "summary", "aria-label": "Order summary" },
      el(
        "tbody",
        {},
        ...(cart.items ?? []).map((i) => {
          const vat = i.tax_lines?.[0]?.rate
          return row(
            `${i.quantity} × ${i.product_title ?? i.title}${vat === undefined ? "" : ` (VAT ${vat} %)`}`,
            i.total,
          )
        }),
        row("Shipping", cart.shipping_total),
        row("of which VAT", cart.tax_total, "muted"),
        row("Total", cart.total, "total"),
      ),
    )
  }

  /** The payment choice; `note` explains why the shopper is here again (a cancel on Swedbank Pay's page). */
  payment(region: Region, cart: Cart, note?: string) {
    const host = el("div")
    const done = (label: string) => (o: Order) => this.confirmation(region, o, label)
    const forms: Record<Method, () => HTMLElement> = {
      payex: () => payexInvoiceForm(this.sdk, cart, region.country, done("Invoice (PayEx)")),
      swedbankpay: () => swedbankPayForm(this.sdk, cart, region.country),
      payer: () => payerCompanyForm(this.sdk, cart, this.config.businessCustomer, done("Company invoice (Payer)")),
    }
    const option = (value: Method, label: string) =>
      el(
        "label",
        {},
        el("input", { type: "radio", name: "method", value, onchange: () => host.replaceChildren(forms[value]()) }),
        label,
      )
    mount(
      el("section", { class: "card" }, el("h1", {}, "Payment"), this.summary(region, cart)),
      el(
        "section",
        { class: "card" },
        note ? el("p", { class: "note", role: "status", "data-testid": "payment-note" }, note) : null,
        el("h2", {}, "Choose how to pay"),
        el(
          "div",
          { class: "methods" },
          option("payex", "Invoice (PayEx)"),
          // Swedbank Pay's invoice (Payment Order v3.1) serves SEK and NOK only.
          swedbankPayInvoiceCountry(region.currency) ? option("swedbankpay", "Invoice (Swedbank Pay)") : null,
          option("payer", "Company invoice (Payer)"),
        ),
        host,
      ),
    )
  }

  confirmation(region: Region, order: Order, method: string) {
    forgetCheckout() // this tab's checkout is an order now
    mount(
      el(
        "section",
        { class: "card", "data-testid": "confirmation" },
        el("h1", {}, "Thank you for your order"),
        el("p", {}, "Order number ", el("strong", { "data-testid": "order-number" }, `#${order.display_id}`)),
        el("p", { class: "muted" }, `Paid with ${method}. A confirmation goes to ${order.email}.`),
        this.summary(region, order),
        el("button", { type: "button", class: "secondary", onclick: () => this.shop(region) }, "Shop again"),
      ),
    )
  }
}
