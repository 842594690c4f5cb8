// Both sandboxes, started in-process as the integration tests start them (sandbox/*/index.ts), with the bench's
// latency, and what the bench reads from their request records: kinds of requests and "no new request for a while".
import { startPayerSandbox, type PayerSandbox } from "../sandbox/payer"
import { startPayexSandbox, type PayexSandbox } from "../sandbox/payex"
import type { RecordedRequest } from "../sandbox/shared/server"

export interface Sandboxes {
  payex: PayexSandbox
  payer: PayerSandbox
  latency: number
  /** the PayEx sandbox's delay before each callback, ms */
  callbackDelayMs: number
  /** when this process last saw a new callback attempt recorded (0: none yet) */
  lastCallbackAt: number
  close(): Promise<void>
}

/**
 * Callbacks come late enough (seconds after their transaction) that an action's own calls are over before its
 * callback's verification starts, so the two can be counted apart.
 */
export function callbackDelayFor(latency: number): number {
  return 4000 + 8 * latency
}

export async function startSandboxes(latency: number): Promise<Sandboxes> {
  const callbackDelayMs = callbackDelayFor(latency)
  const payex = await startPayexSandbox({ callbackDelayMs })
  const payer = await startPayerSandbox()
  // The same switch as POST /_sandbox/faults { latencyMs }.
  payex.setFaults({ latencyMs: latency })
  payer.setFaults({ latencyMs: latency })
  let seen = 0
  const sandboxes: Sandboxes = {
    payex,
    payer,
    latency,
    callbackDelayMs,
    lastCallbackAt: 0,
    async close() {
      clearInterval(watcher)
      await payex.close()
      await payer.close()
    },
  }
  // The sandbox records an attempt once Medusa answered it; Medusa verifies it MEDUSA_WEBHOOK_DELAY_MS later.
  const watcher = setInterval(() => {
    if (payex.callbacks.length !== seen) [seen, sandboxes.lastCallbackAt] = [payex.callbacks.length, Date.now()]
  }, 10)
  watcher.unref()
  return sandboxes
}

const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i

/**
 * A short name of a request: method and the path below the API root with ids as `:id`, e.g. `POST payments`,
 * `GET payments/:id/transactions/:id`, `PUT orders/:id/approve`, `POST token`.
 */
export function requestKind(r: Pick<RecordedRequest, "method" | "path">): string {
  if (r.path === "/oauth2/token") return `${r.method} token`
  const rest = r.path
    .replace(/^\/psp\/invoice\//, "")
    .replace(/^\/api\/v2\/orders\/invoices/, "invoices")
    .replace(/^\/api\/v2\//, "")
    .replace(/\/+$/, "")
  const segments = rest.split("/").map((s) => (ID.test(s) ? ":id" : s))
  return `${r.method} ${segments.join("/")}`
}

export const isToken = (r: Pick<RecordedRequest, "path">) => r.path === "/oauth2/token"

/** "GET payments/:id ×2, POST payments/:id/captures" in first-seen order. */
export function describeKinds(requests: RecordedRequest[]): string {
  const counts = new Map<string, number>()
  for (const r of requests) counts.set(requestKind(r), (counts.get(requestKind(r)) ?? 0) + 1)
  if (!counts.size) return "none"
  return [...counts].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(", ")
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Resolves once no sandbox recorded a new request for `quietMs` (and at least `minMs` have passed). */
export async function settled(s: Sandboxes, opts: { quietMs?: number; minMs?: number; timeoutMs?: number } = {}) {
  const quietMs = opts.quietMs ?? 1000 + 2 * s.latency
  const started = Date.now()
  const deadline = started + (opts.timeoutMs ?? 120_000)
  let seen = s.payex.requests.length + s.payer.requests.length
  let since = Date.now()
  for (;;) {
    await sleep(50)
    const now = s.payex.requests.length + s.payer.requests.length
    if (now !== seen) [seen, since] = [now, Date.now()]
    if (Date.now() - since >= quietMs && Date.now() - started >= (opts.minMs ?? 0)) return
    if (Date.now() > deadline) throw new Error("the sandboxes kept receiving requests for two minutes")
  }
}

/**
 * Medusa's webhook route queues a callback with the payment module's `webhook_delay`, which it reads from
 * `paymentModule.options`; in Medusa 2.21 that property is not there, so the delay is always its default of 5 s.
 */
export const MEDUSA_WEBHOOK_DELAY_MS = 5000

/** Waits for every scheduled PayEx callback to be delivered and for the reads Medusa makes to verify it. */
export async function callbacksSettled(s: Sandboxes) {
  await s.payex.callbacksIdle()
  await sleep(20) // the watcher's tick
  const wait = s.lastCallbackAt + MEDUSA_WEBHOOK_DELAY_MS + 1500 - Date.now()
  await settled(s, { minMs: Math.max(0, wait) })
}
