/** Credit invoices, paying with a credit, and paying a credit out. */
import type { Route } from "../../shared/server"
import { creditFull, creditManual, creditPartial } from "../domain/credits"
import { payWithCredit, payoutCredit } from "../domain/payments"
import { shaped } from "../answer-shapes"
import { toInvoice, type StoredInvoice } from "../state"
import {
  validateFullCredit,
  validateManualCredit,
  validatePartialCredit,
  validatePayWithCredit,
  validatePayout,
} from "../validation-credits"
import { apiRoute, ok, type PayerContext } from "./common"

export function creditRoutes(ctx: PayerContext): Route[] {
  const { store } = ctx
  const json = { jsonBody: true }
  const answer = (credit: StoredInvoice) =>
    ok(shaped(ctx.config.answerShapes.credits, toInvoice(credit, ctx.baseUrl())))
  return [
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/credit/full",
      (req) => answer(creditFull(store, validateFullCredit(req.body))),
      json,
    ),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/credit/partial",
      (req) => answer(creditPartial(store, validatePartialCredit(req.body))),
      json,
    ),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/credit/manual",
      (req) => answer(creditManual(store, validateManualCredit(req.body))),
      json,
    ),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/pay-with-credit",
      (req) => {
        payWithCredit(store, validatePayWithCredit(req.body))
        return ok()
      },
      json,
    ),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/payout-credit",
      (req) => ok(payoutCredit(store, validatePayout(req.body).invoiceNumber)),
      json,
    ),
  ]
}
