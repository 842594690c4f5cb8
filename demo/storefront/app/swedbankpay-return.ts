// The two pages Swedbank Pay sends the shopper back to (medusa-config.js: completeUrl and cancelUrl).
// /checkout/swedbankpay/complete: coming back is no proof of payment, so the page completes the cart and shows
// what Medusa answers: the order confirmation, or why there is no order with a way back to the payment choice.
// /checkout: the shopper cancelled on Swedbank Pay's page; the payment choice again, with a short note.
import type Medusa from "@medusajs/js-sdk"
import { completeSwedbankPayReturn, describeSwedbankPayError } from "medusa-plugin-payex-payer/storefront"
import type { CheckoutViews } from "./checkout-views"
import { forgetCheckout, pendingCheckout, type PendingCheckout } from "./checkout-storage"
import { el, mount } from "./dom"
import type { StorefrontConfig } from "./storefront-config"
import { refreshCart, type Cart, type Order } from "./store-cart"

export const SWEDBANKPAY_COMPLETE_PATH = "/checkout/swedbankpay/complete"
export const CHECKOUT_PATH = "/checkout"

type Region = StorefrontConfig["regions"][number]

function regionOf(config: StorefrontConfig, checkout: PendingCheckout): Region | undefined {
  return config.regions.find((r) => r.country === checkout.country)
}

/** Leaves the return URL for the shop's own, so a reload or a bookmark does not run the return again. */
function showUrl(path: string) {
  history.replaceState(null, "", path)
}

function nothingToComplete(views: CheckoutViews, text: string) {
  forgetCheckout()
  showUrl("/")
  mount(
    el(
      "section",
      { class: "card", "data-testid": "no-checkout" },
      el("h1", {}, "No order to complete"),
      el("p", {}, text),
      el("button", { type: "button", onclick: () => views.shop() }, "Go to the shop"),
    ),
  )
}

/** The cart of this tab's checkout, unless it is gone or already an order. */
async function openCart(sdk: Medusa, checkout: PendingCheckout): Promise<Cart | undefined> {
  try {
    const cart = await refreshCart(sdk, checkout.cartId)
    return cart.completed_at ? undefined : cart
  } catch {
    return undefined
  }
}

export async function swedbankPayComplete(views: CheckoutViews, sdk: Medusa, config: StorefrontConfig) {
  const checkout = pendingCheckout()
  const region = checkout && regionOf(config, checkout)
  if (!checkout || !region)
    return nothingToComplete(views, "This browser tab has no checkout waiting for Swedbank Pay. Start in the shop.")
  mount(
    el(
      "section",
      { class: "card", "aria-busy": "true" },
      el("h1", {}, "Completing your order ..."),
      el("p", { class: "muted" }, "Asking the shop whether Swedbank Pay approved the invoice."),
    ),
  )
  try {
    const { order } = await completeSwedbankPayReturn<Order>(sdk, checkout.cartId)
    showUrl("/")
    return views.confirmation(region, order, "Invoice (Swedbank Pay)")
  } catch (e) {
    const d = describeSwedbankPayError(e)
    const cart = d.chooseAgain ? await openCart(sdk, checkout) : undefined
    showUrl(CHECKOUT_PATH)
    mount(
      el(
        "section",
        { class: "card", "data-testid": "swedbankpay-not-completed" },
        el("h1", {}, "Your order was not placed"),
        el("div", { class: "alert", role: "alert" }, d.message),
        cart ? el("button", { type: "button", onclick: () => views.payment(region, cart) }, "Choose how to pay") : null,
        " ",
        el(
          "button",
          {
            type: "button",
            class: cart ? "secondary" : "",
            onclick: () => {
              forgetCheckout()
              void views.shop(region)
            },
          },
          "Back to the shop",
        ),
      ),
    )
  }
}

export async function checkoutAfterCancel(views: CheckoutViews, sdk: Medusa, config: StorefrontConfig) {
  const checkout = pendingCheckout()
  const region = checkout && regionOf(config, checkout)
  const cart = checkout && region ? await openCart(sdk, checkout) : undefined
  if (!region || !cart) {
    forgetCheckout()
    showUrl("/")
    return views.shop(region)
  }
  views.payment(region, cart, "You cancelled the payment at Swedbank Pay, so no order was placed. Choose how to pay.")
}
