/** Payment order resource routes (v3.1): create, read (with `$expand`), abort, and the sub-resource GETs. */
import type { Route } from "../../shared/server"
import { PayexProblemError } from "../problems"
import { now } from "../state"
import { assertPayeeReferenceFree, requireBody } from "../validation"
import type { PaymentOrderContext } from "./context"
import { loadOrder, paymentOrderRoute } from "./context"
import { abortPaymentOrder } from "./shopper"
import type { PaymentOrderRecord } from "./state"
import { PAYMENT_ORDERS_PATH, orderPath } from "./state"
import { validateAbort, validateCreatePaymentOrder } from "./validation"
import { SUB_RESOURCES, paymentOrderResponse, parseExpand, subResource, transactionView } from "./views"

export function paymentOrderRoutes(ctx: PaymentOrderContext): Route[] {
  const { orders } = ctx
  const shared = orders.shared
  const routes: Route[] = [
    paymentOrderRoute(ctx, "POST", PAYMENT_ORDERS_PATH, (req, _params, baseUrl) => {
      const body = requireBody(req.body, "paymentorder")
      const info = body.paymentorder.payeeInfo
      assertPayeeReferenceFree(info?.payeeReference, (r) => shared.isReferenceUsed(r))
      if (typeof info?.payeeId === "string" && info.payeeId !== ctx.payeeId) {
        throw new PayexProblemError("forbidden", "The payeeId is not valid for this merchant token", [
          { name: "paymentorder.payeeInfo.payeeId", description: "payeeId does not belong to this merchant" },
        ])
      }
      const input = validateCreatePaymentOrder(body)
      const expand = parseExpand(req.query.$expand)
      const at = now()
      const order: PaymentOrderRecord = {
        id: shared.newId(),
        created: at,
        updated: at,
        operation: "Purchase",
        status: "Initialized",
        currency: input.currency,
        amount: input.amount,
        vatAmount: input.vatAmount,
        description: input.description,
        userAgent: input.userAgent,
        initiatingSystemUserAgent: req.headers["user-agent"] ?? "",
        language: input.language,
        ...(input.instrument !== undefined ? { instrument: input.instrument } : {}),
        integration: "",
        urls: input.urls,
        payeeInfo: input.payeeInfo,
        ...(input.payer !== undefined ? { payer: input.payer } : {}),
        orderItems: input.orderItems,
        remainingCaptureAmount: 0,
        remainingCancellationAmount: 0,
        remainingReversalAmount: 0,
        financialTransactions: [],
        failedAttempts: [],
        postPurchaseFailedAttempts: [],
        history: [],
        failedStreak: { Capture: 0, Reversal: 0 },
      }
      orders.orders.set(order.id, order)
      shared.useReference(input.payeeInfo.payeeReference)
      orders.history(order, { name: "PaymentCreated", initiatedBy: "Payee" })
      return { status: 200, body: paymentOrderResponse(order, baseUrl, expand) }
    }),

    paymentOrderRoute(ctx, "GET", `${PAYMENT_ORDERS_PATH}/:id`, (req, params, baseUrl) => {
      const o = loadOrder(ctx, params.id)
      return { status: 200, body: paymentOrderResponse(o, baseUrl, parseExpand(req.query.$expand)) }
    }),

    paymentOrderRoute(ctx, "PATCH", `${PAYMENT_ORDERS_PATH}/:id`, (req, params, baseUrl) => {
      const o = loadOrder(ctx, params.id)
      const body = requireBody(req.body, "paymentorder")
      const abortReason = validateAbort(body)
      const expand = parseExpand(req.query.$expand)
      abortPaymentOrder(ctx, o.id, abortReason, "Payee")
      return { status: 200, body: paymentOrderResponse(o, baseUrl, expand) }
    }),

    paymentOrderRoute(ctx, "GET", `${PAYMENT_ORDERS_PATH}/:id/financialtransactions/:tid`, (_req, params) => {
      const o = loadOrder(ctx, params.id)
      const t = o.financialTransactions.find((x) => x.id === params.tid.toLowerCase())
      if (!t) throw new PayexProblemError("notfound", `Financial transaction ${params.tid} was not found`)
      return { status: 200, body: { paymentOrder: orderPath(o), financialTransaction: transactionView(o, t) } }
    }),

    paymentOrderRoute(
      ctx,
      "GET",
      `${PAYMENT_ORDERS_PATH}/:id/financialtransactions/:tid/orderitems`,
      (_req, params) => {
        const o = loadOrder(ctx, params.id)
        const t = o.financialTransactions.find((x) => x.id === params.tid.toLowerCase())
        if (!t) throw new PayexProblemError("notfound", `Financial transaction ${params.tid} was not found`)
        return { status: 200, body: { paymentOrder: orderPath(o), orderItems: transactionView(o, t).orderItems } }
      },
    ),
  ]

  // GET {id}/paid, /financialtransactions, /cancelled, /reversed, /failedattempts, ... -> { paymentOrder, <prop>: {...} }
  for (const [prop, segment] of Object.entries(SUB_RESOURCES)) {
    routes.push(
      paymentOrderRoute(ctx, "GET", `${PAYMENT_ORDERS_PATH}/:id/${segment}`, (_req, params) => {
        const o = loadOrder(ctx, params.id)
        return { status: 200, body: { paymentOrder: orderPath(o), [prop]: subResource(o, prop) } }
      }),
    )
  }
  return routes
}
