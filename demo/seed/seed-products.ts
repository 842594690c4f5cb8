// The products, priced in all three currencies, their per-country VAT rates (tax rates with a product rule), and
// their stock in the demo warehouse. Looked up by handle and tax rate code before anything is created.
import type { AdminApi } from "./admin-api"
import { COUNTRIES, PRODUCTS, majorUnits, type CountryCode } from "./demo-catalog"
import type { SeedLog } from "./seed-log"
import { defaultShippingProfileId } from "./seed-shipping"

type Row = { id: string; [key: string]: unknown }
type Product = Row & { variants: Array<Row & { inventory_items?: Array<{ inventory_item_id: string }> }> }

export async function seedProducts(
  api: AdminApi,
  log: SeedLog,
  input: { salesChannelId: string; stockLocationId: string; taxRegionIds: Record<CountryCode, string> },
) {
  const profileId = await defaultShippingProfileId(api)
  for (const item of PRODUCTS) {
    const fields = "id,handle,*variants,*variants.inventory_items"
    let product = (await api.get<{ products: Product[] }>(`/admin/products?handle=${item.handle}&fields=${fields}`))
      .products[0]
    if (!product) {
      await api.post("/admin/products", {
        title: item.title,
        handle: item.handle,
        description: item.description,
        status: "published",
        shipping_profile_id: profileId,
        sales_channels: [{ id: input.salesChannelId }],
        options: [{ title: "Variant", values: ["Standard"] }],
        variants: [
          {
            title: "Standard",
            sku: item.sku,
            manage_inventory: true,
            options: { Variant: "Standard" },
            prices: Object.entries(item.prices).map(([currency_code, minor]) => ({
              currency_code,
              amount: majorUnits(minor),
            })),
          },
        ],
      })
      log.created("product", item.title)
      product = (await api.get<{ products: Product[] }>(`/admin/products?handle=${item.handle}&fields=${fields}`))
        .products[0]
    }

    for (const country of COUNTRIES) {
      const rate = item.vat[country.code]
      if (rate === undefined) continue
      const code = `${country.code.toUpperCase()}${rate}-${item.sku}`
      const taxRegionId = input.taxRegionIds[country.code]
      const { tax_rates } = await api.get<{ tax_rates: Array<Row & { code: string }> }>(
        `/admin/tax-rates?tax_region_id=${taxRegionId}&limit=100&fields=id,code`,
      )
      if (tax_rates.some((t) => t.code === code)) continue
      await api.post("/admin/tax-rates", {
        tax_region_id: taxRegionId,
        rate,
        code,
        name: `VAT ${rate} %`,
        rules: [{ reference: "product", reference_id: product.id }],
      })
      log.created("tax rate", `${country.code.toUpperCase()} ${rate} % on ${item.title}`)
    }

    const inventoryItemId = product.variants[0].inventory_items?.[0]?.inventory_item_id
    if (!inventoryItemId) throw new Error(`${item.title} has no inventory item`)
    const { inventory_levels } = await api.get<{ inventory_levels: Array<Row & { location_id: string }> }>(
      `/admin/inventory-items/${inventoryItemId}/location-levels`,
    )
    if (!inventory_levels.some((l) => l.location_id === input.stockLocationId)) {
      await api.post(`/admin/inventory-items/${inventoryItemId}/location-levels`, {
        location_id: input.stockLocationId,
        stocked_quantity: item.stock,
      })
      log.created("stock", `${item.stock} × ${item.title}`)
    }
  }
}
