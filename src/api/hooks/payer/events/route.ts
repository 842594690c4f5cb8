import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eventTokenOf } from "../../../../lib/payer"
import { handlePayerEventWorkflow, type PayerEventOutcome } from "../../../../workflows/payer/handle-payer-event"

/**
 * Payer's event notification: `<eventsCallbackUrl>?token=<token>`, no authentication (Payer signs nothing), so
 * the call is only a trigger: the token fetches the event from Payer, and nothing in the request itself is
 * believed. Which method Payer uses is not documented: GET and POST are both handled, any body is ignored (and
 * not parsed, see ../../../middlewares.ts). Payer keeps delivering until the event is acknowledged, whatever
 * this route answers; the status tells a person reading Payer's or a proxy's log what happened.
 */
const STATUS: Record<PayerEventOutcome["outcome"], number> = {
  processed: 200,
  ignored: 200,
  duplicate: 200,
  // the other delivery acknowledges it; should it fail, Payer's next delivery finds the event again
  in_progress: 409,
  // forged, or acknowledged and gone: nothing to acknowledge
  unknown_token: 404,
  // not acknowledged, so Payer delivers again
  payer_unavailable: 502,
  failed: 502,
}

async function handle(req: MedusaRequest, res: MedusaResponse) {
  const token = eventTokenOf(req.query.token)
  if (!token) {
    res.status(400).json({ type: "invalid_data", message: "`token` is missing or not an event token" })
    return
  }
  const { result } = await handlePayerEventWorkflow(req.scope).run({ input: { token } })
  // the outage's message names Payer's path, never the token (lib/payer/events.ts)
  res.status(STATUS[result.outcome]).json(result)
}

export const GET = handle
export const POST = handle
