// The whole demo shop through the Admin API, in dependency order. Idempotent: each step finds what an earlier run
// made and creates only what is missing.
import { AdminApi } from "./admin-api"
import type { CountryCode } from "./demo-catalog"
import { seedBusinessCustomer } from "./seed-customer"
import { SeedLog } from "./seed-log"
import { seedProducts } from "./seed-products"
import { seedRegions, seedSalesChannel, seedStore, seedTaxRegions } from "./seed-regions"
import { seedShipping } from "./seed-shipping"

export interface DemoShop {
  publishableKey: string
  salesChannelId: string
  regionIds: Record<CountryCode, string>
  businessCustomerId: string
  /** what this run created (empty on a second run) */
  created: string[]
}

export async function seedDemoShop(baseUrl: string, login: { email: string; password: string }): Promise<DemoShop> {
  const api = await AdminApi.logIn(baseUrl, login)
  const log = new SeedLog()
  await seedStore(api)
  const { salesChannelId, publishableKey } = await seedSalesChannel(api, log)
  const regionIds = await seedRegions(api, log)
  const taxRegionIds = await seedTaxRegions(api, log)
  const stockLocationId = await seedShipping(api, log, salesChannelId)
  await seedProducts(api, log, { salesChannelId, stockLocationId, taxRegionIds })
  const businessCustomerId = await seedBusinessCustomer(api, log)
  return { publishableKey, salesChannelId, regionIds, businessCustomerId, created: log.lines }
}
