// Wire types of PayEx's `/psp/invoice` API (payment instruments v1), as in
// ../shared/api/payex-invoice-payments.txt. Only what the plugin reads or sends; PayEx may add fields.

export type PayexOperationRel =
  | "update-payment-abort"
  | "create-authorization"
  | "create-approved-legal-address"
  | "create-capture"
  | "create-cancellation"
  | "create-reversal"
  | (string & {})

export interface PayexOperation {
  href: string
  rel: PayexOperationRel
  method: string
}

export type PayexInvoiceType = "PayExFinancingSe" | "PayExFinancingNo" | "PayExFinancingFi"

export interface PayexPayment {
  id: string
  number: number
  state: "Ready" | "Pending" | "Failed" | "Aborted" | (string & {})
  currency: string
  amount: number
  remainingCaptureAmount?: number
  remainingCancellationAmount?: number
  remainingReversalAmount?: number
  description?: string
  payeeInfo?: { id: string }
  /** A link; with `$expand=transactions` PayEx inlines the list too. */
  transactions?: { id: string; transactionList?: PayexTransaction[] }
  /** The payment's reversals resource, which `create-reversal` POSTs to. */
  reversals?: { id: string }
}

export interface PayexPaymentResponse {
  payment: PayexPayment
  operations: PayexOperation[]
}

export type PayexTransactionType = "Authorization" | "Capture" | "Cancellation" | "Reversal" | (string & {})

export interface PayexTransaction {
  id: string
  created?: string
  updated?: string
  type: PayexTransactionType
  state: "Initialized" | "Completed" | "Failed" | "AwaitingActivity" | (string & {})
  number: number
  amount: number
  vatAmount: number
  description?: string
  payeeReference?: string
  failedReason?: string
}

export interface PayexAddress {
  addressee: string
  coAddress?: string
  streetAddress?: string
  zipCode: string
  city: string
  countryCode: string
}

export interface PayexLegalAddressResponse {
  payment: string
  approvedLegalAddress?: PayexAddress & { id: string }
  legalAddress?: PayexAddress & { id: string }
}

export interface PayexCreatePaymentRequest {
  payment: {
    operation: "FinancingConsumer"
    intent: "Authorization"
    currency: string
    prices: Array<{ type: "Invoice"; amount: number; vatAmount: number }>
    description: string
    payerReference?: string
    userAgent: string
    language: string
    urls?: { callbackUrl?: string }
    payeeInfo: { payeeId: string; payeeReference: string; payeeName?: string; orderReference?: string }
  }
  invoice: { invoiceType: PayexInvoiceType }
}

export interface PayexAuthorizationRequest {
  transaction: { activity: "FinancingConsumer" }
  consumer: {
    socialSecurityNumber: string
    customerNumber?: string
    name?: string
    email?: string
    msisdn: string
    ip: string
  }
  legalAddress: PayexAddress
  billingAddress?: PayexAddress
}

export interface PayexItemDescription {
  amount: number
  description: string
}

export interface PayexVatSummaryRow {
  amount: number
  vatPercent: number
  vatAmount: number
}

export interface PayexCaptureRequest {
  transaction: {
    activity: "FinancingConsumer"
    amount: number
    vatAmount: number
    payeeReference: string
    description: string
    itemDescriptions: PayexItemDescription[]
    vatSummary: PayexVatSummaryRow[]
  }
}

export interface PayexCancellationRequest {
  transaction: { activity: "FinancingConsumer"; payeeReference: string; description: string }
}

/** A reversal is a capture's transaction without the item and VAT lists (PayEx takes only the sums back). */
export interface PayexReversalRequest {
  transaction: Omit<PayexCaptureRequest["transaction"], "itemDescriptions" | "vatSummary">
}

/** Any transaction-creating answer: `{ payment, authorization|capture|cancellation|reversal: { transaction } }`. */
export type PayexTransactionResponse = { payment: string } & Record<string, unknown>

export interface PayexTransactionListResponse {
  payment: string
  transactions: { id: string; transactionList: PayexTransaction[] }
}

export interface PayexItemDescriptionsResponse {
  payment: string
  transaction: string
  itemDescriptions: {
    id: string
    itemDescriptionList: PayexItemDescription[]
    vatSummary: PayexVatSummaryRow[]
  }
}

export interface PayexPayeeInfoResponse {
  payment: string
  payeeInfo: { id: string; payeeId: string; payeeReference: string; payeeName?: string; orderReference?: string }
}

/** RFC 7807 problem details as PayEx sends them. */
export interface PayexProblem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  action?: string
  problems?: Array<{ name: string; description: string }>
}
