// What the report states about the run: date, machine, versions, git commit.
import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"

export interface RunInfo {
  date: string
  cpus: string
  memory: string
  os: string
  node: string
  medusa: string
  plugin: string
  commit: string
  postgres?: string
  database?: string
}

const REPO_ROOT = path.resolve(__dirname, "..")

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" }).trim()
  } catch {
    return ""
  }
}

export function runInfo(): RunInfo {
  const cpus = os.cpus()
  const version = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), "utf8")).version as string
  const commit = git(["rev-parse", "--short=12", "HEAD"]) || "unknown"
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) ? " (working tree with uncommitted changes)" : ""
  return {
    date: new Date().toISOString(),
    cpus: `${cpus.length} × ${cpus[0]?.model?.trim() ?? "unknown CPU"}`,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    medusa: version("node_modules/@medusajs/medusa/package.json"),
    plugin: version("package.json"),
    commit: `${commit}${dirty}`,
  }
}

/** The machine's load average, to say how busy it was. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ")
