/** JSON shapes of the payment-order answers (v3.1): the full order, its operations and its sub-resources. */
import { invalidField } from "../problems"
import type { FinancialTransaction, PaymentOrderRecord } from "./state"
import { instrumentOf, orderPath } from "./state"

export interface Operation {
  method: string
  href: string
  rel: string
  contentType: string
}

type View = Record<string, unknown>

/** The links of the full order: property name -> path segment. */
export const SUB_RESOURCES: Record<string, string> = {
  urls: "urls",
  payeeInfo: "payeeinfo",
  payer: "payers",
  orderItems: "orderitems",
  history: "history",
  failed: "failed",
  aborted: "aborted",
  paid: "paid",
  cancelled: "cancelled",
  reversed: "reversed",
  financialTransactions: "financialtransactions",
  failedAttempts: "failedattempts",
  postPurchaseFailedAttempts: "postpurchasefailedattempts",
  metadata: "metadata",
}

/** `$expand` names (lower case) -> property name; the path segment and the property name both work. */
const EXPAND_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(SUB_RESOURCES).flatMap(([prop, segment]) => [
    [prop.toLowerCase(), prop],
    [segment, prop],
  ]),
)

export function shopperPath(o: PaymentOrderRecord): string {
  return `${orderPath(o)}/shopper`
}

export function operationsFor(o: PaymentOrderRecord, baseUrl: string): Operation[] {
  const base = baseUrl + orderPath(o)
  const json = "application/json"
  if (o.status === "Initialized") {
    return [
      { method: "PATCH", href: base, rel: "abort", contentType: json },
      { method: "GET", href: baseUrl + shopperPath(o), rel: "redirect-checkout", contentType: "text/html" },
      {
        method: "GET",
        href: `${baseUrl}${shopperPath(o)}/view-checkout.js`,
        rel: "view-checkout",
        contentType: "application/javascript",
      },
    ]
  }
  const ops: Operation[] = []
  if (o.status !== "Paid") return ops
  if (o.remainingCaptureAmount > 0)
    ops.push({ method: "POST", href: `${base}/captures`, rel: "capture", contentType: json })
  if (o.remainingCancellationAmount > 0)
    ops.push({ method: "POST", href: `${base}/cancellations`, rel: "cancel", contentType: json })
  if (o.remainingReversalAmount > 0)
    ops.push({ method: "POST", href: `${base}/reversals`, rel: "reversal", contentType: json })
  return ops
}

const authorization = (o: PaymentOrderRecord) => o.financialTransactions.find((t) => t.type === "Authorization")
const latest = (o: PaymentOrderRecord, type: FinancialTransaction["type"]) =>
  [...o.financialTransactions].reverse().find((t) => t.type === type)

function paidLike(o: PaymentOrderRecord, tx: FinancialTransaction, transactionType: string, amount: number): View {
  return {
    instrument: "Invoice",
    number: tx.number,
    payeeReference: tx.payeeReference,
    ...(o.payeeInfo.orderReference !== undefined ? { orderReference: o.payeeInfo.orderReference } : {}),
    transactionType,
    amount,
    submittedAmount: amount,
    feeAmount: 0,
    discountAmount: 0,
    paymentTokenGenerated: false,
    details: {},
  }
}

export function transactionView(o: PaymentOrderRecord, t: FinancialTransaction): View {
  const id = `${orderPath(o)}/financialtransactions/${t.id}`
  return {
    id,
    created: t.created,
    updated: t.updated,
    type: t.type,
    number: t.number,
    amount: t.amount,
    vatAmount: t.vatAmount,
    description: t.description,
    payeeReference: t.payeeReference,
    ...(t.receiptReference !== undefined ? { receiptReference: t.receiptReference } : {}),
    orderItems: { id: `${id}/orderitems`, orderItemList: t.orderItems },
  }
}

/** The body of one sub-resource (with its `id`), by property name. */
export function subResource(o: PaymentOrderRecord, prop: string): View {
  const id = `${orderPath(o)}/${SUB_RESOURCES[prop]}`
  const sum = (type: FinancialTransaction["type"]) =>
    o.financialTransactions.filter((t) => t.type === type).reduce((s, t) => s + t.amount, 0)
  switch (prop) {
    case "urls":
      return { id, ...o.urls }
    case "payeeInfo":
      return { id, ...o.payeeInfo }
    case "payer": {
      const p = o.payer ?? {}
      const name = [p.firstName, p.lastName].filter(Boolean).join(" ")
      return {
        id,
        ...(p.payerReference !== undefined ? { reference: p.payerReference } : {}),
        ...(name ? { name } : {}),
        ...(p.email !== undefined ? { email: p.email } : {}),
        ...(p.msisdn !== undefined ? { msisdn: p.msisdn } : {}),
      }
    }
    case "orderItems":
      return { id, orderItemList: o.orderItems }
    case "history":
      return { id, historyList: o.history }
    case "failed":
      return { id }
    case "aborted":
      return { id, ...(o.abortReason !== undefined ? { abortReason: o.abortReason } : {}) }
    case "paid": {
      const auth = authorization(o)
      return auth ? { id, ...paidLike(o, auth, "Authorization", auth.amount) } : { id }
    }
    case "cancelled": {
      const c = latest(o, "Cancellation")
      return c ? { id, ...paidLike(o, c, "Cancellation", sum("Cancellation")), cancelReason: c.description } : { id }
    }
    case "reversed": {
      const r = latest(o, "Reversal")
      return r ? { id, ...paidLike(o, r, "Reversal", sum("Reversal")) } : { id }
    }
    case "financialTransactions":
      return { id, financialTransactionsList: o.financialTransactions.map((t) => transactionView(o, t)) }
    case "failedAttempts":
      return { id, failedAttemptList: o.failedAttempts }
    case "postPurchaseFailedAttempts":
      return { id, postpurchaseFailedAttemptList: o.postPurchaseFailedAttempts }
    default:
      return { id }
  }
}

/** Parses `$expand` (comma list, case-insensitive); an unknown name is refused. */
export function parseExpand(value: string | undefined): Set<string> {
  const out = new Set<string>()
  for (const raw of (value ?? "").split(",")) {
    const name = raw.trim().toLowerCase()
    if (!name) continue
    const prop = EXPAND_NAMES[name]
    if (!prop)
      throw invalidField(
        "$expand",
        `unknown sub-resource "${raw.trim()}": use ${Object.values(SUB_RESOURCES).join(", ")}`,
      )
    out.add(prop)
  }
  return out
}

export function paymentOrderView(o: PaymentOrderRecord, expand: Set<string> = new Set()): View {
  const id = orderPath(o)
  const view: View = {
    id,
    created: o.created,
    updated: o.updated,
    operation: o.operation,
    status: o.status,
    currency: o.currency,
    amount: o.amount,
    vatAmount: o.vatAmount,
  }
  if (o.status !== "Initialized" && o.status !== "Aborted") {
    view.remainingCaptureAmount = o.remainingCaptureAmount
    view.remainingCancellationAmount = o.remainingCancellationAmount
    view.remainingReversalAmount = o.remainingReversalAmount
  }
  Object.assign(view, {
    description: o.description,
    initiatingSystemUserAgent: o.initiatingSystemUserAgent,
    language: o.language,
    availableInstruments: [instrumentOf(o)],
    ...(o.instrument !== undefined || authorization(o) ? { instrument: instrumentOf(o) } : {}),
    implementation: "PaymentsOnly",
    integration: o.integration,
    instrumentMode: o.instrument !== undefined,
    guestMode: o.payer?.payerReference === undefined,
  })
  for (const prop of Object.keys(SUB_RESOURCES))
    view[prop] = expand.has(prop) ? subResource(o, prop) : { id: `${id}/${SUB_RESOURCES[prop]}` }
  return view
}

/** The full payment order answer of GET, create, abort, capture, cancel and reversal. */
export function paymentOrderResponse(o: PaymentOrderRecord, baseUrl: string, expand?: Set<string>): View {
  return { paymentOrder: paymentOrderView(o, expand), operations: operationsFor(o, baseUrl) }
}
