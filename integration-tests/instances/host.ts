// The shop the two-instance test runs: the plugin installed from its npm tarball (the browser harness's
// buildAndPackPlugin, reused when nothing changed), a Medusa project in .cache/instances-host/ with this folder's
// medusa-config.ts, built once (`medusa build`, no admin) and started twice from the same build output: two processes
// of one shop, as a deployment with several instances runs them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { buildAndPackPlugin, REPO_ROOT } from "../browser/host/build-admin-host"
import { medusaCli } from "../browser/host/medusa-cli"

export const HOST_DIR = path.join(REPO_ROOT, ".cache/instances-host")
export const SERVER_DIR = path.join(HOST_DIR, ".medusa/server")
export const HOST_LOG = path.join(REPO_ROOT, ".cache/instances-host.log")
export const instanceLog = (name: string) => path.join(REPO_ROOT, `.cache/instances-${name}.log`)
const CLI = path.join(REPO_ROOT, "node_modules/@medusajs/cli/cli.js")
const REDELIVER_SCRIPT = "redeliver-fulfillments.ts"

export function hostLog(line: string) {
  mkdirSync(path.dirname(HOST_LOG), { recursive: true })
  appendFileSync(HOST_LOG, line.endsWith("\n") ? line : `${line}\n`)
}

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10

/** A production process of the shop (not jest's NODE_ENV=test, nor its --experimental-vm-modules). */
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

/** Packs the plugin, writes the project, `medusa build`; answers seconds per step. */
export function buildInstancesHost(env: NodeJS.ProcessEnv): Record<string, number | boolean> {
  const packed = buildAndPackPlugin(hostLog, { reuse: true })
  rmSync(HOST_DIR, { recursive: true, force: true })
  const pluginDir = path.join(HOST_DIR, "node_modules/medusa-plugin-payex-payer")
  mkdirSync(pluginDir, { recursive: true })
  // What `npm install <tarball>` leaves in node_modules; Medusa itself is found in the repository's node_modules.
  execFileSync("tar", ["-xzf", packed.tarball, "-C", pluginDir, "--strip-components=1"])
  copyFileSync(path.join(__dirname, "host/medusa-config.ts"), path.join(HOST_DIR, "medusa-config.ts"))
  const version = (file: string) => JSON.parse(readFileSync(file, "utf8")).version as string
  const medusaVersion = version(path.join(REPO_ROOT, "node_modules/@medusajs/medusa/package.json"))
  const json = (file: string, value: unknown) =>
    writeFileSync(path.join(HOST_DIR, file), JSON.stringify(value, null, 2))
  // The medusa CLI only runs its project commands where package.json depends on @medusajs/medusa.
  json("package.json", {
    name: "payex-payer-instances-host",
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
    include: ["medusa-config.ts"],
  })
  const started = Date.now()
  medusaCli(["build"], { cwd: HOST_DIR, env: processEnv(env), log: hostLog })
  // After the build (which empties .medusa/server): the exec script beside the config it runs with.
  copyFileSync(path.join(__dirname, "host", REDELIVER_SCRIPT), path.join(SERVER_DIR, REDELIVER_SCRIPT))
  return { pluginBuild: packed.pluginBuild, pack: packed.pack, tarballReused: packed.reused, build: seconds(started) }
}

/** One medusa command in the build output (db:migrate, user), to completion; answers seconds. */
export function hostCli(args: string[], env: NodeJS.ProcessEnv): number {
  const started = Date.now()
  medusaCli(args, { cwd: SERVER_DIR, env: processEnv(env), log: hostLog })
  return seconds(started)
}

export interface Instance {
  name: string
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000)
      child.once("exit", () => (clearTimeout(timer), resolve()))
      child.kill("SIGTERM")
    })
}

/** `medusa start` of instance `name` on `port`; resolves once GET /health answers 200 (within 3 minutes). */
export async function startInstance(name: string, port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`
  const log = instanceLog(name)
  writeFileSync(log, `$ medusa start --port ${port}\n`)
  const child = spawn(process.execPath, [CLI, "start", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: SERVER_DIR,
    env: processEnv({ ...env, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout!.on("data", (chunk) => appendFileSync(log, chunk))
  child.stderr!.on("data", (chunk) => appendFileSync(log, chunk))
  const stop = stopper(child)
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited with ${child.exitCode}; see ${log}`)
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { name, url, child, stop }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error(`instance ${name} did not answer /health within 180 s; see ${log}`)
}

export interface Redelivery {
  /** resolves when the script has booted Medusa and waits for the go-file */
  ready: Promise<void>
  /** resolves with the script's INSTANCES_RESULT report once it exits 0 */
  done: Promise<any>
  stop(): Promise<void>
}

/**
 * `medusa exec redeliver-fulfillments.ts <goFile> <label>` with `env` (an instance's environment). ts-node (which
 * the medusa CLI registers) compiles the script without type-checking: its types are checked by this repository.
 */
export function runRedelivery(label: string, goFile: string, env: NodeJS.ProcessEnv, timeoutMs: number): Redelivery {
  const log = instanceLog(`exec-${label}`)
  writeFileSync(log, `$ medusa exec ${REDELIVER_SCRIPT} ${label}\n`)
  const child = spawn(process.execPath, [CLI, "exec", `./${REDELIVER_SCRIPT}`, goFile, label], {
    cwd: SERVER_DIR,
    env: processEnv({ ...env, TS_NODE_TRANSPILE_ONLY: "true" }),
    stdio: ["ignore", "pipe", "pipe"],
  })
  let out = ""
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  child.stdout!.on("data", (chunk) => {
    appendFileSync(log, chunk)
    out += String(chunk)
    if (out.includes("INSTANCES_READY")) markReady()
  })
  child.stderr!.on("data", (chunk) => appendFileSync(log, chunk))
  const done = new Promise<any>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`medusa exec (${label}) did not finish within ${timeoutMs / 1000} s; see ${log}`))
    }, timeoutMs)
    child.once("exit", (code) => {
      clearTimeout(timer)
      const line = out.split("\n").find((l) => l.startsWith("INSTANCES_RESULT "))
      if (code === 0 && line) resolve(JSON.parse(line.slice("INSTANCES_RESULT ".length)))
      else reject(new Error(`medusa exec (${label}) exited with ${code} without a result; see ${log}`))
    })
  })
  done.catch(() => undefined) // awaited by the caller; never an unhandled rejection while it waits for `ready`
  return {
    ready: Promise.race([ready, done.then(() => undefined)]),
    done,
    stop: stopper(child),
  }
}
