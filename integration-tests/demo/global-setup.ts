// Starts `npm run demo`'s program (demo/main.ts) as a developer would, but against a throw-away database and state
// folder, on free ports, so CI never touches a developer's .demo/: PostgreSQL is chosen exactly as the integration
// tests choose it (DATABASE_URL / DB_* when reachable, otherwise a throw-away embedded server).
// DEMO_TEST_RUNNING_DEMO=<storefront url>,<medusa url> runs the spec against a demo that is already running instead
// (when working on the test; it then places orders in that demo's shop).
import { spawn, type ChildProcess } from "node:child_process"
import { mkdirSync, rmSync } from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { freePort } from "../../demo/ports"
import { writeDemoState } from "./demo-state"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const choosePostgres: () => Promise<void> = require("../db/global-setup.js")

const REPO_ROOT = path.resolve(__dirname, "../..")
const DEMO_DIR = path.join(REPO_ROOT, ".cache/demo-test")
const READY_TIMEOUT_MS = 420_000 // a cold start migrates a fresh database (about a minute here, more on a busy CI)

async function throwAwayDatabase(): Promise<{ url: string; external: boolean }> {
  await choosePostgres()
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  const name = `payex_payer_demo_test_${process.pid}_${Date.now()}`
  const client = new Client({
    host: DB_HOST,
    port: Number(DB_PORT),
    user: DB_USERNAME,
    password: DB_PASSWORD,
    database: "postgres",
  })
  await client.connect()
  await client.query(`create database "${name}"`).finally(() => client.end())
  const auth = `${encodeURIComponent(DB_USERNAME!)}:${encodeURIComponent(DB_PASSWORD ?? "")}`
  return {
    url: `postgres://${auth}@${DB_HOST}:${DB_PORT}/${name}`,
    external: !(globalThis as { __EMBEDDED_PG__?: unknown }).__EMBEDDED_PG__,
  }
}

function waitForReady(child: ChildProcess): Promise<{ storefrontUrl: string; medusaUrl: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    let out = ""
    const timer = setTimeout(
      () => reject(new Error(`the demo did not start within ${READY_TIMEOUT_MS / 1000} s:\n${out.slice(-3000)}`)),
      READY_TIMEOUT_MS,
    )
    const onData = (chunk: Buffer) => {
      out += chunk
      const line = out.split("\n").find((l) => l.startsWith("DEMO_READY "))
      if (line) {
        clearTimeout(timer)
        resolve(JSON.parse(line.slice("DEMO_READY ".length)))
      }
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", (chunk) => (out += chunk))
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the demo exited (code ${code}) before it was ready:\n${out.slice(-3000)}`))
    })
  })
}

export default async function demoGlobalSetup() {
  const running = process.env.DEMO_TEST_RUNNING_DEMO
  if (running) {
    const [storefrontUrl, medusaUrl] = running.split(",")
    writeDemoState({ storefrontUrl, medusaUrl, readySeconds: 0 })
    return
  }
  const db = await throwAwayDatabase()
  // Its logs stay in .cache/demo-test/ after the run (for a failed CI run); the next run starts with an empty one.
  rmSync(DEMO_DIR, { recursive: true, force: true })
  mkdirSync(DEMO_DIR, { recursive: true })
  const demoDir = DEMO_DIR
  const [port, storefrontPort] = [await freePort(), await freePort()]
  const started = Date.now()
  const child = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, "node_modules/ts-node/dist/bin.js"),
      "--transpile-only",
      "demo/main.ts",
      "--port",
      String(port),
      "--storefront-port",
      String(storefrontPort),
    ],
    {
      cwd: REPO_ROOT,
      // jest's NODE_ENV=test and NODE_OPTIONS (vm modules) are not the demo's
      env: {
        ...process.env,
        NODE_ENV: "",
        NODE_OPTIONS: "",
        DATABASE_URL: db.url,
        DEMO_DIR: demoDir,
        PORT: "",
        STOREFRONT_PORT: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, stopped as a whole by the teardown
    },
  )
  ;(globalThis as { __DEMO__?: ChildProcess }).__DEMO__ = child
  const ready = await waitForReady(child)
  writeDemoState({
    storefrontUrl: ready.storefrontUrl,
    medusaUrl: ready.medusaUrl,
    readySeconds: ready.seconds,
    demoDir,
    dropDatabaseUrl: db.external ? db.url : undefined,
  })
  process.stderr.write(
    `demo ready in ${ready.seconds.toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(1)} s with the spawn); logs in ${demoDir}\n`,
  )
}
