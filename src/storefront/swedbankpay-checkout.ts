/**
 * Swedbank Pay invoice (Payment Order v3.1) from a storefront: the payment session whose `data` holds Swedbank
 * Pay's two shopper links, and the cart completion when the shopper comes back.
 *
 * The flow: `startSwedbankPayInvoice` creates the session (the provider creates the payment order with the cart's
 * lines) -> the browser goes to `redirectUrl` (a top-level navigation, never an iframe), or the page loads
 * `viewUrl` for the seamless view -> Swedbank Pay sends the shopper to the provider's `completeUrl` (or
 * `cancelUrl`) -> the storefront calls `completeSwedbankPayReturn` there. Coming back to completeUrl is no proof of
 * payment: only the cart completion (the provider reads the payment order) says whether there is an order.
 *
 * Calls go through the storefront's own js-sdk instance (`sdk.client.fetch`, the publishable key included); only
 * types are imported from the js-sdk.
 */
import type { StorefrontCallOptions, StorefrontSdk } from "./payex-routes"
import { SWEDBANKPAY_INVOICE_PROVIDER_ID, swedbankPayInvoiceSessionData } from "./providers"
import { SwedbankPayCheckoutError } from "./swedbankpay-errors"

export interface StartSwedbankPayInvoiceInput {
  /** The cart; its payment collection is looked up (or created) first. Or give `paymentCollectionId`. */
  cartId?: string
  /** The cart's payment collection (`cart.payment_collection.id`), when the storefront has it. */
  paymentCollectionId?: string
  /** Prefill of Swedbank Pay's page (optional). Never a personal number. */
  email?: string | null
  /** E.164 mobile number for the prefill (optional). */
  msisdn?: string | null
  /** `navigator.userAgent` in a browser; a server action may pass the request's User-Agent header. */
  userAgent?: string | null
  /** Another registration id than the README's (`pp_swedbankpay-invoice_<id>`). */
  providerId?: string
}

export interface SwedbankPayInvoiceCheckout {
  /** Swedbank Pay's `redirect-checkout` page: `window.location.assign(redirectUrl)` or a server `redirect()`. */
  redirectUrl: string
  /** Swedbank Pay's `view-checkout` script for the seamless view (null if Swedbank Pay offered none). */
  viewUrl: string | null
  paymentSessionId: string
  paymentCollectionId: string
}

interface StorePaymentCollection {
  id: string
  payment_sessions?: Array<{ id: string; provider_id: string; data?: Record<string, unknown> | null }>
}

export type SwedbankPayReturn<Order = Record<string, unknown>> = { type: "order"; order: Order & { id: string } }

const COLLECTIONS_PATH = "/store/payment-collections"

function call<T>(sdk: StorefrontSdk, path: string, body: Record<string, unknown>, options?: StorefrontCallOptions) {
  return sdk.client.fetch<T>(path, { method: "POST", body, ...(options?.headers ? { headers: options.headers } : {}) })
}

const httpUrl = (value: unknown): value is string => typeof value === "string" && /^https?:\/\/\S+$/i.test(value)

/**
 * Creates the cart's Swedbank Pay payment session (replacing any other session of the cart) and answers where to
 * send the shopper. Keep the cart id where the return page finds it (a cookie or sessionStorage): the shopper
 * leaves the storefront in between.
 */
export async function startSwedbankPayInvoice(
  sdk: StorefrontSdk,
  input: StartSwedbankPayInvoiceInput,
  options?: StorefrontCallOptions,
): Promise<SwedbankPayInvoiceCheckout> {
  const providerId = input.providerId ?? SWEDBANKPAY_INVOICE_PROVIDER_ID
  let collectionId = input.paymentCollectionId
  if (!collectionId) {
    if (!input.cartId) throw new TypeError("startSwedbankPayInvoice needs a cartId or a paymentCollectionId")
    // The Store API answers the cart's existing collection, or creates one.
    const created = await call<{ payment_collection: StorePaymentCollection }>(
      sdk,
      COLLECTIONS_PATH,
      { cart_id: input.cartId },
      options,
    )
    collectionId = created.payment_collection.id
  }
  const data = swedbankPayInvoiceSessionData({ userAgent: input.userAgent, email: input.email, msisdn: input.msisdn })
  const { payment_collection } = await call<{ payment_collection: StorePaymentCollection }>(
    sdk,
    `${COLLECTIONS_PATH}/${encodeURIComponent(collectionId)}/payment-sessions`,
    { provider_id: providerId, data },
    options,
  )
  const session = payment_collection.payment_sessions?.filter((s) => s.provider_id === providerId).pop()
  if (!session) throw new SwedbankPayCheckoutError("unknown", "The Swedbank Pay payment session was not created.")
  const redirectUrl = session.data?.redirect_url
  if (!httpUrl(redirectUrl))
    throw new SwedbankPayCheckoutError("unavailable", "Swedbank Pay offered no payment page for this session.")
  const viewUrl = session.data?.view_url
  return {
    redirectUrl,
    viewUrl: httpUrl(viewUrl) ? viewUrl : null,
    paymentSessionId: session.id,
    paymentCollectionId: payment_collection.id,
  }
}

/**
 * The return page's call (completeUrl): completes the cart, which makes the provider read the payment order.
 * Answers `{ type: "order", order }` when the shopper completed the invoice; throws otherwise, also when Medusa
 * answers 200 with the cart and an error: `describeSwedbankPayError` tells a shopper who has not finished
 * (`not_completed`) from the rest. Completing a cart that is already an order answers that order again, so a
 * reload of the return page is safe.
 */
export async function completeSwedbankPayReturn<Order = Record<string, unknown>>(
  sdk: StorefrontSdk,
  cartId: string,
  options?: StorefrontCallOptions,
): Promise<SwedbankPayReturn<Order>> {
  if (!cartId) throw new SwedbankPayCheckoutError("cart_not_found", "No cart to complete.")
  const result = await call<
    | { type: "order"; order: Order & { id: string } }
    | { type: "cart"; cart: unknown; error?: { message?: string; type?: string } }
  >(sdk, `/store/carts/${encodeURIComponent(cartId)}/complete`, {}, options)
  if (result.type === "order") return { type: "order", order: result.order }
  throw new SwedbankPayCheckoutError(
    "not_completed",
    result.error?.message || "The cart was not completed.",
    result.error?.type,
  )
}
