// Undoes global-setup.ts: drops the host's database on a server the test did not start, then stops the
// embedded PostgreSQL if the shared database setup started one.
import { Client } from "pg"
import { readHostState } from "./host/host-state"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const stopEmbeddedPostgres: () => Promise<void> = require("../db/global-teardown.js")

export default async function browserGlobalTeardown() {
  const state = readHostState()
  if (state?.dropDatabase) {
    const url = new URL(state.databaseUrl)
    const name = url.pathname.slice(1)
    url.pathname = "/postgres"
    const client = new Client({ connectionString: url.toString() })
    await client.connect()
    await client.query(`drop database if exists "${name}" with (force)`).finally(() => client.end())
  }
  await stopEmbeddedPostgres()
}
