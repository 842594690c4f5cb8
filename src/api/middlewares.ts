import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { StorePayexAuthorize, StorePayexLegalAddress } from "./store/payex/validators"
import { AdminPayerCredit, AdminPayerPayWithCredit, AdminPayerSendInvoice } from "./admin/payer-invoices/validators"
import { AdminIssuePayerInvoice } from "./admin/orders/[id]/payer-invoices/validators"

export default defineMiddlewares({
  routes: [
    { matcher: "/store/payex/legal-address", method: ["POST"], middlewares: [validateAndTransformBody(StorePayexLegalAddress)] },
    { matcher: "/store/payex/authorize", method: ["POST"], middlewares: [validateAndTransformBody(StorePayexAuthorize)] },
    { matcher: "/admin/payer-invoices/:invoice_number/credits", method: ["POST"], middlewares: [validateAndTransformBody(AdminPayerCredit)] },
    { matcher: "/admin/payer-invoices/:invoice_number/send", method: ["POST"], middlewares: [validateAndTransformBody(AdminPayerSendInvoice)] },
    { matcher: "/admin/payer-invoices/:invoice_number/pay-with-credit", method: ["POST"], middlewares: [validateAndTransformBody(AdminPayerPayWithCredit)] },
    { matcher: "/admin/orders/:id/payer-invoices/issue", method: ["POST"], middlewares: [validateAndTransformBody(AdminIssuePayerInvoice)] },
  ],
})
