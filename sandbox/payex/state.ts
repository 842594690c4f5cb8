/** In-memory state of the PayEx sandbox: payments, their transactions and the payee's used payeeReferences. */
import { randomUUID } from "node:crypto"
import type { Country, SandboxAddress } from "./test-data"

export type Currency = "SEK" | "NOK" | "EUR"
export type InvoiceType = "PayExFinancingSe" | "PayExFinancingNo" | "PayExFinancingFi"
export type PaymentState = "Ready" | "Pending" | "Failed" | "Aborted"
export type TransactionType = "Authorization" | "Capture" | "Cancellation" | "Reversal"
export type TransactionState = "Initialized" | "Completed" | "Failed" | "AwaitingActivity"

export const COUNTRY_BY_CURRENCY: Record<Currency, { country: Country; invoiceType: InvoiceType }> = {
  SEK: { country: "SE", invoiceType: "PayExFinancingSe" },
  NOK: { country: "NO", invoiceType: "PayExFinancingNo" },
  EUR: { country: "FI", invoiceType: "PayExFinancingFi" },
}

export interface ItemDescription {
  amount: number
  description: string
}

export interface VatSummaryRow {
  amount: number
  vatPercent: number
  vatAmount: number
}

export interface TransactionRecord {
  /** uuid; the resource is /psp/invoice/payments/<paymentId>/transactions/<id> */
  id: string
  type: TransactionType
  state: TransactionState
  number: number
  created: string
  updated: string
  amount: number
  vatAmount: number
  description: string
  payeeReference: string
  failedReason: string
  itemDescriptions?: ItemDescription[]
  vatSummary?: VatSummaryRow[]
}

export interface PaymentUrls {
  completeUrl?: string
  cancelUrl?: string
  callbackUrl?: string
  hostUrls?: string[]
  logoUrl?: string
  termsOfServiceUrl?: string
}

export interface PayeeInfo {
  payeeId: string
  payeeReference: string
  payeeName?: string
  productCategory?: string
  orderReference?: string
  subsite?: string
}

/** The consumer of the authorization, without the personal number (the sandbox keeps only its last 4 characters). */
export interface ConsumerRecord {
  ssnLast4: string
  customerNumber?: string
  name?: string
  email?: string
  msisdn: string
  ip: string
}

export interface PaymentRecord {
  /** uuid; the resource is /psp/invoice/payments/<id> */
  id: string
  number: number
  created: string
  updated: string
  state: PaymentState
  operation: "FinancingConsumer"
  intent: "Authorization"
  currency: Currency
  country: Country
  invoiceType: InvoiceType
  amount: number
  vatAmount: number
  description: string
  payerReference?: string
  userAgent: string
  language: string
  urls: PaymentUrls
  payeeInfo: PayeeInfo
  remainingCaptureAmount: number
  remainingCancellationAmount: number
  remainingReversalAmount: number
  abortReason?: string
  approvedLegalAddress?: SandboxAddress
  legalAddress?: SandboxAddress
  billingAddress?: SandboxAddress
  consumer?: ConsumerRecord
  transactions: TransactionRecord[]
}

export const now = () => new Date().toISOString()

export class PayexState {
  readonly payments = new Map<string, PaymentRecord>()
  /** every payeeReference this payee has used successfully (payment creation and every transaction) */
  readonly usedPayeeReferences = new Set<string>()
  private nextNumber = 70_100_000_001

  number(): number {
    return this.nextNumber++
  }

  newId(): string {
    return randomUUID()
  }

  isReferenceUsed(reference: string): boolean {
    return this.usedPayeeReferences.has(reference)
  }

  useReference(reference: string): void {
    this.usedPayeeReferences.add(reference)
  }

  get(id: string): PaymentRecord | undefined {
    return this.payments.get(id.toLowerCase())
  }

  isAuthorized(p: PaymentRecord): boolean {
    return p.transactions.some((t) => t.type === "Authorization" && t.state === "Completed")
  }

  addTransaction(
    p: PaymentRecord,
    fields: Omit<TransactionRecord, "id" | "number" | "created" | "updated" | "failedReason"> & {
      failedReason?: string
    },
  ): TransactionRecord {
    const at = now()
    const tx: TransactionRecord = {
      failedReason: "",
      ...fields,
      id: this.newId(),
      number: this.number(),
      created: at,
      updated: at,
    }
    p.transactions.push(tx)
    p.updated = at
    return tx
  }

  reset(): void {
    this.payments.clear()
    this.usedPayeeReferences.clear()
    this.nextNumber = 70_100_000_001
  }
}
