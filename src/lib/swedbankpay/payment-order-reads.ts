import type { PayexOperation } from "../payex"
import type {
  SwedbankPayFinancialTransaction,
  SwedbankPayPaymentOrder,
  SwedbankPayPaymentOrderResponse,
} from "./payment-order-types"

/** A payment order id as Swedbank Pay gives it: `/psp/paymentorders/<guid>`, nothing else (no query, no "..")." */
export const PAYMENT_ORDER_ID = /^\/psp\/paymentorders\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isPaymentOrderId(value: unknown): value is string {
  return typeof value === "string" && PAYMENT_ORDER_ID.test(value)
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined

/**
 * The payment order of an answer, read tolerantly: the docs spell the node `paymentOrder` and `paymentorder`, and
 * a sub-resource (`paid`, `financialTransactions`) may be a link `{ id }` or expanded. Unknown fields are ignored.
 * Undefined when the answer holds no payment order id.
 */
export function readPaymentOrder(answer: unknown): SwedbankPayPaymentOrderResponse | undefined {
  const a = record(answer)
  const key = a && Object.keys(a).find((k) => k.toLowerCase() === "paymentorder")
  const order = key ? record(a[key]) : undefined
  if (!order || typeof order.id !== "string") return undefined
  const operations = (Array.isArray(a!.operations) ? a!.operations : []).filter(
    (o): o is PayexOperation =>
      !!record(o) && typeof o.href === "string" && typeof o.rel === "string" && typeof o.method === "string",
  )
  return { paymentOrder: order as unknown as SwedbankPayPaymentOrder, operations }
}

/** The order's financial transactions when they were expanded (or answered by the sub-resource), else []. */
export function financialTransactionsOf(order: SwedbankPayPaymentOrder | undefined): SwedbankPayFinancialTransaction[] {
  const node = record(order?.financialTransactions)
  const list = node?.financialTransactionsList ?? node?.financialTransactionList
  return Array.isArray(list) ? (list as SwedbankPayFinancialTransaction[]) : []
}

/**
 * Whether the shopper completed the invoice: status `Paid` with an authorization (a `paid` node whose
 * transactionType is Authorization, or an Authorization financial transaction). Statuses are compared without
 * case, and a status the plugin does not know is not authorized.
 */
export function isAuthorized(order: SwedbankPayPaymentOrder | undefined): boolean {
  if (String(order?.status ?? "").toLowerCase() !== "paid") return false
  const paid = record(order?.paid)
  if (typeof paid?.transactionType === "string") return paid.transactionType.toLowerCase() === "authorization"
  return financialTransactionsOf(order).some((t) => String(t.type).toLowerCase() === "authorization")
}

/** The status in lower case ("initialized", "paid", "aborted", ...), or "" when absent. */
export const statusOf = (order: SwedbankPayPaymentOrder | undefined) => String(order?.status ?? "").toLowerCase()
