/** Orders: create, approve, cancel, and create the order's invoice. */
import type { Route } from "../../shared/server"
import { approveOrder, cancelOrder, createInvoice, createOrder } from "../domain/orders"
import { shaped } from "../answer-shapes"
import { toInvoice } from "../state"
import { validateInvoiceRequest, validateOrder } from "../validation"
import { apiRoute, ok, pathInt, type PayerContext } from "./common"

export function orderRoutes(ctx: PayerContext): Route[] {
  const { store } = ctx
  return [
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders",
      (req) => {
        const order = createOrder(store, validateOrder(req.body))
        return ok({ orderId: order.orderId, referenceId: order.referenceId })
      },
      { jsonBody: true },
    ),
    apiRoute(ctx, "PUT", "/api/v2/orders/:orderId/approve", (_req, params) => {
      approveOrder(store, pathInt(params, "orderId"))
      return ok()
    }),
    apiRoute(ctx, "DELETE", "/api/v2/orders/:orderId", (_req, params) => {
      cancelOrder(store, pathInt(params, "orderId"))
      return ok()
    }),
    apiRoute(
      ctx,
      "POST",
      "/api/v2/orders/:orderId/invoices",
      (req, params) => {
        const orderId = pathInt(params, "orderId")
        const input = validateInvoiceRequest(req.body)
        const invoice = createInvoice(store, orderId, input)
        return ok(shaped(ctx.config.answerShapes.createInvoice, toInvoice(invoice, ctx.baseUrl())))
      },
      { jsonBody: true },
    ),
  ]
}
