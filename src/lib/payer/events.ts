/**
 * Payer's Events API (v1) as the plugin reads it: paths, the event types it subscribes to, the callback's token,
 * and tolerant readers of the fetched event. Every point the API text leaves open ("unconfirmed" in the project's
 * notes) is decided HERE, each marked UNCONFIRMED with the reading chosen, so a correction is one edit:
 *
 * - UNCONFIRMED the callback's HTTP method: GET and POST are both accepted (see the route), the body ignored.
 * - UNCONFIRMED the token's shape: any 8..512 characters of [A-Za-z0-9._~+/=-] (EVENT_TOKEN_PATTERN).
 * - UNCONFIRMED the fetched envelope: `{ type, payload }` at the top level or wrapped in `{ event: {...} }`;
 *   other fields are ignored; a payload that is not an object reads as {}.
 * - UNCONFIRMED numbers in payloads: int64 or a digit string (WRITE_OFF_PAYMENT_CREATED types invoiceNumber as
 *   a string); both are read.
 * - UNCONFIRMED CREDIT_USED's `reference`: for creditUsedType USED_AS_PAYMENT it is read as the number of the
 *   invoice the credit paid, when it is all digits; anything else in it is ignored.
 * - UNCONFIRMED the ack's answer: any 2xx; a 404 is read as "already acknowledged or expired" (done).
 * - UNCONFIRMED registering a type+URL again: harmless (a 409 for a repeated Payer-Request-ID counts as done).
 * - UNCONFIRMED the status Payer answers after a write-off: whatever the re-read invoice says is written.
 * - UNCONFIRMED whether Payer keeps the registered URL's own query parameters: the plugin needs none.
 */
import type { PayerEvent } from "./payer-api-types"

export const EVENTS_CALLBACKS_PATH = "/api/v1/events/callbacks"

export function eventPath(token: string): string {
  return `/api/v1/events/${encodeURIComponent(token)}`
}

export function eventAckPath(token: string): string {
  return `${eventPath(token)}/ack`
}

/** What logs and errors show instead of an event's path: the token stays out of them. */
export const EVENT_PATH_SHOWN = "/api/v1/events/{token}"
export const EVENT_ACK_PATH_SHOWN = "/api/v1/events/{token}/ack"

/** The event types whose payload names an invoice the plugin may hold a record of (see mapping/payer-events.ts). */
export const PAYER_SUBSCRIBED_EVENT_TYPES = [
  "INVOICE_PAYMENT_RECEIVED",
  "CREDIT_USED",
  "WRITE_OFF_PAYMENT_CREATED",
] as const

export const EVENT_TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{8,512}$/

/** The callback's token when it has a plausible shape, else null (the route answers 400 naming `token`). */
export function eventTokenOf(value: unknown): string | null {
  const token = Array.isArray(value) ? value[0] : value
  return typeof token === "string" && EVENT_TOKEN_PATTERN.test(token) ? token : null
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value)
}

/** A fetched event, or null when the answer holds no event type (an answer the plugin cannot act on). */
export function eventFromAnswer(body: unknown): PayerEvent | null {
  if (!isObject(body)) return null
  const envelope = isObject(body.event) && typeof body.event.type === "string" ? body.event : body
  if (typeof envelope.type !== "string" || envelope.type.trim() === "") return null
  return { type: envelope.type.trim(), payload: isObject(envelope.payload) ? envelope.payload : {} }
}

/** A positive safe integer from an int64 or a digit string; null otherwise. */
export function payloadNumber(value: unknown): number | null {
  const n = typeof value === "string" && /^\d{1,16}$/.test(value.trim()) ? Number(value.trim()) : value
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null
}

/** The invoice a credit paid, read from CREDIT_USED's `reference` (see the UNCONFIRMED note above). */
export function creditUsedPaidInvoice(payload: Record<string, unknown>): number | null {
  if (payload.creditUsedType !== "USED_AS_PAYMENT") return null
  return typeof payload.reference === "string" ? payloadNumber(payload.reference) : null
}
