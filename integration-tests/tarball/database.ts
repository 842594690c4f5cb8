// The shop's own database on the PostgreSQL that integration-tests/db/global-setup.js chose (DATABASE_URL / DB_*, or
// the embedded server it started), so the shop migrates an empty database exactly as a new shop does.
import { Client } from "pg"

function serverClient(database = "postgres"): Client {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  if (!DB_HOST || !DB_PORT || !DB_USERNAME) {
    throw new Error("DB_HOST/DB_PORT/DB_USERNAME are not set: run through `npm run test:tarball` (its globalSetup)")
  }
  return new Client({
    host: DB_HOST,
    port: Number(DB_PORT),
    user: DB_USERNAME,
    password: DB_PASSWORD,
    database,
    connectionTimeoutMillis: 10_000,
  })
}

async function withClient<T>(client: Client, fn: (c: Client) => Promise<T>): Promise<T> {
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Creates an empty database for this run and answers its URL (never logged: it carries the password). */
export async function createShopDatabase(): Promise<string> {
  const name = `payex_payer_tarball_${process.pid}_${Date.now()}`
  await withClient(serverClient(), (c) => c.query(`create database "${name}"`))
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  const auth = `${encodeURIComponent(DB_USERNAME!)}:${encodeURIComponent(DB_PASSWORD ?? "")}`
  return `postgres://${auth}@${DB_HOST}:${DB_PORT}/${name}`
}

export async function dropShopDatabase(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1)
  await withClient(serverClient(), (c) => c.query(`drop database if exists "${name}" with (force)`))
}

/** The public schema's tables, to see what `medusa db:migrate` created. */
export async function tablesOf(databaseUrl: string): Promise<string[]> {
  const name = new URL(databaseUrl).pathname.slice(1)
  const { rows } = await withClient(serverClient(name), (c) =>
    c.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    ),
  )
  return rows.map((r) => r.table_name)
}
