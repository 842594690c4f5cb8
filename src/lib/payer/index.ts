/** Payer B2B API v2: HTTP client, idempotency ids and the pure item mapping. */
export { PayerClient } from "./payer-client"
export { invoiceFromAnswer, invoicePageFromAnswer, invoicesFromAnswer } from "./answers"
export { PayerApiError, type PayerErrorCode } from "./payer-api-error"
export {
  buildPayerItems,
  manualCreditItems,
  sumItems,
  MAX_ARTICLE_NUMBER_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  type InvoiceLineInput,
  type MappedPayerItem,
} from "./items"
export { externalInvoiceNumberFor, requestIdFor, uuidV5, PAYER_REQUEST_ID_NAMESPACE } from "./request-id"
export type { PayerClientOptions, PayerLogger, PayerRequestOptions, PayerHttpMethod } from "./transport"
export type * from "./payer-api-types"
export { payerOutageStatus } from "./outage"
export {
  creditUsedPaidInvoice,
  eventFromAnswer,
  eventTokenOf,
  payloadNumber,
  EVENT_TOKEN_PATTERN,
  PAYER_SUBSCRIBED_EVENT_TYPES,
} from "./events"
