// Swedbank Pay Payment Order API v3.1 shapes the plugin sends and reads (../shared notes:
// swedbankpay-paymentorder-v3.md). Answers are read tolerantly (payment-order-reads.ts): every field optional.
import type { PayexOperation } from "../payex"

export type SwedbankPayInstrument = "Invoice-PayExFinancingSe" | "Invoice-PayExFinancingNo"

export interface SwedbankPayOrderItem {
  reference: string
  name: string
  type: "PRODUCT" | "SERVICE" | "SHIPPING_FEE" | "PAYMENT_FEE" | "DISCOUNT" | "VALUE_CODE" | "OTHER"
  class: string
  quantity: number
  quantityUnit: string
  unitPrice: number
  vatPercent: number
  amount: number
  vatAmount: number
}

export interface SwedbankPayUrls {
  hostUrls: string[]
  completeUrl: string
  cancelUrl: string
  paymentUrl?: string
  callbackUrl?: string
  termsOfServiceUrl?: string
}

/** What the storefront may prefill on Swedbank Pay's page (never stored by the plugin). */
export interface SwedbankPayPayerPrefill {
  email?: string
  msisdn?: string
  nationalIdentifier?: { socialSecurityNumber: string; countryCode: string }
}

export interface SwedbankPayCreateRequest {
  paymentorder: {
    operation: "Purchase"
    currency: string
    amount: number
    vatAmount: number
    description: string
    userAgent: string
    language: string
    instrument: SwedbankPayInstrument
    urls: SwedbankPayUrls
    payeeInfo: { payeeId: string; payeeReference: string; payeeName?: string; orderReference?: string }
    payer?: SwedbankPayPayerPrefill
    orderItems: SwedbankPayOrderItem[]
  }
}

export interface SwedbankPayTransactionRequest {
  transaction: {
    description: string
    payeeReference: string
    amount?: number
    vatAmount?: number
    orderItems?: SwedbankPayOrderItem[]
  }
}

export interface SwedbankPayFinancialTransaction {
  id?: string
  type?: string
  number?: number
  amount?: number
  vatAmount?: number
  payeeReference?: string
}

/** A payment order as the plugin reads it: the fields it acts on, all optional (payment-order-reads.ts). */
export interface SwedbankPayPaymentOrder {
  id: string
  status?: string
  currency?: string
  amount?: number
  vatAmount?: number
  instrument?: string
  remainingCaptureAmount?: number
  remainingCancellationAmount?: number
  remainingReversalAmount?: number
  paid?: { transactionType?: string; amount?: number; number?: number; payeeReference?: string }
  financialTransactions?: { financialTransactionsList?: SwedbankPayFinancialTransaction[] }
}

export interface SwedbankPayPaymentOrderResponse {
  paymentOrder: SwedbankPayPaymentOrder
  operations: PayexOperation[]
}
