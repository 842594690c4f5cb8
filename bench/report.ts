// bench/results.md from the figures of one run.
import type { ActionRow, ActionSample } from "./calls-per-action"
import type { LoadBlock } from "./checkout-load"
import type { ClientOpsResult } from "./client-ops"
import type { RunInfo } from "./machine"
import type { BenchOptions } from "./options"
import { median, ratio } from "./stats"
import type { SyncResult } from "./status-sync"
import type { TokenResult } from "./tokens"

export interface BenchReport {
  info: RunInfo
  options: BenchOptions
  callbackDelayMs: number
  setup: Record<string, number | boolean>
  clientOps?: ClientOpsResult
  tokens?: TokenResult
  medusaTokens?: { tokens: number; calls: number }
  actions?: ActionRow[]
  load?: LoadBlock[]
  sync?: SyncResult
  failures: string[]
  seconds: number
  loadAverage: { start: string; end: string }
}

const ms = (v: number) => (!Number.isFinite(v) ? "–" : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0))
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "–")
const duration = (s: number) => (s >= 90 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(1)} s`)

function clientOpsSection(r: ClientOpsResult): string[] {
  const lines = [
    `## 1. Client operations against a raw HTTP request to the same sandbox`,
    "",
    `${r.iterations} recorded iterations per mode (after ${r.warmup} warm-up), modes alternating which goes first; ` +
      `times in ms. Plugin client: \`src/lib/payex\` PayexClient / \`src/lib/payer\` PayerClient (axios, retries off). ` +
      `Raw: the identical request (URL, headers, body) with \`node:http\` and the same keep-alive agent. ` +
      `Overhead = client / raw. Section time: ${duration(r.seconds)}.`,
    "",
    "| API | operation | client median | client p95 | raw median | raw p95 | overhead (median) | overhead (p95) |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ]
  for (const o of r.ops) {
    lines.push(
      `| ${o.api} | ${o.op} | ${ms(o.client.median)} | ${ms(o.client.p95)} | ${ms(o.raw.median)} | ${ms(o.raw.p95)} | ` +
        `${x(ratio(o.client.median, o.raw.median))} | ${x(ratio(o.client.p95, o.raw.p95))} |`,
    )
  }
  lines.push(
    "",
    "Payer `token` on the client side is the transport's own token request; every other client call reuses its cached token, " +
      "as a running shop does (see section 5).",
  )
  return lines
}

function sampleText(samples: ActionSample[]): { calls: string; list: string; tokens: string; counts: number[] } {
  const ok = samples.filter((s) => !s.error)
  const distinct = [...new Set(ok.map((s) => `${s.calls}|${s.kinds}`))]
  const counts = ok.map((s) => s.calls)
  const list = distinct
    .map((d) => {
      const [calls, kinds] = d.split("|")
      const n = ok.filter((s) => `${s.calls}|${s.kinds}` === d).length
      return `${calls}: ${kinds}${ok.length > 1 ? ` (${n}/${samples.length} rounds)` : ""}`
    })
    .concat(samples.filter((s) => s.error).map((s) => `failed: ${s.error}`))
    .concat(samples.some((s) => s.overlapped) ? ["(a callback arrived before the action was over)"] : [])
    .concat([...new Set(samples.filter((s) => s.note).map((s) => s.note!))])
    .join("<br>")
  const tokens = [...new Set(ok.map((s) => s.tokens))].join(" / ")
  return { calls: [...new Set(counts)].join(" / ") || "–", list, tokens, counts }
}

function verificationDelay(rows: ActionRow[]): string[] {
  const delays = rows.flatMap((r) =>
    r.samples.map((s) => s.verifiedAfterMs).filter((d): d is number => d !== undefined),
  )
  if (!delays.length) return []
  const mid = median(delays)
  const range = `${(Math.min(...delays) / 1000).toFixed(1)}–${(Math.max(...delays) / 1000).toFixed(1)} s`
  const why =
    mid >= 4000
      ? " Medusa's webhook route queues a callback with `webhook_delay`, which it reads from `paymentModule.options`; " +
        "in Medusa 2.21 it finds nothing there, so its default of 5 s applies whatever the payment module is given " +
        "(the bench host configures 200 ms)."
      : ""
  return [
    `Medusa verified each callback ${(mid / 1000).toFixed(1)} s (median; ${range}) after it answered it.${why}`,
    "",
  ]
}

function actionsSection(rows: ActionRow[], callbackDelayMs: number): string[] {
  const lines = [
    "## 2. Calls per action against the minimum",
    "",
    "Counted at the sandboxes through the running Medusa. An action's calls are those recorded from its first request " +
      "until it is over and the sandboxes stay quiet; the PayEx callback it causes comes " +
      `${callbackDelayMs / 1000} s after its transaction, and the reads Medusa makes to verify it are the indented row. ` +
      "Payer token requests are counted apart. Ratio = measured / minimum (worst round).",
    "",
    ...verificationDelay(rows),
    "| action | calls measured (request kinds) | minimum | ratio | Payer tokens |",
    "|---|---|---:|---:|---:|",
  ]
  for (const row of rows) {
    const t = sampleText(row.samples)
    const worst = t.counts.length ? Math.max(...t.counts) : NaN
    const r = row.minimum > 0 ? x(ratio(worst, row.minimum)) : worst === 0 ? "–" : `${worst} over 0`
    const name = row.action.startsWith("  ") ? `↳ ${row.action.trim()}` : row.action
    lines.push(`| ${name} | ${t.list || "–"} | ${row.minimum} | ${r} | ${t.tokens || "–"} |`)
  }
  return lines
}

function loadSection(blocks: LoadBlock[]): string[] {
  const lines = [
    "## 3. Store API checkout: PayEx invoice against pp_system_default",
    "",
    "The whole flow per shopper: cart, two lines, shipping, payment collection, payment session; with PayEx also " +
      "`/store/payex/legal-address` and `/store/payex/authorize`; then cart completion. Median and p95 (ms) of the " +
      "successful checkouts. Sequential: the providers take turns, one checkout at a time; its time is the sum of " +
      "that provider's checkouts. Concurrent: all shoppers of one provider at once; time from the first start to the " +
      "last answer.",
    "",
    "| provider | mode | checkouts | median | p95 | errors | time | checkouts/s |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ]
  for (const b of blocks) {
    const okCount = b.checkouts - b.errors
    lines.push(
      `| ${b.provider === "payex" ? "PayEx invoice" : "pp_system_default"} | ${b.mode} | ${b.checkouts} | ` +
        `${ms(b.ok.median)} | ${ms(b.ok.p95)} | ${b.errors} | ${b.wallSeconds.toFixed(1)} s | ` +
        `${(okCount / b.wallSeconds).toFixed(2)} |`,
    )
  }
  lines.push("", "| mode | PayEx / system (median) | PayEx / system (p95) |", "|---|---:|---:|")
  for (const mode of ["sequential", "concurrent"] as const) {
    const p = blocks.find((b) => b.provider === "payex" && b.mode === mode)
    const s = blocks.find((b) => b.provider === "system" && b.mode === mode)
    if (p && s) lines.push(`| ${mode} | ${x(ratio(p.ok.median, s.ok.median))} | ${x(ratio(p.ok.p95, s.ok.p95))} |`)
  }
  const errors = blocks.filter((b) => b.errorMessages.length)
  if (errors.length) {
    lines.push("", "Errors:")
    for (const b of errors) for (const m of b.errorMessages) lines.push(`- ${b.provider}, ${b.mode}: ${m}`)
  }
  return lines
}

function syncSection(r: SyncResult): string[] {
  const outcome = r.result ?? {}
  const others = Object.entries(r.otherCalls).map(([k, n]) => `${k} ×${n}`)
  return [
    "## 4. Payer status sync",
    "",
    `${r.invoices.toLocaleString("en-US")} invoices in the Payer sandbox (${r.paid} paid, ${r.overdue} overdue since ` +
      `they were issued) and their records in the shop's database (seeded in ${r.seedSeconds.toFixed(1)} s); one run of ` +
      "the plugin's `payer-sync-invoices` workflow (what the scheduled job runs) inside the Medusa process, with caps " +
      "high enough for a whole cycle (max_calls 10000, max_seconds 3600).",
    "",
    "| figure | value |",
    "|---|---:|",
    `| open records before the run | ${r.openRecords} |`,
    `| seconds | ${r.seconds.toFixed(1)} |`,
    `| Payer calls: invoice batch pages | ${r.batchCalls} (workflow: ${outcome.pages ?? "–"} pages) |`,
    `| Payer calls: other | ${others.length ? others.join(", ") : "0"} |`,
    `| Payer tokens | ${r.tokens} |`,
    `| records updated | ${outcome.updated ?? "–"} |`,
    `| records PAID / OVERDUE after the run (expected ${r.paid} / ${r.overdue}) | ${r.recordsPaidAfter} / ${r.recordsOverdueAfter} |`,
    `| completed cycle / stopped by | ${outcome.completed_cycle ?? "–"} / ${outcome.stopped_by ?? "–"} |`,
    `| Medusa RSS before → peak | ${r.rssBeforeMb} MB → ${r.rssPeakMb} MB (${r.peakSource}) |`,
    `| peak RSS growth | ${r.rssGrowthMb} MB |`,
    `| runs of the scheduled job at its default caps (200 calls, 60 s) for one cycle at this pace | ` +
      `${r.defaultRuns} (one every 15 minutes) |`,
    ...(r.error ? [`| error | ${r.error} |`] : []),
  ]
}

function tokensSection(t: TokenResult, medusa?: { tokens: number; calls: number }): string[] {
  return [
    "## 5. Payer tokens per 1,000 calls",
    "",
    "| process | Payer API calls | token requests | tokens per 1,000 calls |",
    "|---|---:|---:|---:|",
    `| the bench process, no token yet: ${t.concurrency} concurrent workers, ${t.clients} PayerClients ` +
      `(${t.seconds.toFixed(1)} s) | ` +
      `${t.apiCallsAtSandbox} | ${t.tokens} | ${t.perThousand.toFixed(2)} |`,
    ...(medusa
      ? [
          `| the Medusa process, sections 2–4 | ${medusa.calls} | ${medusa.tokens} | ` +
            `${((medusa.tokens / Math.max(1, medusa.calls)) * 1000).toFixed(2)} |`,
        ]
      : []),
  ]
}

export function renderReport(r: BenchReport): string {
  const i = r.info
  const setup = Object.entries(r.setup)
    .map(([k, v]) => `${k} ${typeof v === "number" ? `${v} s` : v}`)
    .join(", ")
  const out = [
    "# Bench: medusa-plugin-payex-payer",
    "",
    "Produced by `npm run bench` (bench/main.ts). Every figure below comes from this one run on this machine.",
    "",
    "| | |",
    "|---|---|",
    `| date | ${i.date} |`,
    `| sandbox latency | ${r.options.latency} ms per request (PayEx and Payer sandboxes, \`latencyMs\` fault switch) |`,
    `| machine | ${i.cpus}, ${i.memory} RAM, ${i.os} |`,
    `| load average (1/5/15 min) at start / end | ${r.loadAverage.start} · ${r.loadAverage.end} |`,
    `| Node.js | ${i.node} |`,
    `| Medusa | ${i.medusa} (\`medusa start\`, NODE_ENV=production, in-memory event bus / workflow engine / locking) |`,
    `| PostgreSQL | ${i.postgres ?? "–"}, ${i.database ?? "–"} |`,
    `| plugin | ${i.plugin}, from its npm tarball; git commit ${i.commit} |`,
    `| options | iterations ${r.options.iterations}, checkouts ${r.options.checkouts}, shoppers ${r.options.shoppers}, ` +
      `invoices ${r.options.invoices}, repeats ${r.options.repeats}, token calls ${r.options.tokenCalls} |`,
    `| setup | ${setup} |`,
    `| whole run | ${duration(r.seconds)} |`,
    "",
  ]
  if (r.failures.length) out.push("**Sections that failed:**", "", ...r.failures.map((f) => `- ${f}`), "")
  const sections: string[][] = []
  if (r.clientOps) sections.push(clientOpsSection(r.clientOps))
  if (r.actions) sections.push(actionsSection(r.actions, r.callbackDelayMs))
  if (r.load) sections.push(loadSection(r.load))
  if (r.sync) sections.push(syncSection(r.sync))
  if (r.tokens) sections.push(tokensSection(r.tokens, r.medusaTokens))
  return [...out, ...sections.flatMap((s) => [...s, ""])].join("\n")
}
