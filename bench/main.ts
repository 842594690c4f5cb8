// `npm run bench [-- --latency 150 --iterations N ...]`: the PayEx and Payer sandboxes in this process, one real
// Medusa (the plugin from its npm tarball, `medusa start`) on a fresh database, then the five sections side by side;
// bench/results.md is written and printed. See bench/options.ts for the options.
import axios from "axios"
import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { seedSwedishStore } from "../integration-tests/helpers/seed"
import { runCallsPerAction } from "./calls-per-action"
import { runCheckoutLoad } from "./checkout-load"
import { runClientOps } from "./client-ops"
import { createBenchDatabase, serverVersion, type BenchDatabase } from "./database"
import { HOST_LOG, startBenchHost, type BenchHost } from "./host"
import { loadAverage, runInfo } from "./machine"
import { parseOptions } from "./options"
import { renderReport, type BenchReport } from "./report"
import { isToken, startSandboxes, type Sandboxes } from "./sandboxes"
import { runStatusSync } from "./status-sync"
import { runTokens } from "./tokens"

const PROVIDERS = ["pp_payex-invoice_payex", "pp_payer-b2b_payer", "pp_system_default"]
const started = Date.now()
const log = (line: string) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`)

let db: BenchDatabase | undefined
let sandboxes: Sandboxes | undefined
let host: BenchHost | undefined
let keepDatabase = false

async function cleanUp() {
  await host?.stop().catch((e) => log(`stopping Medusa: ${e.message}`))
  await sandboxes?.close().catch(() => undefined)
  if (db && !keepDatabase) await db.drop().catch((e) => log(`dropping the bench database: ${e.message}`))
  await db?.close().catch(() => undefined)
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  keepDatabase = options.keepDatabase
  const info = runInfo()
  const report: BenchReport = {
    info,
    options,
    callbackDelayMs: 0,
    setup: {},
    failures: [],
    seconds: 0,
    loadAverage: { start: loadAverage(), end: "" },
  }
  log(`latency ${options.latency} ms, ${options.iterations} iterations; Medusa's output goes to ${HOST_LOG}`)
  db = await createBenchDatabase()
  info.postgres = await serverVersion(db)
  info.database = `database ${path.basename(new URL(db.url).pathname)} from ${db.source}`
  const s = (sandboxes = await startSandboxes(options.latency))
  report.callbackDelayMs = s.callbackDelayMs
  const setupStarted = Date.now()
  host = await startBenchHost({ DATABASE_URL: db.url, PAYEX_BASE_URL: s.payex.url, PAYER_BASE_URL: s.payer.url }, log)
  report.setup = host.timings
  const api = axios.create({ baseURL: host.url, timeout: 180_000 })
  const { data: login } = await api.post("/auth/user/emailpass", host.admin)
  const admin = { headers: { authorization: `Bearer ${login.token}` } }
  const seed = await seedSwedishStore(api, admin, PROVIDERS)
  report.setup.total = Math.round((Date.now() - setupStarted) / 100) / 10
  log(`Medusa ready at ${host.url}, store seeded`)

  const section = async (name: string, fn: () => Promise<void>) => {
    const since = Date.now()
    log(`${name} ...`)
    try {
      await fn()
      log(`${name}: done in ${((Date.now() - since) / 1000).toFixed(1)} s`)
    } catch (e) {
      const message = (e as Error)?.message ?? String(e)
      report.failures.push(`${name}: ${message}`)
      log(`${name} FAILED: ${message}`)
    }
  }
  // First: this process has no Payer token yet (the plugin's clients share one per process).
  await section("5. Payer tokens per 1,000 calls", async () => {
    report.tokens = await runTokens(s, options.tokenCalls)
  })
  await section("1. client operations", async () => {
    report.clientOps = await runClientOps(s, options.iterations, log)
  })
  const medusaFrom = s.payer.requests.length
  await section("2. calls per action", async () => {
    report.actions = await runCallsPerAction(s, api, admin, seed, options.repeats, log)
  })
  await section("3. checkout load", async () => {
    report.load = await runCheckoutLoad(s, api, seed, options, log)
  })
  await section("4. status sync", async () => {
    report.sync = await runStatusSync(s, api, admin, db!, options.invoices, log)
  })
  const medusaPayer = s.payer.requests.slice(medusaFrom)
  const tokens = medusaPayer.filter(isToken).length
  report.medusaTokens = { tokens, calls: medusaPayer.length - tokens }

  report.seconds = process.uptime() // from the process start, ts-node compiling this file included
  report.loadAverage.end = loadAverage()
  const markdown = renderReport(report)
  const out = path.resolve(process.cwd(), options.out)
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, markdown)
  process.stdout.write(`${markdown}\n`)
  log(`wrote ${path.relative(process.cwd(), out)}`)
  return report.failures.length ? 1 : 0
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping Medusa and the sandboxes`)
    void cleanUp().finally(() => process.exit(130))
  })
}

main()
  .then(async (code) => {
    await cleanUp()
    process.exit(code)
  })
  .catch(async (e) => {
    log(`bench failed: ${(e as Error)?.stack ?? e}`)
    await cleanUp()
    process.exit(1)
  })
