import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PayexInvoiceProviderService } from "../../../services/payex-invoice"

/**
 * The merchant token of the PayEx provider a payment was made with, read from the host's configuration
 * (`modules.payment.options.providers[]`). The workflows sign their hand-overs to the provider with a key
 * derived from it (see services/payex-trust.ts): every server instance has the same configuration, and the
 * provider checks the signature with the token it was constructed with.
 */
export function payexTokenFor(container: MedusaContainer, providerId: string): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as { modules?: unknown }
  const modules = Array.isArray(config.modules) ? config.modules : Object.values((config.modules ?? {}) as Record<string, unknown>)
  for (const mod of modules as Array<{ options?: { providers?: unknown } } | boolean | undefined>) {
    const providers = typeof mod === "object" && Array.isArray(mod?.options?.providers) ? mod.options.providers : []
    for (const p of providers as Array<{ id?: string; options?: { token?: unknown; payeeId?: unknown } }>) {
      const token = p?.options?.token
      const key = `pp_${PayexInvoiceProviderService.identifier}${p?.id ? `_${p.id}` : ""}`
      if (key === providerId && typeof token === "string" && token && p.options?.payeeId) return token
    }
  }
  throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `No PayEx provider options found for ${providerId} in the payment module's configuration`)
}
