// Section 2: calls per action, counted at the sandboxes (they record every request) through the running Medusa,
// against the minimum each action needs. An action's own calls are those recorded from its start until it is over
// and nothing more arrives; its PayEx callback comes seconds later (Sandboxes.callbackDelayMs), and the reads Medusa
// makes to verify it are counted on their own row. Payer token requests are counted apart.
import type { AxiosInstance } from "axios"
import { randomUUID } from "node:crypto"
import type { RecordedRequest } from "../sandbox/shared/server"
import { b2bCheckout } from "../integration-tests/helpers/b2b"
import { waitFor } from "../integration-tests/helpers/environment"
import type { SeededStore } from "../integration-tests/helpers/seed"
import { payexCheckout } from "../integration-tests/helpers/store"
import * as shop from "../integration-tests/instances/shop-api"
import { callbacksSettled, describeKinds, isToken, settled, type Sandboxes } from "./sandboxes"

export interface ActionSample {
  calls: number
  kinds: string
  tokens: number
  /** a callback was delivered before the action's calls were over: the split between the rows may be off */
  overlapped: boolean
  /** callbacks: ms from Medusa's answer to the callback until its first verification read */
  verifiedAfterMs?: number
  note?: string
  error?: string
}

export interface ActionRow {
  action: string
  minimum: number
  samples: ActionSample[]
}

type H = { headers: Record<string, string> }

interface Mark {
  payex: number
  payer: number
  callbacks: number
}

const mark = (s: Sandboxes): Mark => ({
  payex: s.payex.requests.length,
  payer: s.payer.requests.length,
  callbacks: s.payex.callbacks.length,
})

function sampleBetween(s: Sandboxes, from: Mark, to: Mark): ActionSample {
  const payex = s.payex.requests.slice(from.payex, to.payex)
  const payerAll = s.payer.requests.slice(from.payer, to.payer)
  const payer = payerAll.filter((r) => !isToken(r))
  const part = (name: string, list: RecordedRequest[]) => (list.length ? `${name}: ${describeKinds(list)}` : "")
  const kinds = [part("PayEx", payex), part("Payer", payer)].filter(Boolean).join("; ") || "none"
  return {
    calls: payex.length + payer.length,
    kinds,
    tokens: payerAll.length - payer.length,
    overlapped: to.callbacks > from.callbacks,
  }
}

/** Resolves with the time the next callback (after `seen` delivered ones) was answered by Medusa. */
async function nextCallback(s: Sandboxes, seen: number): Promise<number> {
  const deadline = Date.now() + 60_000 + s.callbackDelayMs
  while (s.payex.callbacks.length <= seen) {
    if (Date.now() > deadline) throw new Error("no PayEx callback came")
    await new Promise((r) => setTimeout(r, 10))
  }
  await new Promise((r) => setTimeout(r, 20)) // the sandboxes' watcher takes the time
  return s.lastCallbackAt
}

/** Runs `action`, waits until the sandboxes are quiet, then (with `callback`) for the callback's verification. */
async function measure(s: Sandboxes, action: () => Promise<void>, callback: boolean) {
  await callbacksSettled(s) // nothing left over from before
  const start = mark(s)
  await action()
  await settled(s)
  const split = mark(s)
  const own = sampleBetween(s, start, split)
  if (!callback) return { own }
  const answeredAt = await nextCallback(s, split.callbacks)
  await callbacksSettled(s)
  const cb: ActionSample = { ...sampleBetween(s, split, mark(s)), overlapped: own.overlapped }
  const first = s.payex.requests[split.payex]
  if (first) cb.verifiedAfterMs = Date.parse(first.at) - answeredAt
  const statuses = s.payex.callbacks.slice(split.callbacks).map((c) => c.status)
  if (statuses.some((st) => st !== 200)) cb.note = `callback answered ${statuses.join(", ")}`
  return { own, callback: cb }
}

const ITEMS = (seed: SeededStore) => [
  { variant_id: seed.chairVariantId, quantity: 1 },
  { variant_id: seed.coffeeVariantId, quantity: 1 },
]

const allItems = (order: any) => order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))

export async function runCallsPerAction(
  s: Sandboxes,
  api: AxiosInstance,
  admin: H,
  seed: SeededStore,
  repeats: number,
  log: (line: string) => void,
): Promise<ActionRow[]> {
  const rows: Record<string, ActionRow> = {}
  const row = (action: string, minimum: number) => (rows[action] ??= { action, minimum, samples: [] })
  const add = (action: string, minimum: number, sample: ActionSample) => row(action, minimum).samples.push(sample)
  const failed = (action: string, minimum: number, e: unknown) =>
    add(action, minimum, { calls: NaN, kinds: "", tokens: 0, overlapped: false, error: errorText(e) })

  for (let r = 0; r < repeats; r++) {
    log(`calls per action: round ${r + 1}/${repeats}`)
    // PayEx: checkout, capture of the one fulfillment, a partial refund.
    let order: any
    try {
      const m = await measure(
        s,
        async () => {
          const { completed } = await payexCheckout(api, seed, ITEMS(seed))
          if (completed.type !== "order") throw new Error("the cart did not complete")
          order = completed.order
        },
        true,
      )
      add("PayEx Swedish checkout (Store API)", 4, m.own)
      add("  its authorization callback", 1, m.callback!)
      const c = await measure(
        s,
        async () => {
          await shop.fulfill(api, admin, seed, order.id, allItems(order))
          await waitFor(
            "the capture",
            async () => (await shop.orderPayment(api, admin, order.id)).captures?.length,
            60_000,
          )
        },
        true,
      )
      add("PayEx fulfillment capture", 1, c.own)
      add("  its capture callback", 1, c.callback!)
      const payment = await shop.orderPayment(api, admin, order.id)
      const refund = () =>
        api.post(`/admin/payments/${payment.id}/refund`, { amount: 100 }, admin).then(() => undefined)
      const f = await measure(s, refund, true)
      add("PayEx refund (admin, 100.00 SEK)", 1, f.own)
      add("  its reversal callback", 1, f.callback!)
    } catch (e) {
      failed("PayEx checkout / capture / refund", 4, e)
    }
    // PayEx: cancel an uncaptured order.
    try {
      const { completed } = await payexCheckout(api, seed, ITEMS(seed))
      const cancel = () => api.post(`/admin/orders/${completed.order.id}/cancel`, {}, admin).then(() => undefined)
      const m = await measure(s, cancel, true)
      add("PayEx cancel (admin, uncaptured order)", 1, m.own)
      add("  its cancellation callback", 1, m.callback!)
    } catch (e) {
      failed("PayEx cancel (admin, uncaptured order)", 1, e)
    }
    // Payer: B2B checkout, the invoice of its fulfillment, an admin credit.
    try {
      let b2b: any
      const checkout = () => b2bCheckout(api, seed, ITEMS(seed)).then((r) => void (b2b = r.order))
      add("Payer B2B checkout (Store API)", 0, (await measure(s, checkout, false)).own)
      let number = ""
      const invoice = async () => {
        await shop.fulfill(api, admin, seed, b2b.id, allItems(b2b))
        number = (await shop.invoiced(api, admin, b2b.id, 1))[0].number
      }
      add("Payer invoice of a B2B fulfillment", 3, (await measure(s, invoice, false)).own)
      const body = {
        type: "manual",
        lines: [{ description: "Prisavdrag", quantity: 1, unit_amount: 50, vat_percent: 25 }],
      }
      const headers = { headers: { ...admin.headers, "idempotency-key": `bench-${randomUUID()}` } }
      const credit = () => api.post(`/admin/payer-invoices/${number}/credits`, body, headers).then(() => undefined)
      add("Payer credit (admin, manual 50.00 SEK)", 1, (await measure(s, credit, false)).own)
    } catch (e) {
      failed("Payer invoice / credit", 3, e)
    }
  }
  return Object.values(rows)
}

/** Status and message of a failed request (Medusa's messages name no personal data), or the error's message. */
export function errorText(e: unknown): string {
  const err = e as { response?: { status?: number; data?: any }; message?: string; config?: { url?: string } }
  if (err?.response) {
    const message = String(err.response.data?.message ?? err.response.data?.type ?? "").slice(0, 140)
    const url = err.config?.url?.replace(/\/(cart|order|payses|pay|pinv)_[A-Za-z0-9]+/g, "/:id") ?? ""
    return `${err.response.status} ${url} ${message}`.trim()
  }
  return String(err?.message ?? e).slice(0, 160)
}
