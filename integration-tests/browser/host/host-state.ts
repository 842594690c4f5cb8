// What global-setup.ts hands to the spec and to global-teardown.ts (jest runs them in separate module registries,
// so the hand-over is a file in .cache/).
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

const STATE_FILE = path.resolve(__dirname, "../../../.cache/browser-host.json")

export interface BrowserHostState {
  databaseUrl: string
  /** set when the database lives on a server the test did not start, so teardown drops it */
  dropDatabase: boolean
  admin: { email: string; password: string }
  timings: { pluginBuild: number; pack: number; adminBuild: number; migrate: number; reused: boolean }
}

export function writeHostState(state: BrowserHostState) {
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2))
}

export function readHostState(): BrowserHostState | undefined {
  return existsSync(STATE_FILE) ? JSON.parse(readFileSync(STATE_FILE, "utf8")) : undefined
}
