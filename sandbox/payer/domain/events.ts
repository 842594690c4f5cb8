/**
 * Payer's Events API as the sandbox keeps it: callback registrations per event type, events raised by the
 * domain operations (a payment, a credit used), fetching an event by its token and acknowledging it.
 * Delivery (calling the registered URLs) is event-delivery.ts's job; this file only stores.
 */
import { randomBytes } from "node:crypto"
import { badRequest, notFound } from "../errors"
import type { PayerStore, StoredEvent } from "../state"
import { nowIso } from "./common"

/**
 * The types the sandbox accepts for registration: the enum as far as the API reference shows it, plus the
 * types of the payment events page. Only the invoice ones are ever raised here.
 */
export const EVENT_TYPES = [
  "BANK_ID_STATUS_UPDATED",
  "CARD_PAYMENT_AUTHORIZED",
  "CARD_PAYMENT_ERROR",
  "CARD_PAYMENT_REFUNDED",
  "CARD_PAYMENT_SETTLED",
  "CREDIT_USED",
  "INVOICE_CREATED",
  "INVOICE_FINALISED",
  "INVOICE_PAYMENT_RECEIVED",
  "PAYMENT_AUTHORIZED",
  "PAYMENT_SETTLED",
  "STORED_PAYMENT_DETAILS_UPDATED",
  "SWISH_STATUS_UPDATED",
  "WRITE_OFF_PAYMENT_CREATED",
] as const

function absoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

/** POST /api/v1/events/callbacks?type&url: one registration per type and URL (registering again changes nothing). */
export function registerCallback(store: PayerStore, type: string | undefined, url: string | undefined): void {
  if (!type) throw badRequest("type is required")
  if (!(EVENT_TYPES as readonly string[]).includes(type)) {
    throw badRequest(`type must be one of ${EVENT_TYPES.join(", ")} (got ${JSON.stringify(type)})`)
  }
  if (!url) throw badRequest("url is required")
  if (!absoluteHttpUrl(url)) throw badRequest(`url must be an absolute http(s) URL (got ${JSON.stringify(url)})`)
  if (store.callbacks.some((c) => c.type === type && c.url === url)) return
  store.callbacks.push({ type, url, registeredAt: nowIso() })
}

/** Events are delivered only to URLs registered when they happen, so the URLs are taken now. */
export function raiseEvent(store: PayerStore, type: string, payload: Record<string, unknown>): StoredEvent {
  const event: StoredEvent = {
    token: randomBytes(24).toString("base64url"),
    type,
    payload,
    createdAt: nowIso(),
    urls: store.callbacks.filter((c) => c.type === type).map((c) => c.url),
    attempts: [],
    acknowledgedAt: null,
  }
  store.events.set(event.token, event)
  store.onEvent?.(event)
  return event
}

/** An acknowledged event can no longer be fetched (as the Events API says), nor can one never raised. */
export function fetchableEvent(store: PayerStore, token: string): StoredEvent {
  const event = store.events.get(token)
  if (!event || event.acknowledgedAt !== null) throw notFound(`Event ${token} not found`)
  return event
}

/** GET /api/v1/events/{token}/ack: stops the deliveries; acknowledging again is harmless. */
export function acknowledgeEvent(store: PayerStore, token: string): StoredEvent {
  const event = store.events.get(token)
  if (!event) throw notFound(`Event ${token} not found`)
  event.acknowledgedAt ??= nowIso()
  return event
}

/** The envelope GET /api/v1/events/{token} answers. */
export function eventEnvelope(event: StoredEvent) {
  return { token: event.token, type: event.type, createdAt: event.createdAt, payload: event.payload }
}
