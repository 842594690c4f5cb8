// The plugin's order-page widgets in a real admin: a Medusa host built with the plugin (global-setup.ts), both
// sandboxes, three orders seeded through the HTTP APIs, and Debian's chromium logged in as the merchant.
// Contract of testids and labels: src/admin/README.md.
import { startPayerSandbox, type PayerSandbox } from "../../sandbox/payer"
import { startPayexSandbox, type PayexSandbox } from "../../sandbox/payex"
import { freePort } from "../helpers/environment"
import { launchAdminBrowser, logIn, openOrder, type AdminBrowser } from "./chromium"
import { HOST_SERVER_DIR } from "./host/build-admin-host"
import { readHostState, type BrowserHostState } from "./host/host-state"
import { startMedusa, type RunningHost } from "./host/medusa-cli"
import { seedOrders, type SeededOrders } from "./seed-orders"

let state: BrowserHostState
let payex: PayexSandbox
let payer: PayerSandbox
let host: RunningHost
let orders: SeededOrders
let browser: AdminBrowser

async function displayIdOf(orderId: string): Promise<number> {
  const { data } = await orders.api.get(`/admin/orders/${orderId}?fields=display_id`, orders.admin)
  return data.order.display_id
}

async function open(orderId: string) {
  await openOrder(browser.page, host.url, orderId, await displayIdOf(orderId))
}

beforeAll(async () => {
  const found = readHostState()
  if (!found) throw new Error("global-setup.ts did not prepare the host (no .cache/browser-host.json)")
  state = found
  // First, so a machine without a usable chromium fails in seconds instead of after the seeding.
  browser = await launchAdminBrowser()
  payex = await startPayexSandbox()
  payer = await startPayerSandbox()
  const port = await freePort()
  const started = Date.now()
  host = await startMedusa({
    cwd: HOST_SERVER_DIR,
    port,
    env: { DATABASE_URL: state.databaseUrl, PAYEX_BASE_URL: payex.url, PAYER_BASE_URL: payer.url },
  })
  process.stderr.write(`browser host: medusa start answered /health after ${(Date.now() - started) / 1000}s\n`)
  orders = await seedOrders(host.url, state.admin.email, state.admin.password)
  await logIn(browser.page, host.url, state.admin.email, state.admin.password)
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await payex?.close()
  await payer?.close()
})

describe("the order page in the admin", () => {
  it("opens the PayEx order after logging in", async () => {
    await open(orders.payexOrderId)
    await browser.shot("payex-order-page")
  })

  it("opens the Payer order", async () => {
    await open(orders.payerOrderId)
    await browser.shot("payer-order-page")
  })

  it("opens the order paid with pp_system_default", async () => {
    await open(orders.systemOrderId)
    await browser.shot("system-order-page")
  })
})
