/**
 * Registration of the shop's callback URL (the `payer.eventsCallbackUrl` option) for the event types the plugin
 * handles. Payer delivers an event only to URLs registered when it happens, so this runs at every start and on
 * demand (POST /admin/payer-events/register); registering again is harmless.
 */
import { randomUUID } from "node:crypto"
import { PAYER_SUBSCRIBED_EVENT_TYPES } from "../../../lib/payer"
import type PayerInvoiceModuleService from "../service"

export interface EventCallbackRegistration {
  url: string
  /** the types Payer accepted */
  registered: string[]
  /** the types Payer refused or could not be asked about, with why */
  failed: Array<{ type: string; error: string }>
}

/** Every type is tried, so one refused type does not keep the others from being registered. */
export async function registerEventCallbacks(
  service: PayerInvoiceModuleService,
  url: string,
): Promise<EventCallbackRegistration> {
  const client = service.getPayerClient()
  const result: EventCallbackRegistration = { url, registered: [], failed: [] }
  for (const type of PAYER_SUBSCRIBED_EVENT_TYPES) {
    try {
      await client.registerEventCallback(type, url, randomUUID())
      result.registered.push(type)
    } catch (e) {
      result.failed.push({ type, error: (e as Error).message })
    }
  }
  return result
}
