// Store currencies, the sales channel and its publishable key, one region per country with its payment providers
// (Swedbank Pay in Sweden and Norway), and each country's tax region with its default VAT. Every step looks first and creates only what is
// missing, so a second run changes nothing.
import type { AdminApi } from "./admin-api"
import { COUNTRIES, PUBLISHABLE_KEY_TITLE, SALES_CHANNEL_NAME, type CountryCode } from "./demo-catalog"
import type { SeedLog } from "./seed-log"

type Row = { id: string; [key: string]: unknown }

export async function seedStore(api: AdminApi) {
  const { stores } = await api.get<{ stores: Row[] }>("/admin/stores")
  // Tax-inclusive prices in all three currencies: PayEx and Payer get gross line amounts with their VAT rates.
  await api.post(`/admin/stores/${stores[0].id}`, {
    name: "PayEx & Payer demo",
    supported_currencies: COUNTRIES.map((c, i) => ({
      currency_code: c.currency,
      is_default: i === 0,
      is_tax_inclusive: true,
    })),
  })
}

export async function seedSalesChannel(
  api: AdminApi,
  log: SeedLog,
): Promise<{ salesChannelId: string; publishableKey: string }> {
  const { sales_channels } = await api.get<{ sales_channels: Row[] }>(
    `/admin/sales-channels?name=${encodeURIComponent(SALES_CHANNEL_NAME)}`,
  )
  let channel = sales_channels[0]
  if (!channel) {
    channel = (await api.post<{ sales_channel: Row }>("/admin/sales-channels", { name: SALES_CHANNEL_NAME }))
      .sales_channel
    log.created("sales channel", SALES_CHANNEL_NAME)
  }
  const { api_keys } = await api.get<{ api_keys: Array<Row & { title: string; token: string }> }>(
    "/admin/api-keys?type=publishable&limit=100&fields=id,title,token,revoked_at,*sales_channels",
  )
  let key = api_keys.find((k) => k.title === PUBLISHABLE_KEY_TITLE && !k.revoked_at)
  if (!key) {
    key = (
      await api.post<{ api_key: typeof key }>("/admin/api-keys", { title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
    ).api_key!
    log.created("publishable key", PUBLISHABLE_KEY_TITLE)
  }
  const linked = ((key.sales_channels as Row[] | undefined) ?? []).some((c) => c.id === channel.id)
  if (!linked) await api.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] })
  return { salesChannelId: channel.id, publishableKey: key.token }
}

export async function seedRegions(api: AdminApi, log: SeedLog): Promise<Record<CountryCode, string>> {
  const { regions } = await api.get<{ regions: Array<Row & { countries: Array<{ iso_2: string }> }> }>(
    "/admin/regions?limit=100&fields=id,name,currency_code,*countries,*payment_providers",
  )
  const ids = {} as Record<CountryCode, string>
  for (const country of COUNTRIES) {
    const existing = regions.find((r) => r.countries.some((c) => c.iso_2 === country.code))
    if (existing) {
      const providers = ((existing.payment_providers as Row[] | undefined) ?? []).map((p) => p.id)
      // A region seeded before a provider was added gets it (a demo database outlives code changes).
      if (country.paymentProviders.some((p) => !providers.includes(p))) {
        await api.post(`/admin/regions/${existing.id}`, { payment_providers: country.paymentProviders })
        log.created("payment providers of region", String(existing.name))
      }
      ids[country.code] = existing.id
      continue
    }
    const { region } = await api.post<{ region: Row }>("/admin/regions", {
      name: country.regionName,
      currency_code: country.currency,
      countries: [country.code],
      payment_providers: country.paymentProviders,
      automatic_taxes: true,
      is_tax_inclusive: true,
    })
    log.created("region", `${country.regionName} (${country.currency.toUpperCase()})`)
    ids[country.code] = region.id
  }
  return ids
}

/** Each country's tax region (Medusa's system tax provider) with its standard rate; answers their ids. */
export async function seedTaxRegions(api: AdminApi, log: SeedLog): Promise<Record<CountryCode, string>> {
  const ids = {} as Record<CountryCode, string>
  for (const country of COUNTRIES) {
    const { tax_regions } = await api.get<{ tax_regions: Array<Row & { parent_id: string | null }> }>(
      `/admin/tax-regions?country_code=${country.code}`,
    )
    const existing = tax_regions.find((t) => !t.parent_id)
    if (existing) {
      ids[country.code] = existing.id
      continue
    }
    const code = `${country.code.toUpperCase()}${country.defaultVat}`
    const { tax_region } = await api.post<{ tax_region: Row }>("/admin/tax-regions", {
      country_code: country.code,
      provider_id: "tp_system",
      default_tax_rate: { rate: country.defaultVat, code, name: `VAT ${country.defaultVat} %` },
    })
    log.created("tax region", `${country.code.toUpperCase()} (default ${country.defaultVat} %)`)
    ids[country.code] = tax_region.id
  }
  return ids
}
