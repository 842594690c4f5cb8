/** JSON shapes of the sandbox's answers, as in the API text. */
import type { PayexState, PaymentRecord, TransactionRecord } from "./state"
import type { SandboxAddress } from "./test-data"

export const PAYMENTS_PATH = "/psp/invoice/payments"

export const paymentPath = (p: PaymentRecord) => `${PAYMENTS_PATH}/${p.id}`
export const transactionPath = (p: PaymentRecord, t: TransactionRecord) => `${paymentPath(p)}/transactions/${t.id}`

export interface Operation {
  href: string
  rel: string
  method: string
}

/** The operations PayEx lists for the payment's current state (absolute hrefs on the sandbox's own url). */
export function operationsFor(state: PayexState, p: PaymentRecord, baseUrl: string): Operation[] {
  const base = baseUrl + paymentPath(p)
  if (p.state === "Aborted" || p.state === "Failed") return []
  if (!state.isAuthorized(p)) {
    const ops: Operation[] = [
      { href: base, rel: "update-payment-abort", method: "PATCH" },
      { href: `${base}/authorizations`, rel: "create-authorization", method: "POST" },
    ]
    if (p.country === "SE")
      ops.push({ href: `${base}/approvedlegaladdress`, rel: "create-approved-legal-address", method: "POST" })
    return ops
  }
  const ops: Operation[] = []
  if (p.remainingCaptureAmount > 0) ops.push({ href: `${base}/captures`, rel: "create-capture", method: "POST" })
  if (p.remainingCancellationAmount > 0)
    ops.push({ href: `${base}/cancellations`, rel: "create-cancellation", method: "POST" })
  if (p.remainingReversalAmount > 0) ops.push({ href: `${base}/reversals`, rel: "create-reversal", method: "POST" })
  return ops
}

export function paymentView(p: PaymentRecord): Record<string, unknown> {
  const id = paymentPath(p)
  const view: Record<string, unknown> = {
    id,
    number: p.number,
    instrument: "Invoice",
    created: p.created,
    updated: p.updated,
    state: p.state,
    operation: p.operation,
    intent: p.intent,
    currency: p.currency,
    amount: p.amount,
  }
  // PayEx leaves out the remaining* fields that are zero.
  if (p.remainingCaptureAmount > 0) view.remainingCaptureAmount = p.remainingCaptureAmount
  if (p.remainingCancellationAmount > 0) view.remainingCancellationAmount = p.remainingCancellationAmount
  if (p.remainingReversalAmount > 0) view.remainingReversalAmount = p.remainingReversalAmount
  Object.assign(view, {
    description: p.description,
    ...(p.payerReference !== undefined ? { payerReference: p.payerReference } : {}),
    userAgent: p.userAgent,
    language: p.language,
    prices: { id: `${id}/prices` },
    transactions: { id: `${id}/transactions` },
    authorizations: { id: `${id}/authorizations` },
    captures: { id: `${id}/captures` },
    reversals: { id: `${id}/reversals` },
    cancellations: { id: `${id}/cancellations` },
    payeeInfo: { id: `${id}/payeeInfo` },
    urls: { id: `${id}/urls` },
    settings: { id: `${id}/settings` },
  })
  return view
}

export function paymentResponse(state: PayexState, p: PaymentRecord, baseUrl: string): Record<string, unknown> {
  return {
    payment: paymentView(p),
    ...(p.country === "SE" ? { approvedLegalAddress: { id: `${paymentPath(p)}/approvedlegaladdress` } } : {}),
    operations: operationsFor(state, p, baseUrl),
  }
}

export function transactionView(p: PaymentRecord, t: TransactionRecord): Record<string, unknown> {
  return {
    id: transactionPath(p, t),
    created: t.created,
    updated: t.updated,
    type: t.type,
    state: t.state,
    number: t.number,
    amount: t.amount,
    vatAmount: t.vatAmount,
    description: t.description,
    payeeReference: t.payeeReference,
    failedReason: t.failedReason,
    isOperational: false,
    operations: [],
  }
}

export function authorizationItem(p: PaymentRecord, t: TransactionRecord): Record<string, unknown> {
  const id = paymentPath(p)
  return {
    id: `${id}/authorizations/${t.id}`,
    consumer: { id: `${id}/consumer` },
    legalAddress: { id: `${id}/legaladdress` },
    billingAddress: { id: `${id}/billingaddress` },
    transaction: transactionView(p, t),
  }
}

export function captureItem(p: PaymentRecord, t: TransactionRecord): Record<string, unknown> {
  return {
    itemDescriptions: { id: `${transactionPath(p, t)}/itemdescriptions` },
    invoiceCopy: `${paymentPath(p)}/captures/${t.id}/invoicecopy`,
    transaction: transactionView(p, t),
  }
}

export const plainItem = (p: PaymentRecord, t: TransactionRecord) => ({ transaction: transactionView(p, t) })

export function addressView(p: PaymentRecord, resource: string, a: SandboxAddress): Record<string, unknown> {
  return {
    id: `${paymentPath(p)}/${resource}`,
    addressee: a.addressee,
    ...(a.coAddress !== undefined ? { coAddress: a.coAddress } : {}),
    ...(a.streetAddress !== undefined ? { streetAddress: a.streetAddress } : {}),
    zipCode: a.zipCode,
    city: a.city,
    countryCode: a.countryCode,
  }
}
