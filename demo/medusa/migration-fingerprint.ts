// `medusa db:migrate` takes close to a minute even when there is nothing to do, which would make every demo start
// slow. The demo records a fingerprint of everything that decides the schema (Medusa's installed versions through the
// lockfile, the plugin's migrations and links, the config) in its database, and migrates again only when it changed.
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { REPO_ROOT } from "../cli-options"

const STATE_TABLE = "payex_payer_demo_state"
const KEY = "migrations"

function filesUnder(p: string): string[] {
  if (!existsSync(p)) return []
  if (!statSync(p).isDirectory()) return [p]
  return readdirSync(p)
    .sort()
    .flatMap((name) => filesUnder(path.join(p, name)))
}

export function migrationFingerprint(): string {
  const hash = createHash("sha256")
  const inputs = [
    "package-lock.json",
    "medusa-config.js",
    "src/links",
    ...readdirSync(path.join(REPO_ROOT, "src/modules")).map((m) => `src/modules/${m}`),
  ]
  for (const file of inputs.flatMap((p) => filesUnder(path.join(REPO_ROOT, p)))) {
    hash.update(path.relative(REPO_ROOT, file)).update("\0").update(readFileSync(file)).update("\0")
  }
  return hash.digest("hex")
}

async function withClient<T>(databaseUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

const CREATE_TABLE = `create table if not exists ${STATE_TABLE} (key text primary key, value text not null)`

export function storedFingerprint(databaseUrl: string): Promise<string | undefined> {
  return withClient(databaseUrl, async (c) => {
    await c.query(CREATE_TABLE)
    const { rows } = await c.query(`select value from ${STATE_TABLE} where key = $1`, [KEY])
    return rows[0]?.value as string | undefined
  })
}

export function storeFingerprint(databaseUrl: string, fingerprint: string): Promise<void> {
  return withClient(databaseUrl, async (c) => {
    await c.query(CREATE_TABLE)
    await c.query(
      `insert into ${STATE_TABLE} (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`,
      [KEY, fingerprint],
    )
  })
}
