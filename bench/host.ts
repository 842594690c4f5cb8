// The one Medusa the bench measures: the plugin installed from its npm tarball (buildAndPackPlugin of the browser
// harness, reused when nothing changed), a host project in .cache/bench-host/ with bench/host/ (medusa-config.ts and
// a bench-only admin route), `medusa build` (skipped when tarball and host files are unchanged), `medusa db:migrate`
// on the bench database, an admin user, and `medusa start` as a real process. Logs go to .cache/bench-host.log.
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { createHash, randomBytes } from "node:crypto"
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs"
import path from "node:path"
import { buildAndPackPlugin, REPO_ROOT } from "../integration-tests/browser/host/build-admin-host"
import { medusaCli } from "../integration-tests/browser/host/medusa-cli"
import { freePort } from "../integration-tests/helpers/environment"

export const HOST_DIR = path.join(REPO_ROOT, ".cache/bench-host")
const SERVER_DIR = path.join(HOST_DIR, ".medusa/server")
const HASH_FILE = path.join(HOST_DIR, ".bench-inputs-sha256")
export const HOST_LOG = path.join(REPO_ROOT, ".cache/bench-host.log")
const CLI = path.join(REPO_ROOT, "node_modules/@medusajs/cli/cli.js")
const HOST_SOURCES = path.join(__dirname, "host")

export const hostLog = (line: string) => appendFileSync(HOST_LOG, line.endsWith("\n") ? line : `${line}\n`)

export interface BenchHost {
  url: string
  child: ChildProcess
  admin: { email: string; password: string }
  /** seconds per setup step (0 where reused) */
  timings: Record<string, number | boolean>
  stop(): Promise<void>
}

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

function inputsHash(tarball: string): string {
  const hash = createHash("sha256").update(readFileSync(tarball))
  for (const file of filesUnder(HOST_SOURCES)) hash.update(path.relative(HOST_SOURCES, file)).update(readFileSync(file))
  return hash.digest("hex")
}

/** A production process (not ts-node's or jest's environment). */
function processEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    FORCE_COLOR: "0",
    NODE_OPTIONS: "",
    ...env,
  }
}

function writeProject(tarball: string) {
  rmSync(HOST_DIR, { recursive: true, force: true })
  const pluginDir = path.join(HOST_DIR, "node_modules/medusa-plugin-payex-payer")
  mkdirSync(pluginDir, { recursive: true })
  // What `npm install <tarball>` leaves in node_modules; Medusa itself is found in the repository's node_modules.
  spawnSyncOrThrow("tar", ["-xzf", tarball, "-C", pluginDir, "--strip-components=1"])
  cpSync(HOST_SOURCES, HOST_DIR, { recursive: true })
  const version = (file: string) => JSON.parse(readFileSync(file, "utf8")).version as string
  const medusaVersion = version(path.join(REPO_ROOT, "node_modules/@medusajs/medusa/package.json"))
  const json = (file: string, value: unknown) =>
    writeFileSync(path.join(HOST_DIR, file), JSON.stringify(value, null, 2))
  // The medusa CLI only runs its project commands where package.json depends on @medusajs/medusa.
  json("package.json", {
    name: "payex-payer-bench-host",
    private: true,
    dependencies: {
      "@medusajs/medusa": medusaVersion,
      "@medusajs/framework": medusaVersion,
      "medusa-plugin-payex-payer": version(path.join(pluginDir, "package.json")),
    },
  })
  json("tsconfig.json", {
    compilerOptions: {
      target: "ES2021",
      module: "Node16",
      moduleResolution: "Node16",
      esModuleInterop: true,
      skipLibCheck: true,
      outDir: ".medusa/server",
      rootDir: "./",
    },
    include: ["medusa-config.ts", "src/**/*"],
  })
}

function spawnSyncOrThrow(cmd: string, args: string[]) {
  const res = spawnSync(cmd, args, { encoding: "utf8" })
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${res.stderr}`)
}

async function waitForHealth(url: string, child: ChildProcess) {
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`medusa start exited with ${child.exitCode}; see ${HOST_LOG}`)
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`medusa start did not answer /health within 240 s; see ${HOST_LOG}`)
}

/** Builds (or reuses) the host, migrates the database, creates the admin and starts Medusa. */
export async function startBenchHost(
  env: { DATABASE_URL: string; PAYEX_BASE_URL: string; PAYER_BASE_URL: string },
  log: (line: string) => void,
): Promise<BenchHost> {
  mkdirSync(path.dirname(HOST_LOG), { recursive: true })
  writeFileSync(HOST_LOG, "")
  const timings: Record<string, number | boolean> = {}
  const both = (line: string) => hostLog(line)
  let started = Date.now()
  const packed = buildAndPackPlugin(both, { reuse: true })
  Object.assign(timings, { pluginBuild: packed.pluginBuild, pack: packed.pack, tarballReused: packed.reused })
  const port = await freePort()
  const fullEnv = processEnv({
    ...env,
    PORT: String(port),
    JWT_SECRET: randomBytes(24).toString("hex"),
    COOKIE_SECRET: randomBytes(24).toString("hex"),
  })
  const hash = inputsHash(packed.tarball)
  const built = existsSync(HASH_FILE) && readFileSync(HASH_FILE, "utf8") === hash && existsSync(SERVER_DIR)
  started = Date.now()
  if (!built) {
    log("building the bench host (medusa build)")
    writeProject(packed.tarball)
    medusaCli(["build"], { cwd: HOST_DIR, env: fullEnv, log: both })
    writeFileSync(HASH_FILE, hash)
  }
  timings.hostBuild = built ? 0 : seconds(started)
  log("medusa db:migrate")
  started = Date.now()
  medusaCli(["db:migrate"], { cwd: SERVER_DIR, env: fullEnv, log: both })
  timings.migrate = seconds(started)
  const admin = { email: "bench@example.com", password: randomBytes(12).toString("hex") }
  medusaCli(["user", "-e", admin.email, "-p", admin.password], { cwd: SERVER_DIR, env: fullEnv, log: both })

  log(`medusa start on port ${port}`)
  started = Date.now()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [CLI, "start", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: SERVER_DIR,
    env: fullEnv,
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout!.on("data", (chunk) => appendFileSync(HOST_LOG, chunk))
  child.stderr!.on("data", (chunk) => appendFileSync(HOST_LOG, chunk))
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000)
      child.once("exit", () => (clearTimeout(timer), resolve()))
      child.kill("SIGTERM")
    })
  try {
    await waitForHealth(url, child)
  } catch (e) {
    await stop()
    throw e
  }
  timings.start = seconds(started)
  return { url, child, admin, timings, stop }
}
