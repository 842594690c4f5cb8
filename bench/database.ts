// The bench's own database `payex_payer_bench`, created fresh on the first PostgreSQL that answers: DATABASE_URL,
// then DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, then 127.0.0.1:5432 as postgres, else a throw-away server from the
// project's integration-tests/db/embedded-postgres.mjs. Connection strings are never printed (they may carry a
// password).
import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import { Client } from "pg"
import { freePort } from "../integration-tests/helpers/environment"

export const BENCH_DATABASE = "payex_payer_bench"

interface Server {
  host: string
  port: number
  user: string
  password: string
}

export interface BenchDatabase {
  url: string
  /** where the server came from, for the report (no credentials) */
  source: string
  client(): Client
  drop(): Promise<void>
  /** stops an embedded server this bench started */
  close(): Promise<void>
}

const clientOf = (s: Server, database: string) => new Client({ ...s, database, connectionTimeoutMillis: 3000 })

async function answers(s: Server): Promise<boolean> {
  const c = clientOf(s, "postgres")
  try {
    await c.connect()
    await c.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await c.end().catch(() => undefined)
  }
}

function candidates(): Array<{ server: Server; source: string }> {
  const out: Array<{ server: Server; source: string }> = []
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL)
    out.push({
      server: {
        host: u.hostname,
        port: Number(u.port || 5432),
        user: decodeURIComponent(u.username || "postgres"),
        password: decodeURIComponent(u.password || ""),
      },
      source: "DATABASE_URL",
    })
  }
  if (process.env.DB_HOST) {
    out.push({
      server: {
        host: process.env.DB_HOST,
        port: Number(process.env.DB_PORT || 5432),
        user: process.env.DB_USERNAME || "postgres",
        password: process.env.DB_PASSWORD || "",
      },
      source: "DB_*",
    })
  }
  out.push({ server: { host: "127.0.0.1", port: 5432, user: "postgres", password: "" }, source: "127.0.0.1:5432" })
  return out
}

async function startEmbedded(): Promise<{ server: Server; child: ChildProcess }> {
  const port = await freePort()
  const script = path.resolve(__dirname, "../integration-tests/db/embedded-postgres.mjs")
  const child = spawn(process.execPath, [script, String(port)], { stdio: ["pipe", "pipe", "inherit"] })
  const ready = await new Promise<{ port: number; user: string; password: string }>((resolve, reject) => {
    let out = ""
    const timer = setTimeout(() => reject(new Error("embedded PostgreSQL did not start within 60 s")), 60_000)
    child.stdout!.on("data", (chunk) => {
      out += chunk
      const line = out.split("\n").find((l) => l.startsWith("{"))
      if (line) {
        clearTimeout(timer)
        resolve(JSON.parse(line))
      }
    })
    child.once("exit", (code) => reject(new Error(`embedded PostgreSQL exited early (code ${code})`)))
  })
  return { server: { host: "localhost", port: ready.port, user: ready.user, password: ready.password }, child }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  let chosen: { server: Server; source: string } | undefined
  for (const candidate of candidates()) {
    if (await answers(candidate.server)) {
      chosen = candidate
      break
    }
  }
  let embedded: ChildProcess | undefined
  if (!chosen) {
    const started = await startEmbedded()
    embedded = started.child
    chosen = { server: started.server, source: "embedded-postgres" }
  }
  const server = chosen.server
  // Medusa turns SSL on for a URL without "localhost" in it; a local server has none.
  const host = server.host === "127.0.0.1" || server.host === "::1" ? "localhost" : server.host
  const admin = clientOf(server, "postgres")
  await admin.connect()
  try {
    await admin.query(`drop database if exists "${BENCH_DATABASE}" with (force)`)
    await admin.query(`create database "${BENCH_DATABASE}"`)
  } finally {
    await admin.end()
  }
  const auth = `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`
  return {
    url: `postgres://${auth}@${host}:${server.port}/${BENCH_DATABASE}`,
    source: `${chosen.source} (PostgreSQL on ${host}:${server.port})`,
    client: () => clientOf(server, BENCH_DATABASE),
    async drop() {
      const c = clientOf(server, "postgres")
      await c.connect()
      await c.query(`drop database if exists "${BENCH_DATABASE}" with (force)`).finally(() => c.end())
    },
    async close() {
      if (!embedded || embedded.exitCode !== null) return
      await new Promise<void>((resolve) => {
        embedded!.once("exit", () => resolve())
        embedded!.kill("SIGTERM")
      })
    },
  }
}

/** The PostgreSQL server's version line, for the report. */
export async function serverVersion(db: BenchDatabase): Promise<string> {
  const c = db.client()
  await c.connect()
  try {
    const { rows } = await c.query<{ v: string }>("select current_setting('server_version') as v")
    return rows[0].v
  } finally {
    await c.end()
  }
}
