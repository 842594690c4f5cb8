/** Credit invoices, paying with a credit, and paying a credit out. */
import type { Route } from "../../shared/server"
import { creditFull, creditManual, creditPartial } from "../domain/credits"
import { payWithCredit, payoutCredit } from "../domain/payments"
import { toInvoice } from "../state"
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
  return [
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/credit/full",
      (req) => ok({ invoice: toInvoice(creditFull(store, validateFullCredit(req.body)), ctx.baseUrl()) }),
      json
    ),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/credit/partial",
      (req) => ok({ invoice: toInvoice(creditPartial(store, validatePartialCredit(req.body)), ctx.baseUrl()) }),
      json
    ),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/credit/manual",
      (req) => ok({ invoice: toInvoice(creditManual(store, validateManualCredit(req.body)), ctx.baseUrl()) }),
      json
    ),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/pay-with-credit",
      (req) => {
        payWithCredit(store, validatePayWithCredit(req.body))
        return ok()
      },
      json
    ),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/invoices/payout-credit",
      (req) => ok(payoutCredit(store, validatePayout(req.body).invoiceNumber)),
      json
    ),
  ]
}
