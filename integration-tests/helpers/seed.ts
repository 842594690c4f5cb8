import type { AxiosInstance } from "axios"

export interface SeededStore {
  regionId: string
  salesChannelId: string
  publishableKey: string
  locationId: string
  shippingOptionId: string
  /** 25 % VAT, 250.00 SEK */
  chairVariantId: string
  /** 12 % VAT (food), 33.33 SEK */
  coffeeVariantId: string
  /** 6 % VAT (books), 99.00 SEK */
  bookVariantId: string
}

type H = { headers: Record<string, string> }

/**
 * A Swedish shop through the admin API: SEK tax-inclusive prices, region SE with the given payment
 * providers, 25 % default VAT with 12 % and 6 % products, one flat-rate shipping option of 49 SEK.
 */
export async function seedSwedishStore(
  api: AxiosInstance,
  admin: H,
  paymentProviderIds: string | string[],
): Promise<SeededStore> {
  const {
    data: { stores },
  } = await api.get("/admin/stores", admin)
  await api.post(
    `/admin/stores/${stores[0].id}`,
    { supported_currencies: [{ currency_code: "sek", is_default: true, is_tax_inclusive: true }] },
    admin,
  )

  const {
    data: { sales_channel },
  } = await api.post("/admin/sales-channels", { name: "Webshop" }, admin)
  const {
    data: { api_key },
  } = await api.post("/admin/api-keys", { title: "Storefront", type: "publishable" }, admin)
  await api.post(`/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] }, admin)

  const {
    data: { region },
  } = await api.post(
    "/admin/regions",
    {
      name: "Sverige",
      currency_code: "sek",
      countries: ["se"],
      payment_providers: ([] as string[]).concat(paymentProviderIds),
      automatic_taxes: true,
      is_tax_inclusive: true,
    },
    admin,
  )
  const {
    data: { tax_region },
  } = await api.post(
    "/admin/tax-regions",
    {
      country_code: "se",
      provider_id: "tp_system",
      default_tax_rate: { rate: 25, code: "SE25", name: "Moms 25%" },
    },
    admin,
  )

  const {
    data: { stock_location },
  } = await api.post("/admin/stock-locations", { name: "Lager Stockholm" }, admin)
  await api.post(`/admin/stock-locations/${stock_location.id}/sales-channels`, { add: [sales_channel.id] }, admin)
  await api.post(`/admin/stock-locations/${stock_location.id}/fulfillment-providers`, { add: ["manual_manual"] }, admin)
  const {
    data: { stock_location: withSet },
  } = await api.post(
    `/admin/stock-locations/${stock_location.id}/fulfillment-sets?fields=*fulfillment_sets`,
    { name: "Leveranser", type: "shipping" },
    admin,
  )
  const fulfillmentSetId = withSet.fulfillment_sets[0].id
  const {
    data: { fulfillment_set },
  } = await api.post(
    `/admin/fulfillment-sets/${fulfillmentSetId}/service-zones?fields=*service_zones`,
    {
      name: "Sverige",
      geo_zones: [{ type: "country", country_code: "se" }],
    },
    admin,
  )
  const serviceZoneId = fulfillment_set.service_zones[0].id

  const {
    data: { shipping_profiles },
  } = await api.get("/admin/shipping-profiles", admin)
  const profile =
    shipping_profiles.find((p: any) => p.type === "default") ??
    (await api.post("/admin/shipping-profiles", { name: "Default Shipping Profile", type: "default" }, admin)).data
      .shipping_profile

  const {
    data: { shipping_option },
  } = await api.post(
    "/admin/shipping-options",
    {
      name: "PostNord",
      service_zone_id: serviceZoneId,
      shipping_profile_id: profile.id,
      provider_id: "manual_manual",
      price_type: "flat",
      type: { label: "Standard", description: "2-3 dagar", code: "standard" },
      prices: [{ currency_code: "sek", amount: 49 }],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" },
        { attribute: "is_return", value: "false", operator: "eq" },
      ],
    },
    admin,
  )

  const product = async (title: string, sku: string, amount: number) => {
    const { data } = await api.post(
      "/admin/products",
      {
        title,
        status: "published",
        shipping_profile_id: profile.id,
        sales_channels: [{ id: sales_channel.id }],
        options: [{ title: "Variant", values: ["Standard"] }],
        variants: [
          {
            title: "Standard",
            sku,
            manage_inventory: false,
            options: { Variant: "Standard" },
            prices: [{ currency_code: "sek", amount }],
          },
        ],
      },
      admin,
    )
    return data.product
  }
  const chair = await product("Stol Ekbacken", "CHAIR-1", 250)
  const coffee = await product("Kaffe Mellanrost", "COFFEE-1", 33.33)
  const book = await product("Bok om Öresund", "BOOK-1", 99)
  await api.post(
    "/admin/tax-rates",
    {
      tax_region_id: tax_region.id,
      rate: 12,
      code: "SE12",
      name: "Moms 12%",
      rules: [{ reference: "product", reference_id: coffee.id }],
    },
    admin,
  )
  await api.post(
    "/admin/tax-rates",
    {
      tax_region_id: tax_region.id,
      rate: 6,
      code: "SE6",
      name: "Moms 6%",
      rules: [{ reference: "product", reference_id: book.id }],
    },
    admin,
  )

  return {
    regionId: region.id,
    salesChannelId: sales_channel.id,
    publishableKey: api_key.token,
    locationId: stock_location.id,
    shippingOptionId: shipping_option.id,
    chairVariantId: chair.variants[0].id,
    coffeeVariantId: coffee.variants[0].id,
    bookVariantId: book.variants[0].id,
  }
}
