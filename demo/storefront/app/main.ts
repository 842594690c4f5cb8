// The demo storefront's entry: the shop's public settings from /config.json, one js-sdk instance for the Store API
// (publishable key set once), then the view for the path: Swedbank Pay's return pages, or the shop.
import Medusa from "@medusajs/js-sdk"
import { CheckoutViews } from "./checkout-views"
import type { StorefrontConfig } from "./storefront-config"
import {
  CHECKOUT_PATH,
  checkoutAfterCancel,
  SWEDBANKPAY_COMPLETE_PATH,
  swedbankPayComplete,
} from "./swedbankpay-return"

async function start() {
  const config = (await (await fetch("/config.json")).json()) as StorefrontConfig
  // Medusa on this page's own host name, so localhost and 127.0.0.1 both stay same-site.
  const sdk = new Medusa({
    baseUrl: `${location.protocol}//${location.hostname}:${config.medusaPort}`,
    publishableKey: config.publishableKey,
  })
  const views = new CheckoutViews(sdk, config)
  const path = location.pathname.replace(/\/+$/, "")
  if (path === SWEDBANKPAY_COMPLETE_PATH) await swedbankPayComplete(views, sdk, config)
  else if (path === CHECKOUT_PATH) await checkoutAfterCancel(views, sdk, config)
  else await views.shop()
}

start().catch((e) => {
  document.getElementById("app")!.textContent = `The shop could not load: ${(e as Error).message}`
})
