/**
 * Delivery of the sandbox's events: each URL registered for the event's type (when it happened) is called with
 * `?token=<token>` after `delayMs`, and again after each of `retryDelaysMs` while the event is not acknowledged
 * (Payer: at most 10 calls over about 4.5 hours; the sandbox's default is the same count on a short schedule).
 * The merchant's HTTP status does not stop the calls (Payer says the ack does); every call is recorded on the
 * event as an attempt.
 */
import type { EventDeliveryAttempt, PayerStore, StoredEvent } from "./state"

export interface EventDeliveryOptions {
  /** before the first call (ms) */
  delayMs: number
  /** waits before the 2nd, 3rd... call while not acknowledged; its length + 1 is the most calls an event gets */
  retryDelaysMs: number[]
  /** Payer's method is not documented (its WooCommerce plugin accepts any): POST by default, GET to try the other */
  method: "GET" | "POST"
  /** per call (ms) */
  timeoutMs: number
}

export const DEFAULT_EVENT_DELIVERY: Readonly<EventDeliveryOptions> = Object.freeze({
  delayMs: 100,
  retryDelaysMs: [500, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000],
  method: "POST" as const,
  timeoutMs: 10_000,
})

/** Throws on a bad value, so a test's typo fails loudly instead of delivering on some other schedule. */
export function checkEventDelivery(partial: Partial<EventDeliveryOptions>): Partial<EventDeliveryOptions> {
  const ms = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0
  if (partial.delayMs !== undefined && !ms(partial.delayMs)) throw new Error("delayMs must be an integer >= 0")
  if (partial.timeoutMs !== undefined && !(ms(partial.timeoutMs) && partial.timeoutMs > 0))
    throw new Error("timeoutMs must be an integer > 0")
  if (partial.retryDelaysMs !== undefined && !(Array.isArray(partial.retryDelaysMs) && partial.retryDelaysMs.every(ms)))
    throw new Error("retryDelaysMs must be a list of integers >= 0")
  if (partial.method !== undefined && partial.method !== "GET" && partial.method !== "POST")
    throw new Error('method must be "GET" or "POST"')
  // a key given as undefined (an unset environment variable) keeps the current value
  return Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined))
}

export class EventDelivery {
  readonly options: EventDeliveryOptions
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly store: PayerStore,
    options: Partial<EventDeliveryOptions> = {},
  ) {
    this.options = { ...DEFAULT_EVENT_DELIVERY, ...checkEventDelivery(options) }
  }

  configure(partial: Partial<EventDeliveryOptions>): EventDeliveryOptions {
    Object.assign(this.options, checkEventDelivery(partial))
    return { ...this.options, retryDelaysMs: [...this.options.retryDelaysMs] }
  }

  /** Starts the schedule of a new event (the store's onEvent). */
  schedule(event: StoredEvent): void {
    if (event.urls.length) this.later(this.options.delayMs, () => this.attempt(event, 0))
  }

  /** One more call of every URL of the event now, outside its schedule (a redelivery, as Payer may make). */
  async deliverNow(token: string): Promise<EventDeliveryAttempt[]> {
    const event = this.store.events.get(token)
    if (!event) throw new Error(`no event with token ${token}`)
    return Promise.all(event.urls.map((url) => this.call(event, url)))
  }

  /** Forgets every scheduled call (reset, close); calls under way finish. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  close(): void {
    this.closed = true
    this.cancelAll()
  }

  private later(ms: number, fn: () => Promise<void>): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void fn()
    }, ms)
    this.timers.add(timer)
  }

  private live(event: StoredEvent): boolean {
    return !this.closed && event.acknowledgedAt === null && this.store.events.get(event.token) === event
  }

  private async attempt(event: StoredEvent, retriesDone: number): Promise<void> {
    if (!this.live(event)) return
    await Promise.all(event.urls.map((url) => this.call(event, url)))
    const wait = this.options.retryDelaysMs[retriesDone]
    if (wait !== undefined && this.live(event)) this.later(wait, () => this.attempt(event, retriesDone + 1))
  }

  private async call(event: StoredEvent, url: string): Promise<EventDeliveryAttempt> {
    const target = new URL(url)
    target.searchParams.set("token", event.token) // the URL's own query parameters are kept
    let status: EventDeliveryAttempt["status"]
    try {
      const res = await fetch(target, {
        method: this.options.method,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
      await res.arrayBuffer()
      status = res.status
    } catch {
      status = "error"
    }
    const attempt: EventDeliveryAttempt = { url, at: new Date().toISOString(), status }
    event.attempts.push(attempt)
    return attempt
  }
}
