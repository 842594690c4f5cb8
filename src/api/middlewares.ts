import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { StorePayexAuthorize, StorePayexLegalAddress } from "./store/payex/store-payex-validators"
import { strictJsonBody, validateStrictBody } from "./store/payex/strict-body"
import {
  AdminPayerCredit,
  AdminPayerPayWithCredit,
  AdminPayerSendInvoice,
} from "./admin/payer-invoices/payer-invoice-validators"
import { AdminIssuePayerInvoice } from "./admin/orders/[id]/payer-invoices/order-payer-invoice-validators"
import { upstreamErrorHandler } from "./upstream-error-handler"

export default defineMiddlewares({
  // A PayEx or Payer outage is a 502/503 that says to try again; everything else is Medusa's own handling.
  errorHandler: upstreamErrorHandler,
  routes: [
    // The two routes that take a personal number parse their own body (Medusa's parser echoes malformed JSON
    // and its validator echoes wrong-typed values, in the answer and in the log): see store/payex/strict-body.ts.
    {
      matcher: "/store/payex/legal-address",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [strictJsonBody(), validateStrictBody(StorePayexLegalAddress)],
    },
    {
      matcher: "/store/payex/authorize",
      methods: ["POST"],
      bodyParser: false,
      middlewares: [strictJsonBody(), validateStrictBody(StorePayexAuthorize)],
    },
    // Payer's event notification carries only ?token=; whatever body comes with it is neither needed nor parsed,
    // so an unexpected content type or malformed body can not turn the call into a 400 (see hooks/payer/events).
    {
      matcher: "/hooks/payer/events",
      methods: ["GET", "POST"],
      bodyParser: false,
      middlewares: [],
    },
    {
      matcher: "/admin/payer-invoices/:invoice_number/credits",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminPayerCredit)],
    },
    {
      matcher: "/admin/payer-invoices/:invoice_number/send",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminPayerSendInvoice)],
    },
    {
      matcher: "/admin/payer-invoices/:invoice_number/pay-with-credit",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminPayerPayWithCredit)],
    },
    {
      matcher: "/admin/orders/:id/payer-invoices/issue",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminIssuePayerInvoice)],
    },
  ],
})
