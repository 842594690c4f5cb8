// The demo storefront's entry: the shop's public settings from /config.json, one js-sdk instance for the Store API
// (publishable key set once), then the shop view.
import Medusa from "@medusajs/js-sdk"
import { CheckoutViews } from "./checkout-views"
import type { StorefrontConfig } from "./storefront-config"

async function start() {
  const config = (await (await fetch("/config.json")).json()) as StorefrontConfig
  // Medusa on this page's own host name, so localhost and 127.0.0.1 both stay same-site.
  const sdk = new Medusa({
    baseUrl: `${location.protocol}//${location.hostname}:${config.medusaPort}`,
    publishableKey: config.publishableKey,
  })
  await new CheckoutViews(sdk, config).shop()
}

start().catch((e) => {
  document.getElementById("app")!.textContent = `The shop could not load: ${(e as Error).message}`
})
