/**
 * PayEx's answers about one invoice payment -> what `GET /admin/orders/:id/payex` answers. Pure.
 *
 * PayEx's payment and transaction documents are read tolerantly: unknown states pass through as PayEx spells
 * them, a missing or malformed amount counts as nothing (never NaN, never a float), and of the legal address only
 * the addressee's name and city are taken, so nothing else PayEx knows about the shopper can reach the admin.
 * Every amount stays an integer in minor units, as PayEx sends it.
 */

/** What the admin card shows as the payment's state, derived from the completed transactions. */
export type PayexAdminState =
  | "pending"
  | "authorized"
  | "partially_captured"
  | "captured"
  | "partially_reversed"
  | "reversed"
  | "cancelled"
  | "failed"
  | "aborted"
  | "unknown"

export interface PayexAdminAmounts {
  authorized: number
  captured: number
  reversed: number
  cancelled: number
  /** What can still be captured (PayEx's remainingCaptureAmount). */
  remaining: number
}

export interface PayexAdminTransaction {
  number: number | null
  type: string
  state: string
  amount: number | null
  created: string | null
  payee_reference: string | null
}

export interface PayexAdminSummary {
  state: PayexAdminState
  /** PayEx's own payment state ("Ready", "Pending", "Failed", "Aborted", or whatever PayEx adds). */
  payment_state: string | null
  currency_code: string
  amounts: PayexAdminAmounts
  transactions: PayexAdminTransaction[]
  addressee: { name: string; city: string | null } | null
}

type Json = Record<string, unknown>

const record = (value: unknown): Json | undefined =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null)
/** A non-negative whole number of minor units, or null: PayEx never sends fractions, so one is not trusted. */
const minorUnits = (value: unknown): number | null =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null

/** One transaction of PayEx's transaction list, whatever of it is readable. */
export function adminTransaction(raw: unknown): PayexAdminTransaction | null {
  const t = record(raw)
  if (!t) return null
  const number = typeof t.number === "number" && Number.isSafeInteger(t.number) ? t.number : null
  return {
    number,
    type: text(t.type) ?? "Unknown",
    state: text(t.state) ?? "Unknown",
    amount: minorUnits(t.amount),
    created: text(t.created) ?? text(t.updated),
    payee_reference: text(t.payeeReference),
  }
}

/** Sum of the completed transactions of one type, in minor units (integer additions only). */
function completedTotal(transactions: PayexAdminTransaction[], type: string): number {
  return transactions
    .filter((t) => t.type.toLowerCase() === type && t.state.toLowerCase() === "completed")
    .reduce((sum, t) => sum + (t.amount ?? 0), 0)
}

export function adminState(paymentState: string | null, amounts: PayexAdminAmounts): PayexAdminState {
  const raw = paymentState?.toLowerCase()
  if (raw === "aborted") return "aborted"
  if (raw === "failed") return "failed"
  if (amounts.authorized === 0) return raw === "ready" || raw === "pending" ? "pending" : "unknown"
  if (amounts.reversed > 0) return amounts.reversed >= amounts.captured ? "reversed" : "partially_reversed"
  if (amounts.captured > 0) return amounts.remaining > 0 ? "partially_captured" : "captured"
  if (amounts.cancelled > 0) return "cancelled"
  return "authorized"
}

/** The addressee's name and city from PayEx's legal address document (`{ legalAddress }`, or the address itself). */
export function adminAddressee(raw: unknown): PayexAdminSummary["addressee"] {
  const doc = record(raw)
  const address = record(doc?.legalAddress) ?? record(doc?.approvedLegalAddress) ?? doc
  const name = text(address?.addressee)
  return name ? { name, city: text(address?.city) } : null
}

/**
 * The summary of a payment from `GET <payment id>` (`{ payment }` or the payment itself), its transaction list
 * (an array, or `{ transactions: { transactionList } }`) and its legal address, in the order's currency.
 */
export function payexAdminSummary(input: {
  payment: unknown
  transactions: unknown
  legalAddress?: unknown
  currencyCode: string
}): PayexAdminSummary {
  const doc = record(input.payment)
  const payment = record(doc?.payment) ?? doc
  const list = Array.isArray(input.transactions)
    ? input.transactions
    : record(record(input.transactions)?.transactions)?.transactionList
  const transactions = (Array.isArray(list) ? list : [])
    .map(adminTransaction)
    .filter((t): t is PayexAdminTransaction => t !== null)
    .sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER))
  const amounts: PayexAdminAmounts = {
    authorized: completedTotal(transactions, "authorization"),
    captured: completedTotal(transactions, "capture"),
    reversed: completedTotal(transactions, "reversal"),
    cancelled: completedTotal(transactions, "cancellation"),
    // PayEx leaves remainingCaptureAmount out when it is zero.
    remaining: minorUnits(payment?.remainingCaptureAmount) ?? 0,
  }
  const paymentState = text(payment?.state)
  return {
    state: adminState(paymentState, amounts),
    payment_state: paymentState,
    currency_code: input.currencyCode.toLowerCase(),
    amounts,
    transactions,
    addressee: adminAddressee(input.legalAddress),
  }
}
