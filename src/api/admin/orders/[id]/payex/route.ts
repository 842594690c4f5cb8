import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PayexAdminSummary } from "../../../../../lib/mapping/payex-admin-summary"
import { orderPayexPayment, payexClientFor, readPayexSummary } from "./payex-summary"
import { SummaryCache } from "./summary-cache"

type CachedSummary = PayexAdminSummary & { fetched_at: string }

const summaries = new SummaryCache<CachedSummary>(10_000, 500)

/**
 * GET /admin/orders/:id/payex[?fresh=true]: the order's PayEx invoice payment as PayEx has it now (state,
 * amounts in minor units, transactions, the addressee's name and city), for the admin's PayEx card. Cached for
 * 10 s per payment; `fresh=true` (the card's Refresh button) reads PayEx again. 404 naming the order when it has
 * no live PayEx payment.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const payment = await orderPayexPayment(req.scope, req.params.id)
  const fresh = req.query.fresh === "true"
  let summary = fresh ? undefined : summaries.get(payment.payment_id)
  if (!summary) {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    const client = payexClientFor(req.scope, payment.provider_id, {
      debug: (m) => logger.debug(m),
      warn: (m) => logger.warn(m),
    })
    summary = { ...(await readPayexSummary(client, payment)), fetched_at: new Date().toISOString() }
    summaries.set(payment.payment_id, summary)
  }
  res.json({ payex: summary })
}
