// The ordinary Medusa Store API part of the checkout, through the js-sdk: products with prices for a region, a cart
// with items, addresses and the region's shipping, the payment session, and completion.
// The cart lives in this page's memory only (no localStorage): a reload starts over, which suits a demo.
import type Medusa from "@medusajs/js-sdk"
import type { HttpTypes } from "@medusajs/types"

export type Cart = HttpTypes.StoreCart
export type Order = HttpTypes.StoreOrder

export interface ShopProduct {
  title: string
  description: string
  variantId: string
  /** tax inclusive, major units as the API answers */
  price: number
}

export interface ShopperAddress {
  first_name: string
  last_name: string
  address_1: string
  postal_code: string
  city: string
  country_code: string
  phone?: string
  company?: string
}

export async function listProducts(sdk: Medusa, regionId: string): Promise<ShopProduct[]> {
  const { products } = await sdk.store.product.list({
    region_id: regionId,
    fields: "id,title,description,*variants,*variants.calculated_price",
    limit: 50,
  })
  return products.flatMap((p) => {
    const variant = p.variants?.[0]
    const price = variant?.calculated_price?.calculated_amount
    if (!variant || typeof price !== "number") return []
    return [{ title: p.title, description: p.description ?? "", variantId: variant.id, price }]
  })
}

/** A cart with the picked items, the shopper's address (also as billing address) and the first shipping option. */
export async function createCart(
  sdk: Medusa,
  input: {
    regionId: string
    email: string
    address: ShopperAddress
    items: Array<{ variantId: string; quantity: number }>
  },
): Promise<Cart> {
  const { cart } = await sdk.store.cart.create({
    region_id: input.regionId,
    email: input.email,
    shipping_address: input.address,
    billing_address: input.address,
  })
  for (const item of input.items) {
    await sdk.store.cart.createLineItem(cart.id, { variant_id: item.variantId, quantity: item.quantity })
  }
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
  if (!shipping_options.length) throw new Error("No shipping option serves this address.")
  await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })
  return refreshCart(sdk, cart.id)
}

// Line totals and VAT rates are not among the Store API's default cart fields; the summary shows both.
const CART_FIELDS = "+items.total,+items.tax_lines.rate,+shipping_address,+payment_collection.id"

export async function refreshCart(sdk: Medusa, cartId: string): Promise<Cart> {
  return (await sdk.store.cart.retrieve(cartId, { fields: CART_FIELDS })).cart
}

/** A payment session of `providerId` (replacing any other of the cart); answers its id. */
export async function startPaymentSession(
  sdk: Medusa,
  cart: Cart,
  providerId: string,
  data: Record<string, unknown>,
): Promise<string> {
  const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, { provider_id: providerId, data })
  const session = payment_collection.payment_sessions?.find((s) => s.provider_id === providerId)
  if (!session) throw new Error("The payment session was not created.")
  return session.id
}

/** Completes the cart; answers the order, or throws with Medusa's reason. */
export async function placeOrder(sdk: Medusa, cartId: string): Promise<Order> {
  const result = await sdk.store.cart.complete(cartId)
  if (result.type === "order") return result.order
  throw new Error(result.error?.message || "The order could not be placed.")
}
