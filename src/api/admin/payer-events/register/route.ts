import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { registerPayerEventCallbacksWorkflow } from "../../../../workflows/payer/register-event-callbacks"

/**
 * POST /admin/payer-events/register: registers the `payer.eventsCallbackUrl` option at Payer again (it is
 * registered at every start, too) and answers `{ url, registered: [types], failed: [{ type, error }] }`; a 502
 * when no type could be registered, a 400 when the option is not set.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await registerPayerEventCallbacksWorkflow(req.scope).run({ input: {} })
  res.status(result.registered.length === 0 && result.failed.length ? 502 : 200).json(result)
}
