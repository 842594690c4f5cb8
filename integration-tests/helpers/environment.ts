import net from "node:net"
import { startPayerSandbox, PayerSandbox } from "../../sandbox/payer"
import { startPayexSandbox, PayexSandbox } from "../../sandbox/payex"

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

/**
 * Starts the PayEx and Payer sandboxes and points medusa-config.js at them. Must run in a top-level beforeAll, which
 * jest runs before medusaIntegrationTestRunner's own beforeAll loads the config and boots Medusa.
 */
export async function startSandboxesForMedusa(): Promise<{
  payex: PayexSandbox
  payer: PayerSandbox
  backendUrl: string
}> {
  const payex = await startPayexSandbox()
  const payer = await startPayerSandbox()
  process.env.PAYER_BASE_URL = payer.url
  const port = await freePort()
  process.env.PORT = String(port)
  process.env.MEDUSA_BACKEND_URL = `http://localhost:${port}`
  process.env.PAYEX_BASE_URL = payex.url
  process.env.PAYMENT_WEBHOOK_DELAY_MS = "200"
  process.env.PAYEX_MAX_RETRIES = "2"
  // Every spec's requests come from one address; a suite of many checkouts must not run into the per-client cap
  // of the PayEx store routes (payex-store-abuse.spec.ts sets its own low one before this runs).
  process.env.PAYEX_LEGAL_ADDRESS_RATE_LIMIT ??= JSON.stringify({ max: 1000, windowSeconds: 600 })
  return { payex, payer, backendUrl: process.env.MEDUSA_BACKEND_URL }
}

/**
 * Starts both sandboxes before medusaIntegrationTestRunner boots Medusa (call it at the top level of a spec,
 * before the runner) and closes them after the suite. Read them through the returned object's getters.
 */
export function useSandboxes(): { readonly payex: PayexSandbox; readonly payer: PayerSandbox } {
  let started: { payex: PayexSandbox; payer: PayerSandbox } | undefined
  beforeAll(async () => {
    started = await startSandboxesForMedusa()
  })
  afterAll(async () => {
    await started?.payex.close()
    await started?.payer.close()
  })
  const get = () => {
    if (!started) throw new Error("the sandboxes are not started yet (use them inside tests or hooks)")
    return started
  }
  return {
    get payex() {
      return get().payex
    },
    get payer() {
      return get().payer
    },
  }
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 15000,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await fn()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
