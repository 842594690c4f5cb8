// Section 3: the whole Store API checkout (cart, items, shipping, payment collection and session, for PayEx the
// legal address and the authorization, completion) with PayEx invoice against pp_system_default on the same Medusa:
// sequentially (taking turns), then as concurrent shoppers, each provider's shoppers on their own after the previous
// block's PayEx callbacks were handled.
import type { AxiosInstance } from "axios"
import type { SeededStore } from "../integration-tests/helpers/seed"
import { cartWithPaymentSession, payexCheckout, storeHeaders } from "../integration-tests/helpers/store"
import { errorText } from "./calls-per-action"
import { callbacksSettled, type Sandboxes } from "./sandboxes"
import { summarize, type Summary } from "./stats"

export const PROVIDERS = { payex: "pp_payex-invoice_payex", system: "pp_system_default" } as const
export type Provider = keyof typeof PROVIDERS

export interface LoadBlock {
  provider: Provider
  mode: "sequential" | "concurrent"
  checkouts: number
  ok: Summary
  errors: number
  errorMessages: string[]
  wallSeconds: number
}

const items = (seed: SeededStore) => [
  { variant_id: seed.chairVariantId, quantity: 1 },
  { variant_id: seed.coffeeVariantId, quantity: 2 },
]

async function checkout(api: AxiosInstance, seed: SeededStore, provider: Provider): Promise<void> {
  if (provider === "payex") {
    const { completed } = await payexCheckout(api, seed, items(seed))
    if (completed.type !== "order") throw new Error(`the cart did not complete (${completed.type})`)
    return
  }
  const { cart } = await cartWithPaymentSession(api, seed, items(seed), PROVIDERS.system, {})
  const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, storeHeaders(seed))
  if (data.type !== "order") throw new Error(`the cart did not complete (${data.type})`)
}

type Run = { ms: number; error?: string }

async function timedCheckout(api: AxiosInstance, seed: SeededStore, provider: Provider) {
  const started = performance.now()
  try {
    await checkout(api, seed, provider)
    return { ms: performance.now() - started }
  } catch (e) {
    return { ms: performance.now() - started, error: errorText(e) }
  }
}

function block(provider: Provider, mode: LoadBlock["mode"], runs: Run[], wall: number) {
  const errors = runs.filter((r) => r.error)
  const messages = [...new Set(errors.map((r) => r.error!))]
  return {
    provider,
    mode,
    checkouts: runs.length,
    ok: summarize(runs.filter((r) => !r.error).map((r) => r.ms)),
    errors: errors.length,
    errorMessages: messages.slice(0, 5),
    wallSeconds: wall / 1000,
  }
}

export async function runCheckoutLoad(
  s: Sandboxes,
  api: AxiosInstance,
  seed: SeededStore,
  opts: { checkouts: number; shoppers: number },
  log: (line: string) => void,
): Promise<LoadBlock[]> {
  const blocks: LoadBlock[] = []
  // Warm-up, not recorded: the first requests of each route compile and cache.
  for (const provider of ["payex", "system"] as const) {
    for (let i = 0; i < 2; i++) await timedCheckout(api, seed, provider)
  }
  // Sequential: the two providers take turns, so a busy machine's drift hits both alike.
  await callbacksSettled(s)
  log(`checkouts: ${opts.checkouts} sequential per provider, taking turns`)
  const sequential = { payex: [] as Run[], system: [] as Run[] }
  const took = { payex: 0, system: 0 }
  for (let i = 0; i < opts.checkouts; i++) {
    for (const provider of (i % 2 ? ["system", "payex"] : ["payex", "system"]) as Provider[]) {
      const run = await timedCheckout(api, seed, provider)
      sequential[provider].push(run)
      took[provider] += run.ms
    }
  }
  for (const provider of ["payex", "system"] as const) {
    blocks.push(block(provider, "sequential", sequential[provider], took[provider]))
  }
  // Concurrent: each provider's shoppers on their own, after the previous block's callbacks were handled.
  for (const provider of ["payex", "system"] as const) {
    await callbacksSettled(s)
    log(`checkouts: ${opts.shoppers} concurrent shoppers with ${provider}`)
    const started = performance.now()
    const runs = await Promise.all(Array.from({ length: opts.shoppers }, () => timedCheckout(api, seed, provider)))
    blocks.push(block(provider, "concurrent", runs, performance.now() - started))
  }
  await callbacksSettled(s)
  return blocks
}
