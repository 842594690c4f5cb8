import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { paymentProviderOptions } from "../../../lib/medusa/payment-provider-options"
import { PAYEX_INVOICE_PROVIDER_IDENTIFIER } from "../../../lib/payex-invoice/provider-options"
import { SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER } from "../../../lib/swedbankpay-invoice/provider-options"

/**
 * The merchant token of the PayEx (or Swedbank Pay) provider a payment was made with, read from the host's configuration.
 * The workflows sign their hand-overs to the provider with a key derived from it (see
 * lib/payex-invoice/session-trust.ts): every server instance has the same configuration, and the provider checks the
 * signature with the token it was constructed with.
 */
export function payexTokenFor(container: MedusaContainer, providerId: string): string {
  const options = [PAYEX_INVOICE_PROVIDER_IDENTIFIER, SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER]
    .map((identifier) => paymentProviderOptions(container, identifier, providerId))
    .find(Boolean)
  if (typeof options?.token === "string" && options.token && options.payeeId) return options.token
  throw new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `No PayEx provider options found for ${providerId} in the payment module's configuration`,
  )
}
