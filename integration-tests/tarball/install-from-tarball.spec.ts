// A shop that installs the published package and configures it exactly as README.md says: npm pack of the built
// plugin, a fresh Medusa project with the tarball in its node_modules and README's Configure snippet as its whole
// medusa-config.ts (only environment variables set), `medusa db:migrate`, `medusa build`, `medusa start`, then one
// PayEx checkout and one Payer invoice through the HTTP APIs, checked against the sandboxes' own state.
import axios, { type AxiosInstance } from "axios"
import { randomBytes } from "node:crypto"
import { existsSync } from "node:fs"
import path from "node:path"
import { startPayerSandbox, PAYER_SANDBOX_CLIENT_ID, PAYER_SANDBOX_CLIENT_SECRET } from "../../sandbox/payer"
import type { PayerSandbox } from "../../sandbox/payer"
import { startPayexSandbox, PAYEX_SANDBOX_PAYEE_ID, PAYEX_SANDBOX_TOKEN } from "../../sandbox/payex"
import type { PayexSandbox } from "../../sandbox/payex"
import { buildAndPackPlugin } from "../browser/host/build-admin-host"
import { adminHeaders, orderPayment, payerInvoicesOf } from "../browser/seed-orders"
import { b2bCheckout, PAYER_PROVIDER } from "../helpers/b2b"
import { freePort, waitFor } from "../helpers/environment"
import { seedSwedishStore, type SeededStore } from "../helpers/seed"
import { payexCheckout } from "../helpers/store"
import { createShopDatabase, dropShopDatabase, tablesOf } from "./database"
import { readmeMedusaConfig } from "./readme-config"
import { createShop, SHOP_LOG, shopCli, shopLog, startShop, type RunningShop } from "./shop"

const PAYEX_PROVIDER = "pp_payex-invoice_payex"

let payex: PayexSandbox
let payer: PayerSandbox
let databaseUrl: string
let shopDir: string
let shop: RunningShop
let api: AxiosInstance
let admin: { headers: Record<string, string> }
let seed: SeededStore
const timings: Record<string, number | boolean> = {}

const minor = (major: number) => Math.round(major * 100)
const everything = (order: any) => order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))

async function fulfill(orderId: string, items: Array<{ id: string; quantity: number }>) {
  await api.post(`/admin/orders/${orderId}/fulfillments`, { items, location_id: seed.locationId }, admin)
}

beforeAll(async () => {
  const started = Date.now()
  payex = await startPayexSandbox()
  payer = await startPayerSandbox()
  databaseUrl = await createShopDatabase()
  const port = await freePort()
  const backendUrl = `http://127.0.0.1:${port}`
  // Everything the README's snippet reads: the snippet is the shop's whole configuration.
  const env = {
    DATABASE_URL: databaseUrl,
    STORE_CORS: backendUrl,
    ADMIN_CORS: backendUrl,
    AUTH_CORS: backendUrl,
    JWT_SECRET: randomBytes(24).toString("hex"),
    COOKIE_SECRET: randomBytes(24).toString("hex"),
    MEDUSA_BACKEND_URL: backendUrl,
    PAYEX_TOKEN: PAYEX_SANDBOX_TOKEN,
    PAYEX_PAYEE_ID: PAYEX_SANDBOX_PAYEE_ID,
    PAYEX_BASE_URL: payex.url,
    // The Swedbank Pay provider talks to the same sandbox (it serves /psp/paymentorders too).
    SWEDBANKPAY_TOKEN: PAYEX_SANDBOX_TOKEN,
    SWEDBANKPAY_PAYEE_ID: PAYEX_SANDBOX_PAYEE_ID,
    SWEDBANKPAY_BASE_URL: payex.url,
    STOREFRONT_URL: "http://localhost:8000",
    PAYER_BASE_URL: payer.url,
    PAYER_CLIENT_ID: PAYER_SANDBOX_CLIENT_ID,
    PAYER_CLIENT_SECRET: PAYER_SANDBOX_CLIENT_SECRET,
    // Not a shop's: jest's own flag (--experimental-vm-modules), which the CLI would otherwise inherit.
    NODE_OPTIONS: "",
  }

  const packed = buildAndPackPlugin(shopLog, { reuse: true })
  Object.assign(timings, { pluginBuild: packed.pluginBuild, pack: packed.pack, tarballReused: packed.reused })
  shopDir = createShop(packed.tarball, readmeMedusaConfig())
  // README "Install": `npx medusa db:migrate` in the project, right after installing the package.
  timings.migrate = shopCli(shopDir, ["db:migrate"], env)
  const email = "merchant@example.com"
  const password = randomBytes(12).toString("hex")
  timings.user = shopCli(shopDir, ["user", "-e", email, "-p", password], env)
  timings.build = shopCli(shopDir, ["build"], env) // with the admin: the snippet does not turn it off
  const startedAt = Date.now()
  shop = await startShop(path.join(shopDir, ".medusa/server"), port, env)
  timings.start = (Date.now() - startedAt) / 1000
  api = axios.create({ baseURL: shop.url, timeout: 60_000 })
  admin = await adminHeaders(api, email, password)
  seed = await seedSwedishStore(api, admin, [PAYEX_PROVIDER, PAYER_PROVIDER])
  timings.setup = (Date.now() - started) / 1000
  process.stderr.write(`tarball shop ready: ${JSON.stringify(timings)} (log: ${SHOP_LOG})\n`)
}, 900_000)

afterAll(async () => {
  await shop?.stop()
  await payex?.close()
  await payer?.close()
  if (databaseUrl) await dropShopDatabase(databaseUrl)
})

describe("a shop installed from the npm tarball with README's medusa-config.ts", () => {
  it("db:migrate created the Payer tables and the order link", async () => {
    const tables = await tablesOf(databaseUrl)
    for (const table of ["payer_invoice", "payer_invoice_line", "payer_sync_state"]) expect(tables).toContain(table)
    expect(tables.some((t) => t.includes("order") && t.includes("payer_invoice") && t !== "payer_invoice")).toBe(true)
  })

  it("medusa build bundled the admin and medusa start serves it", async () => {
    expect(existsSync(path.join(shopDir, ".medusa/server/public/admin/index.html"))).toBe(true)
    const res = await api.get("/app", { responseType: "text" })
    expect(res.status).toBe(200)
    expect(String(res.data)).toContain("<html")
  })

  it("registers both providers on the Swedish region, and the README's three providers in Medusa", async () => {
    const { data } = await api.get(`/admin/regions/${seed.regionId}?fields=*payment_providers`, admin)
    const ids = data.region.payment_providers.map((p: any) => p.id)
    expect(ids).toEqual(expect.arrayContaining([PAYEX_PROVIDER, PAYER_PROVIDER]))
    const { data: listed } = await api.get("/admin/payments/payment-providers?limit=50", admin)
    expect(listed.payment_providers.map((p: any) => p.id)).toEqual(
      expect.arrayContaining([PAYEX_PROVIDER, "pp_swedbankpay-invoice_swedbankpay", PAYER_PROVIDER]),
    )
  })

  it("takes a PayEx invoice checkout and captures the fulfillment at PayEx", async () => {
    const items = [
      { variant_id: seed.chairVariantId, quantity: 2 },
      { variant_id: seed.coffeeVariantId, quantity: 3 },
    ]
    const { session, address, auth, completed } = await payexCheckout(api, seed, items)
    expect(address.legal_address.zip_code).toBe("19792")
    expect(auth.status).toBe("authorized")
    expect(completed.type).toBe("order")
    const order = completed.order
    const payment = await orderPayment(api, admin, order.id)
    expect(payment.provider_id).toBe(PAYEX_PROVIDER)

    await fulfill(order.id, everything(order))
    await waitFor(
      "the capture of the fulfillment",
      async () => (await orderPayment(api, admin, order.id)).captured_at,
      60_000,
    )

    const atPayex = [...payex.payments.values()].find((p) => p.payeeInfo?.orderReference === session.id)
    if (!atPayex) throw new Error("the PayEx sandbox has no payment for the order's session")
    expect(atPayex.amount).toBe(minor(order.total))
    const captures = atPayex.transactions.filter((t) => t.type === "Capture" && t.state === "Completed")
    expect(captures).toHaveLength(1)
    expect(captures[0].amount).toBe(atPayex.amount)
    expect(atPayex.remainingCaptureAmount).toBe(0)
  })

  it("issues a Payer invoice for a business order's fulfillment", async () => {
    const { order } = await b2bCheckout(api, seed, [
      { variant_id: seed.chairVariantId, quantity: 1 },
      { variant_id: seed.bookVariantId, quantity: 2 },
    ])
    expect((await orderPayment(api, admin, order.id)).provider_id).toBe(PAYER_PROVIDER)
    await fulfill(order.id, everything(order))
    const [record] = await waitFor(
      "the issued Payer invoice",
      async () => {
        const records = await payerInvoicesOf(api, admin, order.id)
        const failed = records.find((r) => r.status === "failed")
        if (failed) throw new Error(`the Payer invoice failed: ${failed.last_error}`)
        const issued = records.filter((r) => r.kind === "invoice" && r.status === "issued")
        return issued.length ? issued : undefined
      },
      60_000,
    )
    expect(record.total).toBe(order.total)

    const atPayer = payer.getInvoice(Number(record.number))
    if (!atPayer) throw new Error(`the Payer sandbox has no invoice ${record.number}`)
    expect(atPayer.type).toBe("NORMAL")
    expect(atPayer.orderReferenceId).toBe(record.reference_id)
    expect(atPayer.referenceNumber).toBe(record.ocr)
    expect(atPayer.totalAmount).toBe(minor(order.total))
    const payerOrder = [...payer.state.orders.values()].find((o) => o.referenceId === record.reference_id)
    expect(payerOrder?.invoiceCustomer).toMatchObject({ regNumber: "5560360793" })
  })
})
