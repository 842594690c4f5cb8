// Undoes global-setup.ts: stops the demo (it stops its Medusa and sandboxes; its database is the test's), drops the
// throw-away database on a server the test did not start, stops the embedded PostgreSQL the shared setup may have
// started. The state folder (.cache/demo-test/: the demo's logs) stays for a look after a failed run.
import type { ChildProcess } from "node:child_process"
import { Client } from "pg"
import { readDemoState } from "./demo-state"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const stopEmbeddedPostgres: () => Promise<void> = require("../db/global-teardown.js")

async function stopDemo(child: ChildProcess | undefined) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // already gone
    }
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      group("SIGKILL")
      resolve()
    }, 30_000)
    child.once("exit", () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill("SIGTERM") // the demo itself, which stops its children in order
  })
  group("SIGKILL") // anything of its group that outlived it
}

export default async function demoGlobalTeardown() {
  await stopDemo((globalThis as { __DEMO__?: ChildProcess }).__DEMO__)
  const state = (() => {
    try {
      return readDemoState()
    } catch {
      return undefined
    }
  })()
  if (state?.dropDatabaseUrl) {
    const url = new URL(state.dropDatabaseUrl)
    const name = url.pathname.slice(1)
    url.pathname = "/postgres"
    const client = new Client({ connectionString: url.toString() })
    await client.connect()
    await client.query(`drop database if exists "${name}" with (force)`).finally(() => client.end())
  }
  await stopEmbeddedPostgres()
}
