// The warehouse (stock location) that serves the sales channel, and one shipping option per country in its own
// service zone, priced in that country's currency. Looked up before created, like every seed step.
import type { AdminApi } from "./admin-api"
import { COUNTRIES, STOCK_LOCATION_NAME, majorUnits } from "./demo-catalog"
import type { SeedLog } from "./seed-log"

type Row = { id: string; name?: string; [key: string]: unknown }
type Location = Row & {
  sales_channels?: Row[]
  fulfillment_providers?: Row[]
  fulfillment_sets?: Array<Row & { type: string; service_zones: Array<Row & { shipping_options?: Row[] }> }>
}

const FULFILLMENT_SET_NAME = "Demo shipping"
const LOCATION_FIELDS =
  "id,name,*sales_channels,*fulfillment_providers,*fulfillment_sets,*fulfillment_sets.service_zones,*fulfillment_sets.service_zones.shipping_options"

async function location(api: AdminApi, id: string): Promise<Location> {
  return (await api.get<{ stock_location: Location }>(`/admin/stock-locations/${id}?fields=${LOCATION_FIELDS}`))
    .stock_location
}

export async function defaultShippingProfileId(api: AdminApi): Promise<string> {
  const { shipping_profiles } = await api.get<{ shipping_profiles: Array<Row & { type: string }> }>(
    "/admin/shipping-profiles?limit=100",
  )
  const found = shipping_profiles.find((p) => p.type === "default")
  if (found) return found.id
  const { shipping_profile } = await api.post<{ shipping_profile: Row }>("/admin/shipping-profiles", {
    name: "Default Shipping Profile",
    type: "default",
  })
  return shipping_profile.id
}

export async function seedShipping(api: AdminApi, log: SeedLog, salesChannelId: string): Promise<string> {
  const { stock_locations } = await api.get<{ stock_locations: Row[] }>(
    "/admin/stock-locations?limit=100&fields=id,name",
  )
  let stockLocationId = stock_locations.find((l) => l.name === STOCK_LOCATION_NAME)?.id
  if (!stockLocationId) {
    stockLocationId = (await api.post<{ stock_location: Row }>("/admin/stock-locations", { name: STOCK_LOCATION_NAME }))
      .stock_location.id
    log.created("stock location", STOCK_LOCATION_NAME)
  }
  let loc = await location(api, stockLocationId)
  if (!loc.sales_channels?.some((c) => c.id === salesChannelId))
    await api.post(`/admin/stock-locations/${loc.id}/sales-channels`, { add: [salesChannelId] })
  if (!loc.fulfillment_providers?.some((p) => p.id === "manual_manual"))
    await api.post(`/admin/stock-locations/${loc.id}/fulfillment-providers`, { add: ["manual_manual"] })
  if (!loc.fulfillment_sets?.some((s) => s.type === "shipping")) {
    await api.post(`/admin/stock-locations/${loc.id}/fulfillment-sets`, {
      name: FULFILLMENT_SET_NAME,
      type: "shipping",
    })
  }
  loc = await location(api, stockLocationId)
  const set = loc.fulfillment_sets!.find((s) => s.type === "shipping")!
  const profileId = await defaultShippingProfileId(api)

  for (const country of COUNTRIES) {
    let zone = set.service_zones.find((z) => z.name === country.regionName)
    if (!zone) {
      await api.post(`/admin/fulfillment-sets/${set.id}/service-zones`, {
        name: country.regionName,
        geo_zones: [{ type: "country", country_code: country.code }],
      })
      zone = (await location(api, stockLocationId))
        .fulfillment_sets!.find((s) => s.id === set.id)!
        .service_zones.find((z) => z.name === country.regionName)!
    }
    if (zone.shipping_options?.length) continue
    await api.post("/admin/shipping-options", {
      name: country.shipping.name,
      service_zone_id: zone.id,
      shipping_profile_id: profileId,
      provider_id: "manual_manual",
      price_type: "flat",
      type: { label: "Standard", description: country.shipping.description, code: "standard" },
      prices: [{ currency_code: country.currency, amount: majorUnits(country.shipping.priceMinor) }],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" },
        { attribute: "is_return", value: "false", operator: "eq" },
      ],
    })
    log.created("shipping option", `${country.shipping.name} (${country.regionName})`)
  }
  return stockLocationId
}
