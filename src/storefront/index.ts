/**
 * `medusa-plugin-payex-payer/storefront`: what a storefront needs to offer PayEx invoice and Payer B2B.
 * Framework-free on purpose: it runs in the browser or a Next.js server action, takes the storefront's own
 * `Medusa` js-sdk instance, and imports only types from @medusajs/js-sdk (a unit test walks the imports).
 * See docs/storefront-nextjs.md for the Medusa Next.js starter.
 */
export {
  PAYEX_INVOICE_PROVIDER_ID,
  PAYER_B2B_PROVIDER_ID,
  PAYER_DELIVERY_TYPES,
  PayerCompanyInputError,
  isPayexInvoiceProvider,
  isPayerB2BProvider,
  payexInvoiceCountry,
  payexInvoiceSessionData,
  payerCompanyProblems,
  payerCompanySessionData,
} from "./providers"
export type {
  PayexInvoiceCountry,
  PayerCompanyField,
  PayerCompanyInput,
  PayerCompanyProblem,
  PayerCompanySessionData,
  PayerDeliveryType,
} from "./providers"
export { AUTHORIZE_PATH, LEGAL_ADDRESS_PATH, authorizePayexInvoice, lookUpLegalAddress } from "./payex-routes"
export type {
  AuthorizePayexInvoiceInput,
  LookUpLegalAddressInput,
  PayexAddress,
  PayexLegalAddress,
  StorefrontCallOptions,
  StorefrontSdk,
} from "./payex-routes"
export { PAYEX_ERROR_MESSAGES, describePayexError, payexErrorKind, payexErrorMessage } from "./payex-errors"
export type { PayexErrorDescription, PayexErrorKind } from "./payex-errors"
