import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Resolver = { resolve: (key: string) => unknown }
type ProviderEntry = { id?: unknown; options?: unknown }

/**
 * The options a host gave a payment provider in medusa-config (`modules: [{ resolve: ".../payment", options:
 * { providers: [{ resolve, id, options }] } }]`), found by the provider id Medusa registers it under,
 * `pp_<identifier>_<id>`. Routes and workflows run outside the payment module's container and cannot reach the
 * provider instance, but every server instance reads the same configuration. `modules` is an object keyed by
 * module after defineConfig, and an array before it; both are read.
 */
export function paymentProviderOptions(
  container: Resolver,
  identifier: string,
  providerId: string,
): Record<string, unknown> | undefined {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as { modules?: unknown } | undefined
  const modules = Array.isArray(config?.modules)
    ? config.modules
    : Object.values((config?.modules ?? {}) as Record<string, unknown>)
  for (const mod of modules) {
    const providers = (mod as { options?: { providers?: unknown } } | undefined)?.options?.providers
    if (!Array.isArray(providers)) continue
    for (const entry of providers as ProviderEntry[]) {
      const id = typeof entry?.id === "string" && entry.id ? `pp_${identifier}_${entry.id}` : `pp_${identifier}`
      if (id === providerId && entry.options && typeof entry.options === "object")
        return entry.options as Record<string, unknown>
    }
  }
  return undefined
}
