/** Transaction routes: authorization, capture, cancellation, reversal, and the transaction lists. */
import type { Route } from "../../shared/server"
import { PayexProblemError, operationNotAvailable } from "../problems"
import type { PaymentRecord, TransactionRecord, TransactionType } from "../state"
import { findTestPerson } from "../test-data"
import { assertPayeeReferenceFree, requireBody } from "../validation"
import {
  validateAuthorization,
  validateCancellation,
  validateCapture,
  validateReversal,
} from "../validation-transactions"
import {
  PAYMENTS_PATH,
  authorizationItem,
  captureItem,
  paymentPath,
  plainItem,
  transactionPath,
  transactionView,
} from "../views"
import { loadPayment, loadTransaction, notifyTransaction, payexRoute } from "./context"
import type { PayexContext } from "./context"

type ItemView = (p: PaymentRecord, t: TransactionRecord) => Record<string, unknown>

/** name of the list resource, its list key, the single-item key, the transaction type and the item view */
const KINDS: Array<{ resource: string; list: string; single: string; type: TransactionType; view: ItemView }> = [
  {
    resource: "authorizations",
    list: "authorizationList",
    single: "authorization",
    type: "Authorization",
    view: authorizationItem,
  },
  { resource: "captures", list: "captureList", single: "capture", type: "Capture", view: captureItem },
  {
    resource: "cancellations",
    list: "cancellationList",
    single: "cancellation",
    type: "Cancellation",
    view: plainItem,
  },
  { resource: "reversals", list: "reversalList", single: "reversal", type: "Reversal", view: plainItem },
]

const kind = (type: TransactionType) => KINDS.find((k) => k.type === type)!

function created(p: PaymentRecord, t: TransactionRecord) {
  const k = kind(t.type)
  return { status: 200, body: { payment: paymentPath(p), [k.single]: k.view(p, t) } }
}

export function transactionRoutes(ctx: PayexContext): Route[] {
  const { state } = ctx
  const isUsed = (r: string) => state.isReferenceUsed(r)

  function assertAuthorized(p: PaymentRecord, rel: string, remaining: number, what: string): void {
    if (p.state !== "Ready") throw operationNotAvailable(rel, `the payment is ${p.state}`)
    if (!state.isAuthorized(p)) throw operationNotAvailable(rel, "the payment is not authorized")
    if (remaining <= 0) throw operationNotAvailable(rel, `there is nothing left to ${what}`)
  }

  const routes: Route[] = [
    payexRoute(ctx, "POST", `${PAYMENTS_PATH}/:id/authorizations`, (req, params) => {
      const p = loadPayment(ctx, params.id)
      const body = requireBody(req.body)
      if (p.state !== "Ready") throw operationNotAvailable("create-authorization", `the payment is ${p.state}`)
      if (state.isAuthorized(p))
        throw operationNotAvailable("create-authorization", "the payment is already authorized")
      const input = validateAuthorization(body, p.country)
      p.consumer = input.consumer
      p.legalAddress = input.legalAddress
      if (input.billingAddress) p.billingAddress = input.billingAddress
      const base = {
        type: "Authorization" as const,
        amount: p.amount,
        vatAmount: p.vatAmount,
        description: p.description,
        payeeReference: p.payeeInfo.payeeReference,
      }

      const person = findTestPerson(p.country, input.key)
      if (person && !person.creditApproved) {
        const tx = state.addTransaction(p, { ...base, state: "Failed", failedReason: "CreditNotApproved" })
        p.state = "Failed"
        notifyTransaction(ctx, p, tx)
        throw new PayexProblemError("creditnotapproved", "The credit check of the consumer was not approved", [
          { name: "consumer", description: "credit not approved for this consumer" },
        ])
      }
      const tx = state.addTransaction(p, { ...base, state: "Completed" })
      p.remainingCaptureAmount = p.amount
      p.remainingCancellationAmount = p.amount
      notifyTransaction(ctx, p, tx)
      return created(p, tx)
    }),

    payexRoute(ctx, "POST", `${PAYMENTS_PATH}/:id/captures`, (req, params) => {
      const p = loadPayment(ctx, params.id)
      const body = requireBody(req.body, "transaction")
      assertPayeeReferenceFree(body.transaction.payeeReference, isUsed)
      assertAuthorized(p, "create-capture", p.remainingCaptureAmount, "capture")
      const input = validateCapture(body, p.remainingCaptureAmount)
      const tx = state.addTransaction(p, {
        type: "Capture",
        state: "Completed",
        amount: input.amount,
        vatAmount: input.vatAmount,
        description: input.description,
        payeeReference: input.payeeReference,
        itemDescriptions: input.itemDescriptions,
        vatSummary: input.vatSummary,
      })
      state.useReference(input.payeeReference)
      p.remainingCaptureAmount -= input.amount
      p.remainingCancellationAmount -= input.amount
      p.remainingReversalAmount += input.amount
      notifyTransaction(ctx, p, tx)
      return created(p, tx)
    }),

    payexRoute(ctx, "POST", `${PAYMENTS_PATH}/:id/cancellations`, (req, params) => {
      const p = loadPayment(ctx, params.id)
      const body = requireBody(req.body, "transaction")
      assertPayeeReferenceFree(body.transaction.payeeReference, isUsed)
      assertAuthorized(p, "create-cancellation", p.remainingCancellationAmount, "cancel")
      const input = validateCancellation(body)
      const amount = p.remainingCancellationAmount
      const tx = state.addTransaction(p, {
        type: "Cancellation",
        state: "Completed",
        amount,
        // the payment's VAT share of what is released, rounded half up
        vatAmount: Math.floor((p.vatAmount * amount * 2 + p.amount) / (2 * p.amount)),
        description: input.description,
        payeeReference: input.payeeReference,
      })
      state.useReference(input.payeeReference)
      p.remainingCaptureAmount = 0
      p.remainingCancellationAmount = 0
      notifyTransaction(ctx, p, tx)
      return created(p, tx)
    }),

    payexRoute(ctx, "POST", `${PAYMENTS_PATH}/:id/reversals`, (req, params) => {
      const p = loadPayment(ctx, params.id)
      const body = requireBody(req.body, "transaction")
      assertPayeeReferenceFree(body.transaction.payeeReference, isUsed)
      assertAuthorized(p, "create-reversal", p.remainingReversalAmount, "reverse")
      const input = validateReversal(body, p.remainingReversalAmount)
      const tx = state.addTransaction(p, { type: "Reversal", state: "Completed", ...input })
      state.useReference(input.payeeReference)
      p.remainingReversalAmount -= input.amount
      notifyTransaction(ctx, p, tx)
      return created(p, tx)
    }),

    payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/transactions`, (_req, params) => {
      const p = loadPayment(ctx, params.id)
      return {
        status: 200,
        body: {
          payment: paymentPath(p),
          transactions: {
            id: `${paymentPath(p)}/transactions`,
            transactionList: p.transactions.map((t) => transactionView(p, t)),
          },
        },
      }
    }),

    payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/transactions/:tid`, (_req, params) => {
      const p = loadPayment(ctx, params.id)
      return {
        status: 200,
        body: { payment: paymentPath(p), transaction: transactionView(p, loadTransaction(p, params.tid)) },
      }
    }),

    payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/transactions/:tid/itemdescriptions`, (_req, params) => {
      const p = loadPayment(ctx, params.id)
      const t = loadTransaction(p, params.tid, "Capture")
      return {
        status: 200,
        body: {
          payment: paymentPath(p),
          transaction: transactionPath(p, t),
          itemDescriptions: {
            id: `${transactionPath(p, t)}/itemdescriptions`,
            itemDescriptionList: t.itemDescriptions ?? [],
            vatSummary: t.vatSummary ?? [],
          },
        },
      }
    }),
  ]

  for (const k of KINDS) {
    routes.push(
      payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/${k.resource}`, (_req, params) => {
        const p = loadPayment(ctx, params.id)
        const list = p.transactions.filter((t) => t.type === k.type).map((t) => k.view(p, t))
        return {
          status: 200,
          body: { payment: paymentPath(p), [k.resource]: { id: `${paymentPath(p)}/${k.resource}`, [k.list]: list } },
        }
      }),
      payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/${k.resource}/:tid`, (_req, params) => {
        const p = loadPayment(ctx, params.id)
        return {
          status: 200,
          body: { payment: paymentPath(p), [k.single]: k.view(p, loadTransaction(p, params.tid, k.type)) },
        }
      }),
    )
  }
  return routes
}
