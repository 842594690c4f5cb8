/**
 * Wire shapes of the Payer B2B API v2, as this plugin sends and reads them.
 *
 * Payer documents that new enum values and new response fields may appear at
 * any time, so every enum below is "known values | any string" and response
 * types only list the fields we read. Nothing here is validated strictly.
 *
 * Amounts are integer cents (öre) including VAT; VAT rates are basis points
 * (25 % = 2500), as Payer's WooCommerce integration sends them.
 */

/** `(string & {})` keeps editor completion for the known values while accepting any string. */
type OpenEnum<Known extends string> = Known | (string & {})

export type PayerDeliveryType = OpenEnum<"NONE" | "EMAIL" | "PRINT" | "EINVOICE" | "SMS">

export type PayerInvoiceStatus = OpenEnum<
  "UNPAID" | "PARTIALLY_PAID" | "PAID" | "CREDITED" | "PARTIALLY_CREDITED" | "OVERDUE"
>

export type PayerInvoiceType = OpenEnum<"NORMAL" | "CREDIT">

export type PayerCurrencyCode = OpenEnum<"SEK" | "NOK" | "DKK" | "EUR" | "GBP" | "USD" | "CHF">

/** POST /oauth2/token */
export interface PayerTokenResponse {
  access_token: string
  expires_in?: number
  scope?: string
  token_type?: string
}

/** Spring Boot's default error body; Payer may also answer with something else or nothing. */
export interface PayerErrorBody {
  timestamp?: string
  status?: number
  error?: string
  message?: string
  path?: string
}

/** One invoice line as sent to Payer (orders and manual credits). */
export interface PayerItem {
  itemType: "FREEFORM"
  position: number
  articleNumber?: string
  description: string
  quantity: number
  unit: "pcs"
  /** Incl. VAT, cents. */
  unitPrice: number
  /** Exactly unitPrice * quantity: Payer does not round for us. */
  subtotalPrice: number
  /** Basis points: 25 % = 2500. */
  vatPercentage: number
}

export interface PayerAddress {
  companyName: string
  firstName?: string
  lastName?: string
  streetAddress1: string
  streetAddress2?: string
  coAddress?: string
  zipCode: string
  city: string
  countryCode: string
  emailAddress?: string
  phoneNumber?: string
  yourReference?: string
}

export interface PayerInvoiceCustomer {
  customerType: "ORGANISATION"
  regNumber: string
  vatId?: string
  address: PayerAddress
}

/** POST /api/v2/orders */
export interface PayerCreateOrderRequest {
  currencyCode: PayerCurrencyCode
  purchaseChannel: "ECOMMERCE"
  /** The shop's own reference; also how an invoice is found again after a 409. */
  referenceId: string
  description?: string
  invoiceCustomer: PayerInvoiceCustomer
  items: PayerItem[]
}

export interface PayerCreateOrderResponse {
  orderId: number
  referenceId: string
}

/** POST /api/v2/orders/{orderId}/invoices (type is always NORMAL and added by the client). */
export interface PayerCreateInvoiceRequest {
  dueDays: number
  deliveryType: PayerDeliveryType
}

export interface PayerInvoiceItem {
  position: number
  articleNumber?: string | null
  description?: string | null
  quantity: number
  unit?: string | null
  unitPrice: number
  subtotalPrice: number
  vatPercentage: number
  vatAmount?: number | null
}

export interface PayerInvoice {
  invoiceNumber: number
  /** OCR number issued by Payer: store and show it, never invent it. */
  referenceNumber?: string | null
  referenceId?: string | null
  externalInvoiceNumber?: string | null
  orderId?: number | null
  orderReferenceId?: string | null
  type: PayerInvoiceType
  status: PayerInvoiceStatus
  currencyCode: PayerCurrencyCode
  invoiceDate?: string | null
  dueDate?: string | null
  deliveryType?: PayerDeliveryType | null
  totalAmount: number
  totalVatAmount?: number | null
  creditedAmount?: number | null
  outstandingAmount?: number | null
  creditedInvoiceNumber?: number | null
  standalone?: boolean | null
  publicInvoiceUrl?: string | null
  items?: PayerInvoiceItem[] | null
}

/**
 * What the client hands back for invoice creation and every credit call. Payer's own body may carry the
 * invoice at the top level or under `invoice`; answers.ts reads both into this one shape.
 */
export interface PayerInvoiceResponse {
  invoice: PayerInvoice
  /**
   * true when the POST's own answer was lost (409 on the retry) and the invoice was looked up instead: it is
   * Payer's invoice as it stands now, not the answer of the call that made it, so what the call changed
   * elsewhere (the credited original) cannot be read off it.
   */
  foundAgain?: true
}

/** GET .../invoices/batch and .../invoices/reg-number: 20 at a time. */
export interface PayerInvoiceBatch {
  invoices: PayerInvoice[]
  /** Present when more invoices exist; pass it as fromInvoiceNumber next time. */
  nextInvoiceNumber?: number | null
}

/** GET .../invoices/credit */
export interface PayerCreditInvoiceList {
  invoices: PayerInvoice[]
}

/** Exactly one way to name an invoice, for lookups. */
export type PayerInvoiceLookup =
  | { invoiceNumber: number; referenceId?: undefined; externalInvoiceNumber?: undefined }
  | { referenceId: string; invoiceNumber?: undefined; externalInvoiceNumber?: undefined }
  | { externalInvoiceNumber: string; invoiceNumber?: undefined; referenceId?: undefined }

/** Credits name the original invoice by its number or by its referenceId. */
export type PayerCreditTarget =
  { invoiceNumber: number; referenceId?: undefined } | { referenceId: string; invoiceNumber?: undefined }

interface PayerCreditCommon {
  /** true: not linked to the original invoice (usable as payment for another invoice). */
  standalone?: boolean
  /**
   * Unique, <= 36 chars. Always send one derived deterministically
   * (externalInvoiceNumberFor): it is how a credit is found again after a 409.
   */
  externalInvoiceNumber?: string
}

/** POST /api/v2/orders/invoices/credit/full */
export type PayerCreditFullRequest = PayerCreditTarget &
  PayerCreditCommon & {
    deliveryType?: PayerDeliveryType
    /** ISO date, not in the future; Payer defaults to today. */
    invoiceDate?: string
  }

/** POST /api/v2/orders/invoices/credit/partial: credits positions of the original invoice. */
export type PayerCreditPartialRequest = PayerCreditTarget &
  PayerCreditCommon & {
    items: Array<{ position: number; quantity: number }>
    invoiceDate?: string
  }

/** POST /api/v2/orders/invoices/credit/manual: credits free lines. */
export type PayerCreditManualRequest = PayerCreditTarget &
  PayerCreditCommon & {
    items: PayerItem[]
    deliveryType?: PayerDeliveryType
  }

/** PUT /api/v2/orders/invoices/send */
export interface PayerSendInvoiceRequest {
  invoiceNumber: number
  deliveryType: PayerDeliveryType
}

/** POST /api/v2/orders/invoices/pay-with-credit */
export interface PayerPayWithCreditRequest {
  creditInvoiceNumber: number
  toPayInvoiceNumber: number
  /** Cents, >= 1. */
  amount: number
}

/** POST /api/v2/orders/invoices/payout-credit */
export interface PayerPayoutCreditRequest {
  invoiceNumber: number
}

export interface PayerPayoutCreditResponse {
  amount: number
  currencyCode: PayerCurrencyCode
  payoutJobId?: string | null
  transactionMessage?: string | null
  /** Present when Payer pays out directly to a bank account. */
  bankAccountPayout?: { maskedAccountNumber?: string | null } | null
}

/** An event fetched by its token (GET /api/v1/events/{token}); read by lib/payer/events.ts. */
export interface PayerEvent {
  /** e.g. INVOICE_PAYMENT_RECEIVED; Payer may add types at any time */
  type: string
  /** the type's payload as Payer sent it; nothing in it is checked here */
  payload: Record<string, unknown>
}
