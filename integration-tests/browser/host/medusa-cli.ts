// Runs the repository's own medusa CLI in the host (never `npx medusa` there: the host has its own package.json, so
// npx would not find the repository's bin and could go looking on the registry) and keeps its output in one log.
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { appendFileSync, mkdirSync } from "node:fs"
import path from "node:path"

const REPO_ROOT = path.resolve(__dirname, "../../..")
const CLI = path.join(REPO_ROOT, "node_modules/@medusajs/cli/cli.js")
export const HOST_LOG = path.join(REPO_ROOT, ".cache/browser-host.log")

export function hostLog(line: string) {
  mkdirSync(path.dirname(HOST_LOG), { recursive: true })
  appendFileSync(HOST_LOG, line.endsWith("\n") ? line : `${line}\n`)
}

/** jest runs with NODE_ENV=test; the host runs as a shop does (`medusa start` defaults to production). */
function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true", FORCE_COLOR: "0", ...env }
}

/** One CLI command to completion (10 minutes at most); throws with the log's path when it fails. */
export function medusaCli(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; log?: (s: string) => void }) {
  const log = opts.log ?? hostLog
  const shown = args.map((a, i) => (args[i - 1] === "-p" ? "***" : a)) // never a password in the log
  log(`$ medusa ${shown.join(" ")}   (in ${path.relative(REPO_ROOT, opts.cwd)})`)
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: cliEnv(opts.env),
    encoding: "utf8",
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  })
  log(`${res.stdout ?? ""}${res.stderr ?? ""}`)
  if (res.status !== 0) {
    throw new Error(`medusa ${shown.join(" ")} failed (${res.error?.message ?? `exit ${res.status}`}); see ${HOST_LOG}`)
  }
}

export interface RunningHost {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** `medusa start` in the built host; resolves once GET /health answers 200 (within 3 minutes). */
export async function startMedusa(opts: { cwd: string; port: number; env: NodeJS.ProcessEnv }): Promise<RunningHost> {
  const url = `http://localhost:${opts.port}`
  hostLog(`$ medusa start --port ${opts.port}`)
  const child = spawn(process.execPath, [CLI, "start", "--port", String(opts.port), "--host", "127.0.0.1"], {
    cwd: opts.cwd,
    env: cliEnv({ ...opts.env, PORT: String(opts.port) }),
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout!.on("data", (chunk) => hostLog(String(chunk)))
  child.stderr!.on("data", (chunk) => hostLog(String(chunk)))
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000)
      child.once("exit", () => {
        clearTimeout(timer)
        resolve()
      })
      child.kill("SIGTERM")
    })
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`medusa start exited with ${child.exitCode}; see ${HOST_LOG}`)
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, child, stop }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error(`medusa start did not answer /health within 180 s; see ${HOST_LOG}`)
}
