/**
 * In-memory state of the Payment Order v3.1 part of the PayEx sandbox. Numbers and used payeeReferences are the
 * invoice sandbox's (PayexState): one payee, one reference space across both APIs and every operation.
 */
import type { PayexState } from "../state"
import { now } from "../state"

export const PAYMENT_ORDERS_PATH = "/psp/paymentorders"

export type PaymentOrderStatus = "Initialized" | "Paid" | "Cancelled" | "Reversed" | "Aborted" | "Failed"
export type PaymentOrderCurrency = "SEK" | "NOK"
export type FinancialTransactionType = "Authorization" | "Capture" | "Cancellation" | "Reversal"
export type OrderItemType = "PRODUCT" | "SERVICE" | "SHIPPING_FEE" | "PAYMENT_FEE" | "DISCOUNT" | "VALUE_CODE" | "OTHER"

export const INSTRUMENT_BY_CURRENCY: Record<PaymentOrderCurrency, string> = {
  SEK: "Invoice-PayExFinancingSe",
  NOK: "Invoice-PayExFinancingNo",
}

export interface OrderItem {
  reference: string
  name: string
  type: OrderItemType
  class: string
  itemUrl?: string
  imageUrl?: string
  description?: string
  discountDescription?: string
  quantity: number
  quantityUnit: string
  unitPrice: number
  discountPrice?: number
  vatPercent: number
  amount: number
  vatAmount: number
  restrictedToInstruments?: string[]
}

export interface FinancialTransaction {
  /** uuid; the resource is <order>/financialtransactions/<id> */
  id: string
  created: string
  updated: string
  type: FinancialTransactionType
  number: number
  amount: number
  vatAmount: number
  description: string
  payeeReference: string
  receiptReference?: string
  orderItems: OrderItem[]
}

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  problems?: Array<{ name: string; description: string }>
}

export interface FailedAttempt {
  created: string
  instrument: string
  number: number
  status: "Failed" | "Aborted"
  problem: Problem
}

export interface PostPurchaseFailedAttempt {
  created: string
  status: "Failed"
  type: "Capture" | "Cancellation" | "Reversal"
  number: number
  problem: Problem
}

export interface HistoryEntry {
  created: string
  name: string
  instrument?: string
  number?: number
  amount?: number
  initiatedBy: "Payer" | "Payee" | "PaymentGateway"
}

export interface PaymentOrderUrls {
  hostUrls: string[]
  paymentUrl?: string
  completeUrl: string
  cancelUrl: string
  callbackUrl?: string
  logoUrl?: string
  termsOfServiceUrl: string
}

export interface PaymentOrderPayeeInfo {
  payeeId: string
  payeeReference: string
  payeeName?: string
  orderReference?: string
  productCategory?: string
  subsite?: string
  siteId?: string
}

/** The prefilled payer, without the personal number: only its last 4 characters are kept. */
export interface PaymentOrderPayer {
  ssnLast4?: string
  countryCode?: string
  /** false when the prefilled number is a test person whose credit is not approved */
  creditApproved?: boolean
  firstName?: string
  lastName?: string
  email?: string
  msisdn?: string
  payerReference?: string
}

export interface PaymentOrderRecord {
  /** uuid; the resource is /psp/paymentorders/<id> */
  id: string
  created: string
  updated: string
  operation: "Purchase"
  status: PaymentOrderStatus
  currency: PaymentOrderCurrency
  amount: number
  vatAmount: number
  description: string
  /** the payer's browser user agent sent in the body */
  userAgent: string
  /** the merchant system's User-Agent header (echoed as initiatingSystemUserAgent) */
  initiatingSystemUserAgent: string
  language: string
  /** the requested instrument (Instrument Mode), if any */
  instrument?: string
  integration: "" | "Redirect" | "HostedView"
  urls: PaymentOrderUrls
  payeeInfo: PaymentOrderPayeeInfo
  payer?: PaymentOrderPayer
  orderItems: OrderItem[]
  remainingCaptureAmount: number
  remainingCancellationAmount: number
  remainingReversalAmount: number
  abortReason?: string
  financialTransactions: FinancialTransaction[]
  failedAttempts: FailedAttempt[]
  postPurchaseFailedAttempts: PostPurchaseFailedAttempt[]
  history: HistoryEntry[]
  /** consecutive failed capture / reversal attempts (5 lock the operation) */
  failedStreak: { Capture: number; Reversal: number }
}

export const MAX_FAILED_STREAK = 5

export const orderPath = (o: PaymentOrderRecord) => `${PAYMENT_ORDERS_PATH}/${o.id}`

/** The instrument the payer pays with: the requested one, or the currency's invoice. */
export const instrumentOf = (o: PaymentOrderRecord) => o.instrument ?? INSTRUMENT_BY_CURRENCY[o.currency]

export class PaymentOrderState {
  readonly orders = new Map<string, PaymentOrderRecord>()

  constructor(readonly shared: PayexState) {}

  /** Finds an order by its uuid or its id path `/psp/paymentorders/<uuid>` (case-insensitive). */
  get(idOrPath: string): PaymentOrderRecord | undefined {
    const id = idOrPath.replace(/^.*\/psp\/paymentorders\//i, "").replace(/\/+$/, "")
    return this.orders.get(id.toLowerCase())
  }

  history(o: PaymentOrderRecord, entry: Omit<HistoryEntry, "created">): void {
    o.history.push({ created: now(), ...entry })
  }

  addTransaction(
    o: PaymentOrderRecord,
    fields: Omit<FinancialTransaction, "id" | "number" | "created" | "updated">,
  ): FinancialTransaction {
    const at = now()
    const tx: FinancialTransaction = {
      ...fields,
      id: this.shared.newId(),
      number: this.shared.number(),
      created: at,
      updated: at,
    }
    o.financialTransactions.push(tx)
    o.updated = at
    return tx
  }

  reset(): void {
    this.orders.clear()
  }
}
