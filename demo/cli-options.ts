// Command line of `npm run demo` (arguments after `--`) and the environment variables it honours.
import path from "node:path"

export const REPO_ROOT = path.resolve(__dirname, "..")

export interface DemoOptions {
  /** Medusa (API and admin at /app). */
  port: number
  storefrontPort: number
  /** Wipe the state folder (embedded PostgreSQL data, logs) and start over. */
  reset: boolean
  /** Run `medusa db:migrate` even when the database's migration fingerprint matches. */
  migrate: boolean
  /**
   * Where the demo keeps its state: `.demo/` in the repository unless DEMO_DIR says otherwise (the demo's
   * browser test points it at a throw-away folder, so CI never touches a developer's demo data).
   */
  stateDir: string
  /** DATABASE_URL, when set: used if that server answers, otherwise the embedded PostgreSQL. */
  databaseUrl?: string
}

const USAGE = `npm run demo [-- --port 9000] [--storefront-port 8000] [--reset] [--migrate]
  --port N             Medusa API and admin (default 9000, or PORT)
  --storefront-port N  the demo storefront (default 8000, or STOREFRONT_PORT)
  --reset              delete .demo/ (embedded PostgreSQL data, logs) and start over; a database at
                       DATABASE_URL is left as it is (only migrated and seeded again)
  --migrate            run medusa db:migrate even if nothing changed since the last run
Environment: DATABASE_URL (a PostgreSQL to use instead of the embedded one), DEMO_DIR (state folder).`

function portNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1-65535)`)
  return port
}

export function parseDemoOptions(argv: string[], env: NodeJS.ProcessEnv): DemoOptions {
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE)
      process.exit(0)
    }
    const [name, inline] = arg.split("=", 2)
    if (name === "--reset" || name === "--migrate") flags.set(name, true)
    else if (name === "--port" || name === "--storefront-port") flags.set(name, inline ?? argv[++i] ?? "")
    else throw new Error(`unknown argument ${arg}\n${USAGE}`)
  }
  const flag = (name: string) => (typeof flags.get(name) === "string" ? (flags.get(name) as string) : undefined)
  return {
    port: portNumber("--port", flag("--port") ?? env.PORT, 9000),
    storefrontPort: portNumber("--storefront-port", flag("--storefront-port") ?? env.STOREFRONT_PORT, 8000),
    reset: flags.has("--reset"),
    migrate: flags.has("--migrate"),
    stateDir: path.resolve(env.DEMO_DIR || path.join(REPO_ROOT, ".demo")),
    databaseUrl: env.DATABASE_URL || undefined,
  }
}
