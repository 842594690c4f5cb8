// Section 1: each PayEx and Payer operation through the plugin's client against the identical plain HTTP request to
// the same sandbox. Iterations alternate which mode goes first, so drift of a busy machine hits both alike.
import { PAYEX_OPS, payexClientFor, payexRaw, payexWithClient, type PayexOp, type Timings } from "./payex-ops"
import { PAYER_OPS, payerClientFor, payerRaw, payerWithClient, type PayerOp } from "./payer-ops"
import type { Sandboxes } from "./sandboxes"
import { summarize, type Summary } from "./stats"

export interface OpResult {
  api: "PayEx" | "Payer"
  op: string
  client: Summary
  raw: Summary
}

export interface ClientOpsResult {
  iterations: number
  warmup: number
  ops: OpResult[]
  seconds: number
}

function collect<Op extends string>(ops: readonly Op[]) {
  const samples = Object.fromEntries(ops.map((op) => [op, { client: [] as number[], raw: [] as number[] }])) as Record<
    Op,
    { client: number[]; raw: number[] }
  >
  const add = (mode: "client" | "raw", t: Timings<Op>) => {
    for (const op of ops) samples[op][mode].push(t[op])
  }
  return { samples, add }
}

export async function runClientOps(
  s: Sandboxes,
  iterations: number,
  log: (line: string) => void,
): Promise<ClientOpsResult> {
  const started = Date.now()
  const warmup = Math.min(5, Math.max(1, Math.floor(iterations / 10)))
  const payexClient = payexClientFor(s.payex.url)
  const payerClient = payerClientFor(s.payer.url)
  await payerClient.getInvoicesBatch() // the client's token, cached from here on as in a running shop

  const payex = collect<PayexOp>(PAYEX_OPS)
  const payer = collect<PayerOp>(PAYER_OPS)
  for (let i = -warmup; i < iterations; i++) {
    const clientFirst = i % 2 === 0
    const keep = i >= 0
    const runs: Array<[() => Promise<void>, () => Promise<void>]> = [
      [
        async () => {
          const t = await payexWithClient(payexClient, s.payex.url)
          if (keep) payex.add("client", t)
        },
        async () => {
          const t = await payexRaw(s.payex.url)
          if (keep) payex.add("raw", t)
        },
      ],
      [
        async () => {
          const t = await payerWithClient(payerClient)
          if (keep) payer.add("client", t)
        },
        async () => {
          const t = await payerRaw(s.payer.url)
          if (keep) payer.add("raw", t)
        },
      ],
    ]
    for (const [client, raw] of runs) {
      if (clientFirst) {
        await client()
        await raw()
      } else {
        await raw()
        await client()
      }
    }
    if (i >= 0 && (i + 1) % Math.max(1, Math.floor(iterations / 4)) === 0)
      log(`client operations: ${i + 1}/${iterations}`)
  }
  const ops: OpResult[] = [
    ...PAYEX_OPS.map((op) => ({
      api: "PayEx" as const,
      op,
      client: summarize(payex.samples[op].client),
      raw: summarize(payex.samples[op].raw),
    })),
    ...PAYER_OPS.map((op) => ({
      api: "Payer" as const,
      op,
      client: summarize(payer.samples[op].client),
      raw: summarize(payer.samples[op].raw),
    })),
  ]
  return { iterations, warmup, ops, seconds: (Date.now() - started) / 1000 }
}
