import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { paymentProviderOptions } from "../../../lib/medusa/payment-provider-options"
import { PAYEX_INVOICE_PROVIDER_IDENTIFIER } from "../../../lib/payex-invoice/provider-options"

/**
 * The merchant token of the PayEx provider a payment was made with, read from the host's configuration.
 * The workflows sign their hand-overs to the provider with a key derived from it (see
 * lib/payex-invoice/session-trust.ts): every server instance has the same configuration, and the provider checks the
 * signature with the token it was constructed with.
 */
export function payexTokenFor(container: MedusaContainer, providerId: string): string {
  const options = paymentProviderOptions(container, PAYEX_INVOICE_PROVIDER_IDENTIFIER, providerId)
  if (typeof options?.token === "string" && options.token && options.payeeId) return options.token
  throw new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `No PayEx provider options found for ${providerId} in the payment module's configuration`,
  )
}
