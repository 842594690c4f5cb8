/**
 * Post-purchase routes (v3.1): captures, cancellations, reversals. Each answers the full payment order. A request
 * that reaches validation and fails is recorded in postPurchaseFailedAttempts; 5 failed captures (or reversals) in a
 * row lock that operation (403 forbidden) until reset.
 */
import type { Route, SandboxRequest } from "../../shared/server"
import { PayexProblemError, operationNotAvailable } from "../problems"
import { now } from "../state"
import { assertPayeeReferenceFree, requireBody } from "../validation"
import type { Obj } from "../validation"
import { notifyPaymentOrder } from "./callbacks"
import type { PaymentOrderContext } from "./context"
import { PROBLEM_BASE, loadOrder, paymentOrderRoute } from "./context"
import type { FinancialTransaction, PaymentOrderRecord, PostPurchaseFailedAttempt } from "./state"
import { MAX_FAILED_STREAK, PAYMENT_ORDERS_PATH } from "./state"
import { validateAmountTransaction, validateCancellation } from "./validation-items"
import { paymentOrderResponse, parseExpand } from "./views"

type Kind = PostPurchaseFailedAttempt["type"]

const REL: Record<Kind, string> = { Capture: "capture", Cancellation: "cancel", Reversal: "reversal" }

export function transactionRoutes(ctx: PaymentOrderContext): Route[] {
  const { orders } = ctx
  const shared = orders.shared

  function recordFailure(o: PaymentOrderRecord, type: Kind, e: PayexProblemError): void {
    o.postPurchaseFailedAttempts.push({
      created: now(),
      status: "Failed",
      type,
      number: shared.number(),
      problem: {
        type: PROBLEM_BASE + e.kind,
        title: e.title,
        status: e.status,
        detail: e.detail,
        problems: e.problems,
      },
    })
    if (type !== "Cancellation") o.failedStreak[type]++
    orders.history(o, {
      name: `Payment${type === "Capture" ? "Captured" : type === "Reversal" ? "Reversed" : "Cancelled"}Failed`,
      initiatedBy: "Payee",
    })
  }

  /** Common frame: load, replay check, lock, state check, then the kind's own work (failures recorded). */
  function postPurchase(
    type: Kind,
    remaining: (o: PaymentOrderRecord) => number,
    work: (o: PaymentOrderRecord, body: Obj) => FinancialTransaction,
  ) {
    return (req: SandboxRequest, params: Record<string, string>, baseUrl: string) => {
      const o = loadOrder(ctx, params.id)
      const body = requireBody(req.body, "transaction")
      assertPayeeReferenceFree(body.transaction.payeeReference, (r) => shared.isReferenceUsed(r))
      if (type !== "Cancellation" && o.failedStreak[type] >= MAX_FAILED_STREAK) {
        throw new PayexProblemError(
          "forbidden",
          `The payment order is locked for ${REL[type]} after ${MAX_FAILED_STREAK} consecutive failed attempts`,
          [
            {
              name: REL[type],
              description: `locked after ${MAX_FAILED_STREAK} consecutive failed attempts; contact support`,
            },
          ],
        )
      }
      const expand = parseExpand(req.query.$expand)
      let tx: FinancialTransaction
      try {
        if (o.status !== "Paid") throw operationNotAvailable(REL[type], `the payment order is ${o.status}`)
        if (remaining(o) <= 0) throw operationNotAvailable(REL[type], "there is no remaining amount for it")
        tx = work(o, body)
      } catch (e) {
        if (e instanceof PayexProblemError) recordFailure(o, type, e)
        throw e
      }
      if (type !== "Cancellation") o.failedStreak[type] = 0
      shared.useReference(tx.payeeReference)
      notifyPaymentOrder(ctx, o, tx.number)
      return { status: 200, body: paymentOrderResponse(o, baseUrl, expand) }
    }
  }

  return [
    paymentOrderRoute(
      ctx,
      "POST",
      `${PAYMENT_ORDERS_PATH}/:id/captures`,
      postPurchase(
        "Capture",
        (o) => o.remainingCaptureAmount,
        (o, body) => {
          const input = validateAmountTransaction(body, o.remainingCaptureAmount, "remainingCaptureAmount")
          const tx = orders.addTransaction(o, { type: "Capture", ...input })
          o.remainingCaptureAmount -= input.amount
          o.remainingCancellationAmount -= input.amount
          o.remainingReversalAmount += input.amount
          const name = o.remainingCaptureAmount === 0 ? "PaymentCaptured" : "PaymentPartiallyCaptured"
          orders.history(o, { name, instrument: "Invoice", number: tx.number, amount: tx.amount, initiatedBy: "Payee" })
          return tx
        },
      ),
    ),

    paymentOrderRoute(
      ctx,
      "POST",
      `${PAYMENT_ORDERS_PATH}/:id/cancellations`,
      postPurchase(
        "Cancellation",
        (o) => o.remainingCancellationAmount,
        (o, body) => {
          const input = validateCancellation(body)
          const amount = o.remainingCancellationAmount
          const nothingCaptured = !o.financialTransactions.some((t) => t.type === "Capture")
          const tx = orders.addTransaction(o, {
            type: "Cancellation",
            amount,
            // the order's VAT share of what is released, rounded half up
            vatAmount: Math.floor((o.vatAmount * amount * 2 + o.amount) / (2 * o.amount)),
            description: input.description,
            payeeReference: input.payeeReference,
            orderItems: [],
          })
          o.remainingCaptureAmount = 0
          o.remainingCancellationAmount = 0
          if (nothingCaptured) o.status = "Cancelled"
          const name = nothingCaptured ? "PaymentCancelled" : "PaymentPartiallyCancelled"
          orders.history(o, { name, instrument: "Invoice", number: tx.number, amount, initiatedBy: "Payee" })
          return tx
        },
      ),
    ),

    paymentOrderRoute(
      ctx,
      "POST",
      `${PAYMENT_ORDERS_PATH}/:id/reversals`,
      postPurchase(
        "Reversal",
        (o) => o.remainingReversalAmount,
        (o, body) => {
          const input = validateAmountTransaction(body, o.remainingReversalAmount, "remainingReversalAmount")
          const tx = orders.addTransaction(o, { type: "Reversal", ...input })
          o.remainingReversalAmount -= input.amount
          // everything captured is reversed and nothing more can be captured -> Reversed
          const allReversed = o.remainingReversalAmount === 0 && o.remainingCaptureAmount === 0
          if (allReversed) o.status = "Reversed"
          const name = allReversed ? "PaymentReversed" : "PaymentPartiallyReversed"
          orders.history(o, { name, instrument: "Invoice", number: tx.number, amount: tx.amount, initiatedBy: "Payee" })
          return tx
        },
      ),
    ),
  ]
}
