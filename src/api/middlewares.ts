import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { StorePayexAuthorize, StorePayexLegalAddress } from "./store/payex/validators"
import { AdminIssuePayerInvoice } from "./admin/orders/[id]/payer-invoices/validators"

export default defineMiddlewares({
  routes: [
    { matcher: "/store/payex/legal-address", method: ["POST"], middlewares: [validateAndTransformBody(StorePayexLegalAddress)] },
    { matcher: "/store/payex/authorize", method: ["POST"], middlewares: [validateAndTransformBody(StorePayexAuthorize)] },
    { matcher: "/admin/orders/:id/payer-invoices/issue", method: ["POST"], middlewares: [validateAndTransformBody(AdminIssuePayerInvoice)] },
  ],
})
