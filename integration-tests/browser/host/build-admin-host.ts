// Builds the shop the browser test runs: the plugin as a shop installs it (plugin:build -> npm pack -> the tarball
// unpacked into the host's node_modules) and a Medusa host project in .cache/admin-host/ whose admin is built with
// the plugin's widgets in it. Node finds everything else (Medusa, React, @medusajs/ui, ...) by walking up from the
// host to the repository's node_modules, so nothing is installed.
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs"
import path from "node:path"
import { medusaCli } from "./medusa-cli"

export const REPO_ROOT = path.resolve(__dirname, "../../..")
const CACHE = path.join(REPO_ROOT, ".cache")
/** A copy of the plugin's sources, built there so a concurrent `plugin:build` in the repository cannot interfere. */
const PLUGIN_STAGE = path.join(CACHE, "plugin-build")
/** What the last buildAndPackPlugin packed: its inputs' hash, the tarball and the tarball's sha256. */
const PACK_STAMP = path.join(CACHE, "plugin-pack.json")
export const HOST_DIR = path.join(CACHE, "admin-host")
/** `medusa build` output; `medusa start` runs here and serves the admin from ./public/admin. */
export const HOST_SERVER_DIR = path.join(HOST_DIR, ".medusa/server")
const HASH_FILE = path.join(HOST_DIR, ".inputs-sha256")
const PLUGIN_FILES = ["src", "package.json", "tsconfig.json", "README.md"]

export interface HostBuild {
  /** seconds per step; 0 where the cached build was reused */
  timings: { pluginBuild: number; pack: number; adminBuild: number }
  reused: boolean
}

function filesUnder(p: string): string[] {
  if (!existsSync(p) || path.basename(p) === "__tests__") return []
  if (!statSync(p).isDirectory()) return [p]
  return readdirSync(p)
    .sort()
    .flatMap((name) => filesUnder(path.join(p, name)))
}

/**
 * Everything a build depends on; an unchanged hash lets a local re-run skip the two minutes of building. The plugin's
 * tarball depends on `PLUGIN_FILES` and the lockfile; the admin host also on this folder (`withHostDir`).
 */
function inputsHash(withHostDir = true): string {
  const ref = process.env.BROWSER_TEST_PLUGIN_REF
  const source = ref ? execFileSync("git", ["rev-parse", ref], { cwd: REPO_ROOT, encoding: "utf8" }) : "working tree"
  const hash = createHash("sha256").update(source)
  const inputs = [
    ...PLUGIN_FILES.map((f) => path.join(REPO_ROOT, f)),
    ...(withHostDir ? [__dirname] : []),
    path.join(REPO_ROOT, "package-lock.json"),
  ]
  for (const file of inputs.flatMap(filesUnder)) {
    hash.update(path.relative(REPO_ROOT, file)).update("\0").update(readFileSync(file)).update("\0")
  }
  return hash.digest("hex")
}

const sha256Of = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex")

function timed(fn: () => void): number {
  const started = Date.now()
  fn()
  return Math.round((Date.now() - started) / 100) / 10
}

export interface PackedPlugin {
  tarball: string
  /** seconds; 0 when an earlier build's tarball was reused */
  pluginBuild: number
  pack: number
  reused: boolean
}

/**
 * `npx medusa plugin:build` on a copy of the plugin, then the npm tarball a shop would install. Answers its path.
 * Every build records its inputs' hash and the tarball's sha256 in PACK_STAMP; with `reuse`, a tarball of the same
 * inputs that is still byte for byte what was packed is answered instead of building again (the tarball test after
 * the browser test in one CI run). The browser harness always builds here: its own cache sits in front of this.
 */
export function buildAndPackPlugin(log: (s: string) => void, opts: { reuse?: boolean } = {}): PackedPlugin {
  const inputs = inputsHash(false)
  if (opts.reuse && existsSync(PACK_STAMP)) {
    const stamp = JSON.parse(readFileSync(PACK_STAMP, "utf8")) as { inputs: string; tarball: string; sha256: string }
    if (stamp.inputs === inputs && existsSync(stamp.tarball) && sha256Of(stamp.tarball) === stamp.sha256) {
      log(`reusing ${path.relative(REPO_ROOT, stamp.tarball)}: packed from the same inputs`)
      return { tarball: stamp.tarball, pluginBuild: 0, pack: 0, reused: true }
    }
  }
  rmSync(PACK_STAMP, { force: true })
  rmSync(PLUGIN_STAGE, { recursive: true, force: true })
  mkdirSync(PLUGIN_STAGE, { recursive: true })
  const ref = process.env.BROWSER_TEST_PLUGIN_REF
  if (ref) {
    // A committed state (e.g. HEAD) instead of the working tree, when uncommitted edits are half done.
    const archive = execFileSync("git", ["archive", "--format=tar", ref, ...PLUGIN_FILES], {
      cwd: REPO_ROOT,
      maxBuffer: 256 * 1024 * 1024,
    })
    execFileSync("tar", ["-x", "--exclude=__tests__", "-C", PLUGIN_STAGE], { input: archive })
  } else {
    // Tests stay behind: the build leaves them out anyway, and jest must not find a second copy of them.
    const notTests = (source: string) => !source.split(path.sep).includes("__tests__")
    for (const f of PLUGIN_FILES)
      cpSync(path.join(REPO_ROOT, f), path.join(PLUGIN_STAGE, f), { recursive: true, filter: notTests })
  }
  const pluginBuild = timed(() => medusaCli(["plugin:build"], { cwd: PLUGIN_STAGE, log }))
  let packed: Array<{ filename: string; files: Array<{ path: string }> }> = []
  const pack = timed(() => {
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", CACHE], {
      cwd: PLUGIN_STAGE,
      encoding: "utf8",
    })
    packed = JSON.parse(out)
  })
  // The tarball must carry the bundled widgets, or the shop's admin would silently show none.
  const files = packed[0].files.map((f) => f.path)
  for (const required of [".medusa/server/src/admin/index.mjs", ".medusa/server/src/providers/payex/index.js"]) {
    if (!files.includes(required)) throw new Error(`the npm tarball lacks ${required}`)
  }
  const tarball = path.join(CACHE, packed[0].filename)
  writeFileSync(PACK_STAMP, JSON.stringify({ inputs, tarball, sha256: sha256Of(tarball) }))
  return { tarball, pluginBuild, pack, reused: false }
}

function writeHostProject(tarball: string) {
  rmSync(HOST_DIR, { recursive: true, force: true })
  const pluginDir = path.join(HOST_DIR, "node_modules/medusa-plugin-payex-payer")
  mkdirSync(pluginDir, { recursive: true })
  // What `npm install ./medusa-plugin-payex-payer-x.y.z.tgz` puts in node_modules, without npm touching the registry.
  execFileSync("tar", ["-xzf", tarball, "-C", pluginDir, "--strip-components=1"])
  copyFileSync(path.join(__dirname, "medusa-config.ts"), path.join(HOST_DIR, "medusa-config.ts"))
  const medusaVersion = JSON.parse(
    readFileSync(path.join(REPO_ROOT, "node_modules/@medusajs/medusa/package.json"), "utf8"),
  ).version
  const plugin = JSON.parse(readFileSync(path.join(pluginDir, "package.json"), "utf8"))
  writeFileSync(
    path.join(HOST_DIR, "package.json"),
    JSON.stringify(
      {
        name: "payex-payer-admin-host",
        private: true,
        // The medusa CLI only runs its project commands where package.json depends on @medusajs/medusa.
        dependencies: {
          "@medusajs/medusa": medusaVersion,
          "@medusajs/framework": medusaVersion,
          [plugin.name]: plugin.version,
        },
      },
      null,
      2,
    ),
  )
  writeFileSync(
    path.join(HOST_DIR, "tsconfig.json"),
    JSON.stringify({
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
    }),
  )
}

/**
 * Builds (or reuses) the host. `env` must hold what the host's medusa-config reads (DATABASE_URL and the sandbox
 * addresses): `medusa build` loads the config, though the values are only used at run time.
 */
export function buildAdminHost(env: NodeJS.ProcessEnv, log: (s: string) => void): HostBuild {
  const hash = inputsHash()
  const built = existsSync(path.join(HOST_SERVER_DIR, "public/admin/index.html")) && existsSync(HASH_FILE)
  if (built && readFileSync(HASH_FILE, "utf8") === hash && !process.env.BROWSER_TEST_REBUILD) {
    return { timings: { pluginBuild: 0, pack: 0, adminBuild: 0 }, reused: true }
  }
  const { tarball, pluginBuild, pack } = buildAndPackPlugin(log)
  writeHostProject(tarball)
  const adminBuild = timed(() => medusaCli(["build"], { cwd: HOST_DIR, env, log }))
  if (!existsSync(path.join(HOST_SERVER_DIR, "public/admin/index.html")))
    throw new Error("medusa build produced no admin")
  writeFileSync(HASH_FILE, hash)
  return { timings: { pluginBuild, pack, adminBuild }, reused: false }
}
