// Command-line options of `npm run bench` (everything after `--`).
export interface BenchOptions {
  /** sandbox answer delay for every PayEx and Payer request, ms */
  latency: number
  /** recorded iterations per client operation and mode (plugin client, raw HTTP) */
  iterations: number
  /** checkouts per provider in the sequential run */
  checkouts: number
  /** concurrent shoppers per provider */
  shoppers: number
  /** invoices in the Payer sandbox (and records in the database) for the status sync */
  invoices: number
  /** repetitions of each action whose calls are counted */
  repeats: number
  /** Payer calls through one client for the token count */
  tokenCalls: number
  /** keep the bench database after the run (it is dropped and created again at the next start anyway) */
  keepDatabase: boolean
  /** where the report goes */
  out: string
}

const USAGE = `npm run bench -- [--latency MS] [--iterations N] [--checkouts N] [--shoppers N] [--invoices N]
                   [--repeats N] [--token-calls N] [--keep-database] [--out FILE]`

function positiveInt(name: string, value: string | undefined, min = 1): number {
  const n = Number(value)
  if (value === undefined || !Number.isInteger(n) || n < min) {
    throw new Error(`${name} needs an integer >= ${min} (got ${value ?? "nothing"})\n${USAGE}`)
  }
  return n
}

/**
 * Iterations that keep a default run under ~10 minutes: each one is 13 sequential round trips per mode, about 1 ms
 * each without latency (1000 iterations: ~30 s), `latency` ms each with it (150 ms: 20 iterations, ~80 s).
 */
export function defaultIterations(latency: number): number {
  return latency > 0 ? Math.max(10, Math.min(1000, Math.floor(3000 / latency))) : 1000
}

export function parseOptions(argv: string[]): BenchOptions {
  const given: Record<string, string | true> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`)
      process.exit(0)
    }
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}\n${USAGE}`)
    const [key, inline] = arg.slice(2).split("=", 2)
    if (key === "keep-database") {
      given[key] = true
      continue
    }
    const value = inline ?? argv[++i]
    if (value === undefined) throw new Error(`--${key} needs a value\n${USAGE}`)
    given[key] = value
  }
  const known = ["latency", "iterations", "checkouts", "shoppers", "invoices", "repeats", "token-calls", "out"]
  for (const key of Object.keys(given)) {
    if (key !== "keep-database" && !known.includes(key)) throw new Error(`unknown option --${key}\n${USAGE}`)
  }
  const str = (key: string) => (typeof given[key] === "string" ? (given[key] as string) : undefined)
  const latency = str("latency") === undefined ? 0 : positiveInt("--latency", str("latency"), 0)
  return {
    latency,
    iterations: str("iterations") ? positiveInt("--iterations", str("iterations")) : defaultIterations(latency),
    checkouts: str("checkouts") ? positiveInt("--checkouts", str("checkouts")) : 20,
    shoppers: str("shoppers") ? positiveInt("--shoppers", str("shoppers")) : 20,
    invoices: str("invoices") ? positiveInt("--invoices", str("invoices")) : 10_000,
    repeats: str("repeats") ? positiveInt("--repeats", str("repeats")) : 2,
    tokenCalls: str("token-calls") ? positiveInt("--token-calls", str("token-calls")) : 1000,
    keepDatabase: given["keep-database"] === true,
    out: str("out") ?? "bench/results.md",
  }
}
