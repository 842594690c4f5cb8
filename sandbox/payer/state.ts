/**
 * The Payer sandbox's in-memory store and its types. Everything is plain data so tests can inspect it
 * (`sandbox.state.invoices.get(1001)`), and everything is reset by `resetStore`.
 */

export const CURRENCY_CODES = ["DKK", "EUR", "GBP", "NOK", "SEK", "USD", "CHF"] as const
export type CurrencyCode = (typeof CURRENCY_CODES)[number]

export const DELIVERY_TYPES = ["NONE", "EMAIL", "PRINT", "EINVOICE", "SMS"] as const
export type DeliveryType = (typeof DELIVERY_TYPES)[number]

export const CUSTOMER_TYPES = ["ORGANISATION", "PERSON"] as const
export type CustomerType = (typeof CUSTOMER_TYPES)[number]

export type InvoiceType = "NORMAL" | "CREDIT"
export type InvoiceStatus = "UNPAID" | "PARTIALLY_PAID" | "PAID" | "CREDITED" | "PARTIALLY_CREDITED" | "OVERDUE"
export type OrderStatus = "CREATED" | "APPROVED" | "INVOICED" | "CANCELLED"

export interface Address {
  companyName: string | null
  firstName: string | null
  lastName: string | null
  streetAddress1: string
  streetAddress2: string | null
  coAddress: string | null
  zipCode: string
  city: string
  countryCode: string
  emailAddress: string | null
  phoneNumber: string | null
  yourReference: string | null
}

export interface Customer {
  customerType: CustomerType | null
  regNumber: string | null
  vatId: string | null
  address: Address
}

export interface OrderItem {
  itemType: "FREEFORM"
  position: number
  articleNumber: string | null
  description: string
  quantity: number
  unit: string | null
  /** incl. VAT, cents */
  unitPrice: number
  /** incl. VAT, cents; always unitPrice * quantity */
  subtotalPrice: number
  /** basis points: 2500 = 25 % */
  vatPercentage: number
}

export interface StoredOrder {
  orderId: number
  referenceId: string
  currencyCode: CurrencyCode
  purchaseChannel: "ECOMMERCE"
  description: string | null
  invoiceCustomer: Customer
  deliveryCustomer: Customer | null
  items: OrderItem[]
  status: OrderStatus
  createdAt: string
  approvedAt: string | null
  cancelledAt: string | null
  invoiceNumber: number | null
}

export interface InvoiceItem {
  position: number
  articleNumber: string | null
  description: string
  quantity: number
  unit: string | null
  unitPrice: number
  subtotalPrice: number
  vatPercentage: number
  vatAmount: number
}

/** The Invoice object as the API returns it. All amounts are positive integers in cents, credits included. */
export interface Invoice {
  invoiceNumber: number
  referenceNumber: string
  referenceId: string | null
  externalInvoiceNumber: string | null
  orderId: number
  orderReferenceId: string
  type: InvoiceType
  status: InvoiceStatus
  currencyCode: CurrencyCode
  invoiceDate: string
  dueDate: string
  deliveryType: DeliveryType
  totalAmount: number
  totalVatAmount: number
  creditedAmount: number
  outstandingAmount: number
  creditedInvoiceNumber: number | null
  standalone: boolean
  publicInvoiceUrl: string
  items: InvoiceItem[]
}

export interface InvoiceSend {
  deliveryType: DeliveryType
  at: string
}

export type PaymentSource = "CUSTOMER" | "CREDIT_INVOICE" | "PAYOUT" | "WRITE_OFF"

/** Money movements on an invoice (for a credit: what was used from it). */
export interface InvoicePayment {
  source: PaymentSource
  amount: number
  at: string
  /** pay-with-credit: the other invoice involved */
  counterpartInvoiceNumber?: number
  payoutJobId?: string
}

/** Per NORMAL invoice: what has been credited so far, standalone credits included. */
export interface CreditLedger {
  /** position -> quantity and amount credited by partial (and full) credits */
  byPosition: Record<number, { quantity: number; amount: number }>
  /** vatPercentage -> amount credited by manual credits */
  manualByVat: Record<number, number>
  /** everything credited, linked and standalone */
  total: number
}

export interface StoredInvoice extends Omit<Invoice, "publicInvoiceUrl"> {
  /** secret part of publicInvoiceUrl */
  publicToken: string
  sends: InvoiceSend[]
  payments: InvoicePayment[]
  /** NORMAL invoices only (null on credits) */
  creditLedger: CreditLedger | null
  /** NORMAL invoices: numbers of the credit invoices issued against it (standalone included) */
  creditInvoiceNumbers: number[]
  createdAt: string
}

export interface IssuedToken {
  token: string
  issuedAt: number
  expiresAt: number
}

/** A callback URL registered for one event type (POST /api/v1/events/callbacks). */
export interface EventCallback {
  type: string
  url: string
  registeredAt: string
}

/** One call of a registered URL: its HTTP status, or "error" when the URL could not be reached. */
export interface EventDeliveryAttempt {
  url: string
  at: string
  status: number | "error"
}

/** An event as Payer keeps it: fetched by its token until acknowledged, delivered to `urls` until then. */
export interface StoredEvent {
  token: string
  type: string
  payload: Record<string, unknown>
  createdAt: string
  /** the URLs registered for the type when the event happened (later registrations get nothing) */
  urls: string[]
  attempts: EventDeliveryAttempt[]
  acknowledgedAt: string | null
}

export interface PayerStore {
  orders: Map<number, StoredOrder>
  invoices: Map<number, StoredInvoice>
  tokens: Map<string, IssuedToken>
  /** Payer-Request-ID values of successfully handled requests */
  handledRequestIds: Set<string>
  /** event callbacks: merchant configuration, kept by resetStore like tokens */
  callbacks: EventCallback[]
  /** events by token, in creation order */
  events: Map<string, StoredEvent>
  /** told about every new event (the delivery schedule, see event-delivery.ts) */
  onEvent?: (event: StoredEvent) => void
  tokensIssued: number
  nextOrderId: number
  nextInvoiceNumber: number
  firstInvoiceNumber: number
}

export const FIRST_ORDER_ID = 700001

export function createStore(firstInvoiceNumber: number): PayerStore {
  return {
    orders: new Map(),
    invoices: new Map(),
    tokens: new Map(),
    handledRequestIds: new Set(),
    callbacks: [],
    events: new Map(),
    tokensIssued: 0,
    nextOrderId: FIRST_ORDER_ID,
    nextInvoiceNumber: firstInvoiceNumber,
    firstInvoiceNumber,
  }
}

/**
 * Back to an empty sandbox: orders, invoices, handled request ids and numbering start over and
 * `tokensIssued` restarts at 0. Issued tokens and registered event callbacks stay (credentials and merchant
 * configuration, not business data); events are forgotten.
 */
export function resetStore(store: PayerStore): void {
  store.orders.clear()
  store.invoices.clear()
  store.handledRequestIds.clear()
  store.events.clear()
  store.tokensIssued = 0
  store.nextOrderId = FIRST_ORDER_ID
  store.nextInvoiceNumber = store.firstInvoiceNumber
}

/** The public Invoice view of a stored invoice (a deep copy; internal fields left out). */
export function toInvoice(stored: StoredInvoice, baseUrl: string): Invoice {
  return {
    invoiceNumber: stored.invoiceNumber,
    referenceNumber: stored.referenceNumber,
    referenceId: stored.referenceId,
    externalInvoiceNumber: stored.externalInvoiceNumber,
    orderId: stored.orderId,
    orderReferenceId: stored.orderReferenceId,
    type: stored.type,
    status: stored.status,
    currencyCode: stored.currencyCode,
    invoiceDate: stored.invoiceDate,
    dueDate: stored.dueDate,
    deliveryType: stored.deliveryType,
    totalAmount: stored.totalAmount,
    totalVatAmount: stored.totalVatAmount,
    creditedAmount: stored.creditedAmount,
    outstandingAmount: stored.outstandingAmount,
    creditedInvoiceNumber: stored.creditedInvoiceNumber,
    standalone: stored.standalone,
    publicInvoiceUrl: `${baseUrl}/invoices/${stored.invoiceNumber}/${stored.publicToken}`,
    items: stored.items.map((item) => ({ ...item })),
  }
}
