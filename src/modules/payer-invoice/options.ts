import type { PayerDeliveryType } from "../../lib/payer"
import { baseUrlProblem } from "../../lib/http/base-url"

/**
 * Payer B2B settings, given once as the plugin's `payer` option (the plugin hands its options to this
 * module). The `payer-b2b` payment provider needs no credentials of its own: it works through this module.
 */
export interface PayerOptions {
  clientId: string
  clientSecret: string
  /** Default https://stage-b2b.payer.se (test); https://b2b.payer.se in production. */
  baseUrl?: string
  /** Issue the invoice when a fulfillment is created (default) or when it is shipped. */
  invoiceOn?: "fulfillment" | "shipment"
  dueDays?: number
  deliveryType?: PayerDeliveryType
  timeoutMs?: number
  maxRetries?: number
  /** Status sync: at most this many Payer calls per run (default 200); the next run continues where it stopped. */
  syncMaxCalls?: number
  /** Status sync: a run starts no new Payer call after this many seconds (default 60). */
  syncMaxSeconds?: number
  /**
   * The shop's public URL of the plugin's event route (`https://<shop>/hooks/payer/events`). When set, it is
   * registered at Payer for the invoice events at every start (and by POST /admin/payer-events/register), and the
   * records show a payment as soon as Payer reports it; the status sync stays the fallback. https, or http on loopback.
   */
  eventsCallbackUrl?: string
}

export interface PayerInvoiceModuleOptions {
  payer?: PayerOptions
}

export const PAYER_DEFAULT_BASE_URL = "https://stage-b2b.payer.se"
export const PAYER_DELIVERY_TYPES = ["NONE", "EMAIL", "PRINT", "EINVOICE", "SMS"] as const
export const PAYER_CURRENCIES = ["dkk", "eur", "gbp", "nok", "sek", "usd", "chf"]
export const PAYER_SYNC_DEFAULTS = { syncMaxCalls: 200, syncMaxSeconds: 60 } as const
const SYNC_LIMITS = { syncMaxCalls: 10_000, syncMaxSeconds: 3_600 } as const

export type ResolvedPayerOptions = Required<Omit<PayerOptions, "timeoutMs" | "maxRetries" | "eventsCallbackUrl">> &
  Pick<PayerOptions, "timeoutMs" | "maxRetries" | "eventsCallbackUrl">

/** One message per bad option; never echoes the secret. */
export function payerOptionProblems(o: Partial<PayerOptions> | undefined): string[] {
  if (!o) return []
  const problems: string[] = []
  if (typeof o.clientId !== "string" || !o.clientId.trim()) problems.push("`payer.clientId` is required")
  if (typeof o.clientSecret !== "string" || !o.clientSecret.trim()) problems.push("`payer.clientSecret` is required")
  if (o.baseUrl !== undefined) {
    const problem = baseUrlProblem("payer.baseUrl", o.baseUrl)
    if (problem) problems.push(problem)
  }
  if (o.eventsCallbackUrl !== undefined) {
    const problem = baseUrlProblem("payer.eventsCallbackUrl", o.eventsCallbackUrl)
    if (problem) problems.push(problem)
  }
  if (o.invoiceOn !== undefined && o.invoiceOn !== "fulfillment" && o.invoiceOn !== "shipment")
    problems.push('`payer.invoiceOn` must be "fulfillment" or "shipment"')
  if (o.dueDays !== undefined && !(Number.isInteger(o.dueDays) && o.dueDays >= 0 && o.dueDays <= 365))
    problems.push("`payer.dueDays` must be a whole number of days from 0 to 365")
  if (o.deliveryType !== undefined && !(PAYER_DELIVERY_TYPES as readonly unknown[]).includes(o.deliveryType))
    problems.push(`\`payer.deliveryType\` must be one of ${PAYER_DELIVERY_TYPES.join(", ")}`)
  if (o.timeoutMs !== undefined && !(Number.isInteger(o.timeoutMs) && o.timeoutMs > 0))
    problems.push("`payer.timeoutMs` must be a positive integer")
  if (o.maxRetries !== undefined && !(Number.isInteger(o.maxRetries) && o.maxRetries >= 0 && o.maxRetries <= 10))
    problems.push("`payer.maxRetries` must be an integer from 0 to 10")
  for (const key of ["syncMaxCalls", "syncMaxSeconds"] as const) {
    const value = o[key]
    if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= SYNC_LIMITS[key])) {
      problems.push(`\`payer.${key}\` must be an integer from 1 to ${SYNC_LIMITS[key]}`)
    }
  }
  return problems
}

export function resolvePayerOptions(o: PayerOptions): ResolvedPayerOptions {
  return {
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    baseUrl: o.baseUrl ?? PAYER_DEFAULT_BASE_URL,
    invoiceOn: o.invoiceOn ?? "fulfillment",
    dueDays: o.dueDays ?? 30,
    deliveryType: o.deliveryType ?? "EMAIL",
    timeoutMs: o.timeoutMs,
    maxRetries: o.maxRetries,
    syncMaxCalls: o.syncMaxCalls ?? PAYER_SYNC_DEFAULTS.syncMaxCalls,
    syncMaxSeconds: o.syncMaxSeconds ?? PAYER_SYNC_DEFAULTS.syncMaxSeconds,
    eventsCallbackUrl: o.eventsCallbackUrl,
  }
}
