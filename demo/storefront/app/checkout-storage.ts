// The one thing that must survive a trip to Swedbank Pay's page and back: which cart (and country) this browser tab
// is paying. sessionStorage, so it stays in this tab only and ends with it; nothing personal is kept, only ids.
const KEY = "demo-storefront-checkout"

export interface PendingCheckout {
  cartId: string
  country: string
  /** the payment method the shopper left the page for */
  method: "swedbankpay"
}

export function rememberCheckout(checkout: PendingCheckout) {
  sessionStorage.setItem(KEY, JSON.stringify(checkout))
}

export function pendingCheckout(): PendingCheckout | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Partial<PendingCheckout> | null
    return typeof value?.cartId === "string" && typeof value.country === "string"
      ? { cartId: value.cartId, country: value.country, method: "swedbankpay" }
      : undefined
  } catch {
    return undefined // storage disabled or an old value: start over
  }
}

export function forgetCheckout() {
  try {
    sessionStorage.removeItem(KEY)
  } catch {
    // storage disabled: nothing was kept
  }
}
