// What global-setup.ts hands to the spec and to global-teardown.ts (jest loads them in separate module registries).
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

const STATE_FILE = path.resolve(__dirname, "../../.cache/demo-test.json")

export interface DemoTestState {
  storefrontUrl: string
  medusaUrl: string
  /** the demo's own "ready in" figure */
  readySeconds: number
  /** the demo's DEMO_DIR (its logs) */
  demoDir?: string
  /** the database on a server the test did not start, dropped by the teardown */
  dropDatabaseUrl?: string
}

export function writeDemoState(state: DemoTestState) {
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2))
}

export function readDemoState(): DemoTestState {
  if (!existsSync(STATE_FILE)) throw new Error(`${STATE_FILE} is missing: global-setup.ts did not start the demo`)
  return JSON.parse(readFileSync(STATE_FILE, "utf8"))
}
