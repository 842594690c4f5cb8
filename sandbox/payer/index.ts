/**
 * The project's stateful, strict Payer B2B sandbox (tests, demos, offline development; not shipped).
 *
 *   const payer = await startPayerSandbox()            // random port on 127.0.0.1
 *   // point the plugin at payer.url with PAYER_SANDBOX_CLIENT_ID / PAYER_SANDBOX_CLIENT_SECRET
 *   payer.markPaid(1001)                               // the customer pays
 *   await payer.close()
 *
 * See sandbox/README.md ("Payer sandbox") for the behaviour where the API text is silent.
 */
import { DEFAULT_FAULTS, startSandboxServer, type SandboxServer } from "../shared/server"
import { resolveAnswerShapes, type AnswerShapes, type AnswerShapesInput } from "./answer-shapes"
import { markOverdue, markPaid, writeOff } from "./domain/payments"
import { raiseEvent } from "./domain/events"
import { EventDelivery, type EventDeliveryOptions } from "./event-delivery"
import { eventRoutes } from "./routes/events"
import { creditRoutes } from "./routes/credits"
import { authRoutes } from "./routes/auth"
import { invoiceRoutes } from "./routes/invoices"
import { orderRoutes } from "./routes/orders"
import type { PayerConfig, PayerContext } from "./routes/common"
import {
  createStore,
  resetStore,
  toInvoice,
  type EventDeliveryAttempt,
  type Invoice,
  type PayerStore,
  type StoredEvent,
} from "./state"

export const PAYER_SANDBOX_CLIENT_ID = "sandbox-client"
export const PAYER_SANDBOX_CLIENT_SECRET = "sandbox-secret"
export const PAYER_SANDBOX_DEFAULT_PORT = 9412

export interface PayerSandbox extends SandboxServer {
  /** the live store: orders, invoices (with sends, payments, credit ledger), tokens, handled request ids */
  state: PayerStore
  /** tokens issued by POST /oauth2/token since start (or the last reset) */
  readonly tokensIssued: number
  /** lifetime of tokens issued from now on */
  setTokenTtlSeconds(seconds: number): void
  /** every token issued so far answers 401 from now on */
  expireAllTokens(): void
  /** empty store, numbering from the start, default faults, no recorded requests, token TTL as started */
  reset(): void
  /** the customer pays `amount` (default: all outstanding) of a NORMAL invoice -> PAID / PARTIALLY_PAID */
  markPaid(invoiceNumber: number, amount?: number): Invoice
  /** the invoice's due date passed without full payment -> OVERDUE */
  markOverdue(invoiceNumber: number): Invoice
  /** the merchant writes `amount` (default: all outstanding) off -> PAID / PARTIALLY_PAID, WRITE_OFF_PAYMENT_CREATED */
  writeOff(invoiceNumber: number, amount?: number): Invoice
  /** when and how events are delivered to the registered URLs from now on (see event-delivery.ts) */
  setEventDelivery(options: Partial<EventDeliveryOptions>): EventDeliveryOptions
  /** an event of any type (one the sandbox never raises itself, say), delivered like the others */
  raiseEvent(type: string, payload?: Record<string, unknown>): StoredEvent
  /** every URL of the event called once more now, outside its schedule (Payer may redeliver even after an ack) */
  redeliverEvent(token: string): Promise<EventDeliveryAttempt[]>
  /** the events so far, oldest first */
  events(type?: string): StoredEvent[]
  /** forgets every callback registration (reset() keeps them, as it keeps tokens) */
  clearEventCallbacks(): void
  /**
   * How invoice-returning answers wrap the invoice from now on: "default" (creation `{ invoice }`, credits and
   * lookups at the top level), "swapped" (each the other way round) or per family. reset() restores the start value.
   */
  setAnswerShapes(shapes: AnswerShapesInput): AnswerShapes
  /** the Invoice object as GET /api/v2/orders/invoices would return it, or undefined */
  getInvoice(invoiceNumber: number): Invoice | undefined
}

export interface PayerSandboxOptions {
  port?: number
  host?: string
  clientId?: string
  clientSecret?: string
  /** default 3599, as Payer */
  tokenTtlSeconds?: number
  /** default 1001 */
  firstInvoiceNumber?: number
  /** default "default": see setAnswerShapes */
  answerShapes?: AnswerShapesInput
  /** default DEFAULT_EVENT_DELIVERY: see setEventDelivery */
  eventDelivery?: Partial<EventDeliveryOptions>
}

function checkTtl(seconds: number): number {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`tokenTtlSeconds must be a number >= 0 (got ${seconds})`)
  }
  return seconds
}

export async function startPayerSandbox(opts: PayerSandboxOptions = {}): Promise<PayerSandbox> {
  const firstInvoiceNumber = opts.firstInvoiceNumber ?? 1001
  if (!Number.isSafeInteger(firstInvoiceNumber) || firstInvoiceNumber < 1) {
    throw new Error(`firstInvoiceNumber must be an integer >= 1 (got ${firstInvoiceNumber})`)
  }
  const initialTtl = checkTtl(opts.tokenTtlSeconds ?? 3599)
  const initialShapes = resolveAnswerShapes(opts.answerShapes)
  const config: PayerConfig = {
    clientId: opts.clientId ?? PAYER_SANDBOX_CLIENT_ID,
    clientSecret: opts.clientSecret ?? PAYER_SANDBOX_CLIENT_SECRET,
    tokenTtlSeconds: initialTtl,
    answerShapes: { ...initialShapes },
  }
  const store = createStore(firstInvoiceNumber)
  const delivery = new EventDelivery(store, opts.eventDelivery)
  const initialDelivery = { ...delivery.options }
  store.onEvent = (event) => delivery.schedule(event)
  let baseUrl = ""
  const ctx: PayerContext = { store, config, baseUrl: () => baseUrl }
  const resetState = () => {
    delivery.cancelAll()
    delivery.configure(initialDelivery)
    resetStore(store)
    config.tokenTtlSeconds = initialTtl
    config.answerShapes = { ...initialShapes }
  }

  const server = await startSandboxServer({
    port: opts.port,
    host: opts.host,
    name: "payer",
    // specific /api/v2/orders/invoices/... routes before the /api/v2/orders/:orderId/... ones
    routes: [...authRoutes(ctx), ...invoiceRoutes(ctx), ...creditRoutes(ctx), ...orderRoutes(ctx), ...eventRoutes(ctx)],
    onReset: resetState,
  })
  baseUrl = server.url
  const closeServer = server.close
  server.close = () => {
    delivery.close()
    return closeServer()
  }

  const extra = {
    state: store,
    setTokenTtlSeconds(seconds: number) {
      config.tokenTtlSeconds = checkTtl(seconds)
    },
    setAnswerShapes(shapes: AnswerShapesInput) {
      config.answerShapes = resolveAnswerShapes(shapes, config.answerShapes)
      return { ...config.answerShapes }
    },
    expireAllTokens() {
      for (const token of store.tokens.values()) token.expiresAt = 0
    },
    reset() {
      resetState()
      server.setFaults({ ...DEFAULT_FAULTS })
      server.clearRequests()
    },
    markPaid: (invoiceNumber: number, amount?: number) => toInvoice(markPaid(store, invoiceNumber, amount), baseUrl),
    markOverdue: (invoiceNumber: number) => toInvoice(markOverdue(store, invoiceNumber), baseUrl),
    writeOff: (invoiceNumber: number, amount?: number) => toInvoice(writeOff(store, invoiceNumber, amount), baseUrl),
    setEventDelivery: (options: Partial<EventDeliveryOptions>) => delivery.configure(options),
    raiseEvent: (type: string, payload: Record<string, unknown> = {}) => raiseEvent(store, type, payload),
    redeliverEvent: (token: string) => delivery.deliverNow(token),
    events: (type?: string) => [...store.events.values()].filter((e) => type === undefined || e.type === type),
    clearEventCallbacks() {
      store.callbacks.length = 0
    },
    getInvoice(invoiceNumber: number) {
      const invoice = store.invoices.get(invoiceNumber)
      return invoice ? toInvoice(invoice, baseUrl) : undefined
    },
  }
  const sandbox = Object.assign(server, extra) as PayerSandbox
  Object.defineProperty(sandbox, "tokensIssued", { get: () => store.tokensIssued, enumerable: true })
  return sandbox
}

export type {
  EventCallback,
  EventDeliveryAttempt,
  StoredEvent,
  Invoice,
  InvoiceItem,
  InvoiceStatus,
  InvoiceType,
  PayerStore,
  StoredInvoice,
  StoredOrder,
  OrderItem,
  Customer,
  Address,
  CurrencyCode,
  DeliveryType,
} from "./state"
export { DEFAULT_EVENT_DELIVERY, type EventDeliveryOptions } from "./event-delivery"
export { EVENT_TYPES } from "./domain/events"
export { ocrReference, luhnCheckDigit, isLuhnValid } from "./util"
export { ANSWER_SHAPE_PRESETS, type AnswerShapes, type AnswerShapesInput, type InvoiceShape } from "./answer-shapes"
