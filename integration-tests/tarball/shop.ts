// A fresh shop as a merchant sets one up from README.md: a Medusa project in a temporary folder under
// .cache/tarball-host/, the plugin installed from its npm tarball, the README's medusa-config.ts as its whole config.
// Every command goes through the repository's medusa CLI (medusaCli: the host's own package.json would send npx to
// the registry), and `medusa start` runs in the build output, as Medusa's deployment guide runs it.
import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { REPO_ROOT } from "../browser/host/build-admin-host"
import { medusaCli } from "../browser/host/medusa-cli"

export const SHOPS_DIR = path.join(REPO_ROOT, ".cache/tarball-host")
export const SHOP_LOG = path.join(REPO_ROOT, ".cache/tarball-host.log")
const CLI = path.join(REPO_ROOT, "node_modules/@medusajs/cli/cli.js")

export function shopLog(line: string) {
  mkdirSync(path.dirname(SHOP_LOG), { recursive: true })
  appendFileSync(SHOP_LOG, line.endsWith("\n") ? line : `${line}\n`)
}

/**
 * The shop's folder, with only what `npm install <tarball>` and the README leave in a project. The folder is inside
 * the repository so that node, walking up from it, finds Medusa, React and the rest in the repository's
 * node_modules: a real `npm install` there would fetch all of Medusa from the registry, minutes and network for
 * nothing this test checks. The plugin itself is unpacked from the tarball exactly where npm would put it.
 */
export function createShop(tarball: string, medusaConfig: string): string {
  rmSync(SHOPS_DIR, { recursive: true, force: true }) // a previous run's shop; each run starts from nothing
  mkdirSync(SHOPS_DIR, { recursive: true })
  const dir = mkdtempSync(path.join(SHOPS_DIR, "shop-"))
  const pluginDir = path.join(dir, "node_modules/medusa-plugin-payex-payer")
  mkdirSync(pluginDir, { recursive: true })
  execFileSync("tar", ["-xzf", tarball, "-C", pluginDir, "--strip-components=1"])
  const plugin = JSON.parse(readFileSync(path.join(pluginDir, "package.json"), "utf8"))
  const medusaVersion = JSON.parse(
    readFileSync(path.join(REPO_ROOT, "node_modules/@medusajs/medusa/package.json"), "utf8"),
  ).version
  const json = (file: string, value: unknown) => writeFileSync(path.join(dir, file), JSON.stringify(value, null, 2))
  // As create-medusa-app writes them; the dependency on @medusajs/medusa is what makes the CLI treat it as a project.
  json("package.json", {
    name: "tarball-shop",
    private: true,
    scripts: { build: "medusa build", start: "medusa start", predeploy: "medusa db:migrate" },
    dependencies: {
      "@medusajs/medusa": medusaVersion,
      "@medusajs/framework": medusaVersion,
      "@medusajs/cli": medusaVersion,
      [plugin.name]: `^${plugin.version}`, // what `npm install medusa-plugin-payex-payer` writes
    },
  })
  json("tsconfig.json", {
    compilerOptions: {
      target: "ES2021",
      esModuleInterop: true,
      module: "Node16",
      moduleResolution: "Node16",
      emitDecoratorMetadata: true,
      experimentalDecorators: true,
      skipLibCheck: true,
      skipDefaultLibCheck: true,
      declaration: false,
      sourceMap: false,
      inlineSourceMap: true,
      outDir: "./.medusa/server",
      rootDir: "./",
      jsx: "react-jsx",
      forceConsistentCasingInFileNames: true,
      resolveJsonModule: true,
      checkJs: false,
      strictNullChecks: true,
    },
    "ts-node": { swc: true },
    include: ["**/*", ".medusa/types/*"],
    exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
  })
  writeFileSync(path.join(dir, "medusa-config.ts"), medusaConfig)
  return dir
}

/** One medusa command in the shop (or its build output), to completion; its output goes to SHOP_LOG. */
export function shopCli(cwd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = Date.now()
  medusaCli(args, { cwd, env, log: shopLog })
  return Math.round((Date.now() - started) / 100) / 10
}

export interface RunningShop {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** `medusa start` in the shop's build output; resolves once GET /health answers 200 (within 3 minutes). */
export async function startShop(serverDir: string, port: number, env: NodeJS.ProcessEnv): Promise<RunningShop> {
  const url = `http://127.0.0.1:${port}`
  shopLog(`$ medusa start --port ${port}`)
  const child = spawn(process.execPath, [CLI, "start", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: serverDir,
    // As medusaCli runs the CLI: a shop's production process, not jest's NODE_ENV=test.
    env: { ...process.env, NODE_ENV: "production", MEDUSA_DISABLE_TELEMETRY: "true", FORCE_COLOR: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout!.on("data", (chunk) => shopLog(String(chunk)))
  child.stderr!.on("data", (chunk) => shopLog(String(chunk)))
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
    if (child.exitCode !== null) throw new Error(`medusa start exited with ${child.exitCode}; see ${SHOP_LOG}`)
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, child, stop }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error(`medusa start did not answer /health within 180 s; see ${SHOP_LOG}`)
}
