/**
 * `medusa-plugin-payex-payer/storefront`: what a storefront needs to offer PayEx invoice, Swedbank Pay invoice
 * (Payment Order v3.1, redirect or seamless view) and Payer B2B.
 * Framework-free on purpose: it runs in the browser or a Next.js server action, takes the storefront's own
 * `Medusa` js-sdk instance, and imports only types from @medusajs/js-sdk (a unit test walks the imports).
 * See docs/storefront-nextjs.md for the Medusa Next.js starter.
 */
export {
  PAYEX_INVOICE_PROVIDER_ID,
  PAYER_B2B_PROVIDER_ID,
  PAYER_DELIVERY_TYPES,
  PayerCompanyInputError,
  SWEDBANKPAY_INVOICE_PROVIDER_ID,
  isPayexInvoiceProvider,
  isPayerB2BProvider,
  isSwedbankPayInvoiceProvider,
  payexInvoiceCountry,
  payexInvoiceSessionData,
  payerCompanyProblems,
  payerCompanySessionData,
  swedbankPayInvoiceCountry,
  swedbankPayInvoiceSessionData,
} from "./providers"
export type {
  PayexInvoiceCountry,
  PayerCompanyField,
  PayerCompanyInput,
  PayerCompanyProblem,
  PayerCompanySessionData,
  PayerDeliveryType,
  SwedbankPayInvoiceInput,
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
export { completeSwedbankPayReturn, startSwedbankPayInvoice } from "./swedbankpay-checkout"
export type {
  StartSwedbankPayInvoiceInput,
  SwedbankPayInvoiceCheckout,
  SwedbankPayReturn,
} from "./swedbankpay-checkout"
export {
  SWEDBANKPAY_ERROR_MESSAGES,
  SwedbankPayCheckoutError,
  describeSwedbankPayError,
  swedbankPayErrorKind,
} from "./swedbankpay-errors"
export type { SwedbankPayErrorDescription, SwedbankPayErrorKind } from "./swedbankpay-errors"
