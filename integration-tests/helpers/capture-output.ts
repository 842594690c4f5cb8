import { inspect } from "node:util"

/**
 * Records everything the server could log while `fn` runs: Medusa's logger (every method, arguments rendered
 * deeply, errors with their messages), the console, and raw writes to stdout/stderr. Everything still goes
 * where it went before. For asserting that a request left no trace of a value in the log.
 */
export async function captureServerOutput<T>(
  logger: object,
  fn: () => Promise<T>,
): Promise<{ result: T; output: string }> {
  const seen: string[] = []
  const restore: Array<() => void> = []
  const record = (args: unknown[]) =>
    seen.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 8 }))).join(" "))

  const wrap = (target: any, name: string) => {
    const original = target[name]
    if (typeof original !== "function") return
    target[name] = function (this: unknown, ...args: unknown[]) {
      record(args)
      return original.apply(this, args)
    }
    restore.push(() => {
      target[name] = original
    })
  }
  for (const name of [
    "panic",
    "activity",
    "progress",
    "error",
    "failure",
    "success",
    "debug",
    "info",
    "warn",
    "log",
    "http",
    "verbose",
  ])
    wrap(logger, name)
  for (const name of ["log", "info", "warn", "error", "debug"]) wrap(console, name)
  for (const stream of [process.stdout, process.stderr]) wrap(stream, "write")
  try {
    const result = await fn()
    // Let loggers that write on a later tick finish.
    await new Promise((r) => setTimeout(r, 50))
    return { result, output: seen.join("\n") }
  } finally {
    for (const undo of restore.reverse()) undo()
  }
}
