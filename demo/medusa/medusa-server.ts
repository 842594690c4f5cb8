// This repository's medusa-config.js (the plugin's source as the Medusa project) run through the repository's own
// medusa CLI: migrations when needed, the admin user, then `medusa start` with NODE_ENV=development.
//
// Why `medusa start` and not `medusa develop`: develop is start plus an ESLint pass over the whole repository and a
// file watcher that restarts Medusa whenever any file changes (others may be editing the tree); with
// NODE_ENV=development, start already serves the admin at /app through Vite's dev middleware, so no admin build
// (minutes) is needed. Measured here: start answers /health after about 25-30 s either way.
import { spawn } from "node:child_process"
import path from "node:path"
import type { WriteStream } from "node:fs"
import { REPO_ROOT } from "../cli-options"
import { startChild, type DemoChild } from "../child-processes"

const CLI = path.join(REPO_ROOT, "node_modules/@medusajs/cli/cli.js")

export const ADMIN_LOGIN = { email: "admin@example.com", password: "supersecret" }

export interface MedusaEnvInput {
  databaseUrl: string
  port: number
  storefrontPort: number
  sandboxEnv: Record<string, string>
}

/** What medusa-config.js reads (see its comments): addresses on loopback only. */
export function medusaEnv(input: MedusaEnvInput): NodeJS.ProcessEnv {
  const origins = (port: number) => `http://localhost:${port},http://127.0.0.1:${port}`
  // No MEDUSA_BACKEND_URL: the admin would call that origin instead of its own ("/"), and a page on localhost calling
  // 127.0.0.1 is cross-site, so the session cookie would not go along. medusa-config.js then sends PayEx callbacks
  // to http://localhost:<port>.
  const { MEDUSA_BACKEND_URL: _ignored, ...inherited } = process.env
  return {
    ...inherited,
    ...input.sandboxEnv,
    NODE_ENV: "development",
    DATABASE_URL: input.databaseUrl,
    PORT: String(input.port),
    MEDUSA_ADMIN_DISABLE: "false",
    STORE_CORS: origins(input.storefrontPort),
    // Swedbank Pay sends the shopper back here (completeUrl /checkout/swedbankpay/complete, cancelUrl /checkout):
    // the storefront's own origin, the one its banner shows, so the page finds its sessionStorage again.
    STOREFRONT_URL: `http://localhost:${input.storefrontPort}`,
    ADMIN_CORS: origins(input.port),
    AUTH_CORS: origins(input.port),
    // A callback is processed this long after it arrived (Medusa's default is 5 s).
    PAYMENT_WEBHOOK_DELAY_MS: "1000",
    MEDUSA_DISABLE_TELEMETRY: "true",
    FORCE_COLOR: "0",
  }
}

/** One CLI command to completion, its output appended to `log`; bounded by `timeoutMs`. */
export function runMedusaCli(args: string[], env: NodeJS.ProcessEnv, log: WriteStream, timeoutMs = 600_000) {
  return new Promise<void>((resolve, reject) => {
    const shown = args.map((a, i) => (args[i - 1] === "-p" ? "***" : a)).join(" ") // never a password in the log
    log.write(`$ medusa ${shown}\n`)
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.pipe(log, { end: false })
    child.stderr.pipe(log, { end: false })
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.once("exit", (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`medusa ${shown} failed (${signal ?? `exit ${code}`}); see ${log.path}`))
    })
  })
}

export async function adminCanLogIn(baseUrl: string): Promise<boolean> {
  const res = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN_LOGIN),
    signal: AbortSignal.timeout(15_000),
  })
  return res.ok
}

export interface RunningMedusa {
  url: string
  server: DemoChild
}

/** `medusa start` on 127.0.0.1:`port`; resolves once GET /health answers (within `timeoutMs`). */
export async function startMedusa(
  env: NodeJS.ProcessEnv,
  port: number,
  log: WriteStream,
  timeoutMs = 240_000,
): Promise<RunningMedusa> {
  const url = `http://127.0.0.1:${port}`
  log.write(`$ medusa start --port ${port} --host 127.0.0.1\n`)
  const server = startChild("Medusa", process.execPath, [CLI, "start", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: REPO_ROOT,
    env,
    log,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exited()) throw new Error(`medusa start exited early; see ${log.path}`)
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, server }
    await new Promise((r) => setTimeout(r, 300))
  }
  await server.stop()
  throw new Error(`medusa start did not answer /health within ${timeoutMs / 1000} s; see ${log.path}`)
}
