// `npm run demo`: PostgreSQL (DATABASE_URL or embedded), both PSP sandboxes, Medusa with this plugin and its admin,
// an idempotently seeded Nordic shop, and a storefront checkout page; Ctrl-C stops all of it.
import { mkdirSync, rmSync } from "node:fs"
import path from "node:path"
import { openLog, type DemoChild } from "./child-processes"
import { parseDemoOptions } from "./cli-options"
import { migrationFingerprint, storedFingerprint, storeFingerprint } from "./medusa/migration-fingerprint"
import { ADMIN_LOGIN, adminCanLogIn, medusaEnv, runMedusaCli, startMedusa } from "./medusa/medusa-server"
import { startDemoDatabase } from "./postgres/demo-database"
import { portInUse } from "./ports"
import { printReady, type ReadyInfo } from "./ready-banner"
import { startSandboxes, type DemoSandboxes } from "./sandboxes"
import { BUSINESS_CUSTOMER, COUNTRIES } from "./seed/demo-catalog"
import { seedDemoShop } from "./seed/seed-demo-shop"
import { startStorefront, type RunningStorefront } from "./storefront/storefront-server"

// From the process start (ts-node compiling this file included), not from this line.
const started = Date.now() - process.uptime() * 1000
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
const step = (text: string) => console.log(`[demo ${seconds().padStart(7)}] ${text}`)

// What is running, stopped in reverse order of starting: storefront, Medusa, sandboxes, PostgreSQL.
const stack: Array<{ name: string; stop: () => Promise<void> }> = []
let stopping: Promise<void> | undefined

function stopAll(exitCode: number): Promise<void> {
  stopping ??= (async () => {
    const since = Date.now()
    for (const { name, stop } of [...stack].reverse()) {
      await stop().catch((e) => console.error(`stopping ${name}: ${(e as Error).message}`))
    }
    if (stack.length) console.log(`stopped in ${((Date.now() - since) / 1000).toFixed(1)} s`)
    process.exit(exitCode)
  })()
  return stopping
}

function push(name: string, stop: () => Promise<void>) {
  stack.push({ name, stop })
}

function pushChild(child: DemoChild) {
  push(child.name, () => child.stop())
  // A child that dies on its own takes the demo down with it: a half-running demo only confuses.
  child.child.once("exit", (code, signal) => {
    if (stopping) return
    console.error(`${child.name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the demo`)
    void stopAll(1)
  })
}

async function main() {
  const options = parseDemoOptions(process.argv.slice(2), process.env)
  let lastSignal = 0
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // npm forwards the terminal's Ctrl-C as a second SIGINT right away; a later one means "stop now".
      if (stopping && Date.now() - lastSignal > 1000) {
        console.log("stopping immediately")
        process.exit(130)
      }
      lastSignal = Date.now()
      if (!stopping) console.log(`\n${signal}: stopping the storefront, Medusa, the sandboxes and PostgreSQL ...`)
      void stopAll(0)
    })
  }

  for (const [name, port] of [
    ["--port", options.port],
    ["--storefront-port", options.storefrontPort],
  ] as const) {
    if (await portInUse(port)) throw new Error(`port ${port} is in use; choose another with ${name} N`)
  }
  if (options.reset) {
    rmSync(options.stateDir, { recursive: true, force: true })
    step(`--reset: removed ${options.stateDir}`)
  }
  mkdirSync(options.stateDir, { recursive: true })
  const medusaLog = openLog(path.join(options.stateDir, "medusa.log"))

  const db = await startDemoDatabase(options.stateDir, options.databaseUrl)
  if (db.server) pushChild(db.server)
  step(`PostgreSQL: ${db.source}`)

  const sandboxes: DemoSandboxes = await startSandboxes()
  push("sandboxes", () => sandboxes.close())
  step(`sandboxes: PayEx ${sandboxes.payex.url}, Payer ${sandboxes.payer.url}`)

  const env = medusaEnv({
    databaseUrl: db.url,
    port: options.port,
    storefrontPort: options.storefrontPort,
    sandboxEnv: sandboxes.env,
  })
  const fingerprint = migrationFingerprint()
  const migrated = options.migrate || options.reset || (await storedFingerprint(db.url)) !== fingerprint
  let userCreation: Promise<void> | undefined
  if (migrated) {
    step(`medusa db:migrate (log: ${medusaLog.path})`)
    await runMedusaCli(["db:migrate"], env, medusaLog)
    await storeFingerprint(db.url, fingerprint)
    // A fresh database has no admin: create it while Medusa boots (a second boot of its own, in parallel).
    userCreation = runMedusaCli(["user", "-e", ADMIN_LOGIN.email, "-p", ADMIN_LOGIN.password], env, medusaLog).catch(
      () => undefined, // "already exists" after a re-migration; the login check below decides
    )
  } else {
    step("migrations unchanged since the last run: skipping medusa db:migrate (--migrate forces it)")
  }

  step(`medusa start on port ${options.port} (log: ${medusaLog.path})`)
  const medusa = await startMedusa(env, options.port, medusaLog)
  pushChild(medusa.server)
  await userCreation
  if (!(await adminCanLogIn(medusa.url))) {
    await runMedusaCli(["user", "-e", ADMIN_LOGIN.email, "-p", ADMIN_LOGIN.password], env, medusaLog)
  }
  step("Medusa is up; seeding the shop through the Admin API")

  const shop = await seedDemoShop(medusa.url, ADMIN_LOGIN)
  step(shop.created.length ? `seeded ${shop.created.length} things` : "the shop was seeded before: nothing created")

  const storefront: RunningStorefront = await startStorefront(options.storefrontPort, {
    medusaPort: options.port,
    medusaOrigins: [`http://localhost:${options.port}`, `http://127.0.0.1:${options.port}`],
    publishableKey: shop.publishableKey,
    regions: COUNTRIES.map((c) => ({
      country: c.code,
      regionId: shop.regionIds[c.code],
      name: c.regionName,
      currency: c.currency,
    })),
    businessCustomer: {
      company_name: BUSINESS_CUSTOMER.company_name,
      org_number: BUSINESS_CUSTOMER.org_number,
      vat_id: BUSINESS_CUSTOMER.vat_id,
      email: BUSINESS_CUSTOMER.invoice_email,
      phone: BUSINESS_CUSTOMER.phone,
      your_reference: `${BUSINESS_CUSTOMER.first_name} ${BUSINESS_CUSTOMER.last_name}`,
    },
  })
  push("storefront", () => storefront.close())

  const ready: ReadyInfo = {
    seconds: (Date.now() - started) / 1000,
    storefrontUrl: storefront.url,
    adminUrl: `http://localhost:${options.port}/app`,
    medusaUrl: `http://localhost:${options.port}`,
    login: ADMIN_LOGIN,
    publishableKey: shop.publishableKey,
    stateDir: options.stateDir,
    migrated,
    seeded: shop.created.length,
  }
  printReady(ready)
}

main().catch((e) => {
  // A step that fails because Ctrl-C interrupted it (db:migrate gets the terminal's SIGINT too) is no news.
  if (!stopping) console.error(`\ndemo failed: ${(e as Error).message}`)
  void stopAll(1)
})
