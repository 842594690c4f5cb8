// "Invoice (Swedbank Pay)": the shopper completes the invoice on Swedbank Pay's own page (the redirect flow). This
// page creates the payment session, remembers the cart in this tab and leaves for the session's redirect_url;
// Swedbank Pay sends the shopper back to /checkout/swedbankpay/complete (swedbankpay-return.ts), or to /checkout
// after a cancel. The personal number is typed on Swedbank Pay's page only, never here.
import type Medusa from "@medusajs/js-sdk"
import { describeSwedbankPayError, startSwedbankPayInvoice } from "medusa-plugin-payex-payer/storefront"
import { rememberCheckout } from "./checkout-storage"
import { alertBox, busy, el } from "./dom"
import type { Cart } from "./store-cart"

export function swedbankPayForm(sdk: Medusa, cart: Cart, country: string): HTMLElement {
  const alert = alertBox()
  const button = el("button", { type: "button" }, "Continue to Swedbank Pay")
  button.addEventListener("click", () =>
    busy(button, async () => {
      alert.clear()
      let redirectUrl: string
      try {
        ;({ redirectUrl } = await startSwedbankPayInvoice(sdk, {
          cartId: cart.id,
          email: cart.email, // prefills Swedbank Pay's page
          userAgent: navigator.userAgent,
        }))
      } catch (e) {
        return alert.show(describeSwedbankPayError(e).message)
      }
      rememberCheckout({ cartId: cart.id, country, method: "swedbankpay" })
      // A top-level navigation: Swedbank Pay's page must never be framed.
      window.location.assign(redirectUrl)
      await new Promise(() => {}) // keep the button disabled while the browser leaves
    }),
  )
  return el(
    "div",
    { "data-testid": "swedbankpay-form" },
    el(
      "p",
      { class: "muted" },
      "Pay within 14 days. You confirm the invoice on Swedbank Pay's page (your personal identity number is asked " +
        "for there) and come back here for your order confirmation.",
    ),
    el("div", { class: "hint" }, "Sandbox: the page offers Approve, Decline and Cancel."),
    alert.node,
    button,
  )
}
