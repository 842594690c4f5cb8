// The demo's child processes (embedded PostgreSQL, Medusa) and how they are stopped.
// Each child gets its own process group, so a Ctrl-C in the terminal reaches only the demo itself, which then
// stops the children in order (Medusa before the database it talks to) instead of all of them at once.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process"
import { createWriteStream, type WriteStream } from "node:fs"

export interface DemoChild {
  name: string
  child: ChildProcess
  /** SIGTERM (or `signal`) to the child's process group, SIGKILL after `graceMs`; resolves once it exited. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>
  exited(): boolean
}

const running = new Set<DemoChild>()

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return
  try {
    process.kill(-child.pid, signal) // the whole group: `medusa start` may have children of its own
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}

/** Starts `command args` in a process group of its own; stdout and stderr go to `log` (a file stream). */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { log: WriteStream },
): DemoChild {
  const { log, ...spawnOptions } = options
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"], ...spawnOptions, detached: true })
  child.stdout?.pipe(log, { end: false })
  child.stderr?.pipe(log, { end: false })
  let exitedAt: number | undefined
  const exitPromise = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exitedAt = Date.now()
      running.delete(handle)
      resolve()
    }),
  )
  const handle: DemoChild = {
    name,
    child,
    exited: () => exitedAt !== undefined || child.exitCode !== null || child.signalCode !== null,
    async stop(signal = "SIGTERM", graceMs = 15_000) {
      if (handle.exited()) return
      killGroup(child, signal)
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs)
      await exitPromise
      clearTimeout(timer)
    },
  }
  running.add(handle)
  return handle
}

export function openLog(file: string): WriteStream {
  return createWriteStream(file, { flags: "a" })
}

/**
 * Last resort when the demo itself exits without stopping its children (an uncaught error): kill what is still
 * running, synchronously, so no Medusa or PostgreSQL is left behind holding the ports and the data folder.
 */
process.on("exit", () => {
  for (const handle of running) killGroup(handle.child, "SIGKILL")
})
