// Two `medusa start` processes of one shop (the plugin installed from its npm tarball) on one PostgreSQL and one
// Redis, with Medusa's Redis event bus, workflow engine, cache and lock as README's "Several server instances" lists
// them. What a merchant would notice is checked where it happens, at the PayEx and Payer sandboxes: no fulfillment
// captured or invoiced twice, no invoice credited beyond what remains, no checkout getting more address lookups.
import axios, { type AxiosInstance } from "axios"
import { randomBytes } from "node:crypto"
import { rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { startPayerSandbox, type PayerSandbox } from "../../sandbox/payer"
import { startPayexSandbox, type PayexSandbox } from "../../sandbox/payex"
import { adminHeaders } from "../browser/seed-orders"
import { b2bCheckout, PAYER_PROVIDER } from "../helpers/b2b"
import { freePort, waitFor } from "../helpers/environment"
import { seedSwedishStore, type SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, payexCheckout, storeHeaders } from "../helpers/store"
import { createShopDatabase, dropShopDatabase } from "../tarball/database"
import { buildInstancesHost, HOST_LOG, hostCli, runRedelivery, SERVER_DIR, startInstance, type Instance } from "./host"
import type { RedeliveryGo } from "./host/redeliver-fulfillments"
import { chooseRedis, keysIn, type TestRedis } from "./redis"
import * as shop from "./shop-api"

const PAYEX_PROVIDER = "pp_payex-invoice_payex"
const ADMINS = ["anna@example.com", "bertil@example.com"].map((email) => ({
  email,
  password: randomBytes(12).toString("hex"),
}))

let payex: PayexSandbox
let payer: PayerSandbox
let redis: TestRedis
let databaseUrl: string
let env: Record<string, string>
const instances: Record<"A" | "B", Instance> = {} as any
const api: Record<"A" | "B", AxiosInstance> = {} as any
let admin: shop.H
let seed: SeededStore
const timings: Record<string, unknown> = {}

beforeAll(async () => {
  const started = Date.now()
  payex = await startPayexSandbox()
  payer = await startPayerSandbox()
  redis = await chooseRedis()
  databaseUrl = await createShopDatabase()
  env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    JWT_SECRET: randomBytes(24).toString("hex"),
    COOKIE_SECRET: randomBytes(24).toString("hex"),
    PAYEX_BASE_URL: payex.url,
    PAYER_BASE_URL: payer.url,
    // info: the event-bus workers log each event they process, which tells which instance handled what.
    LOG_LEVEL: "info",
  }
  writeFileSync(HOST_LOG, "")
  Object.assign(timings, buildInstancesHost(env))
  timings.migrate = hostCli(["db:migrate"], env)
  for (const { email, password } of ADMINS) hostCli(["user", "-e", email, "-p", password], env)
  const ports = [await freePort(), await freePort()]
  const startedAt = Date.now()
  ;[instances.A, instances.B] = await Promise.all([
    startInstance("A", ports[0], env),
    startInstance("B", ports[1], env),
  ])
  timings.start = (Date.now() - startedAt) / 1000
  for (const name of ["A", "B"] as const) api[name] = axios.create({ baseURL: instances[name].url, timeout: 60_000 })
  admin = await adminHeaders(api.A, ADMINS[0].email, ADMINS[0].password)
  seed = await seedSwedishStore(api.A, admin, [PAYEX_PROVIDER, PAYER_PROVIDER])
  timings.setup = (Date.now() - started) / 1000
  process.stderr.write(`two instances ready (Redis: ${redis.source}, db ${redis.db}): ${JSON.stringify(timings)}\n`)
}, 900_000)

afterAll(async () => {
  await Promise.all(Object.values(instances).map((i) => i.stop()))
  await payex?.close()
  await payer?.close()
  if (databaseUrl) await dropShopDatabase(databaseUrl)
  await redis?.release()
})

const lines = (order: any, seed: SeededStore) => ({
  chair: order.items.find((i: any) => i.variant_id === seed.chairVariantId),
  coffee: order.items.find((i: any) => i.variant_id === seed.coffeeVariantId),
})

describe("two Medusa instances on one PostgreSQL and one Redis", () => {
  it("the same fulfillment events handled by both instances: one PayEx capture and one Payer invoice per fulfillment", async () => {
    const goFile = path.join(SERVER_DIR, `redeliver-go-${process.pid}.json`)
    rmSync(goFile, { force: true })
    // One more process per instance, booted while the orders are made (a Medusa boot takes a while on 2 cores).
    const runs = (["A", "B"] as const).map((name) =>
      runRedelivery(name, goFile, { ...env, PORT: new URL(instances[name].url).port }, 300_000),
    )
    const items = [
      { variant_id: seed.chairVariantId, quantity: 2 },
      { variant_id: seed.coffeeVariantId, quantity: 3 },
    ]
    const { session, completed } = await payexCheckout(api.A, seed, items)
    expect(completed.type).toBe("order")
    const payexOrder = completed.order
    const { order: payerOrder } = await b2bCheckout(api.A, seed, items)
    await Promise.all(runs.map((r) => r.ready))

    // Two fulfillments per order through A's Admin API (the orders' in parallel, each order's one after the other),
    // then both redeliveries start together while the second ones' own events are still being handled.
    const fulfillments: RedeliveryGo["fulfillments"] = []
    for (const [chair, coffee] of [
      [1, 1],
      [1, 2],
    ]) {
      const made = await Promise.all(
        [payexOrder, payerOrder].map((order) => {
          const l = lines(order, seed)
          const parts = [
            { id: l.chair.id, quantity: chair },
            { id: l.coffee.id, quantity: coffee },
          ]
          return shop.fulfill(api.A, admin, seed, order.id, parts)
        }),
      )
      fulfillments.push(
        { order_id: payexOrder.id, fulfillment_id: made[0], provider: "payex" },
        { order_id: payerOrder.id, fulfillment_id: made[1], provider: "payer" },
      )
    }
    const go: RedeliveryGo = { at: Date.now() + 100, fulfillments }
    writeFileSync(goFile, JSON.stringify(go))
    const reports = await Promise.all(runs.map((r) => r.done))
    rmSync(goFile, { force: true })

    // Every delivery taken up: the 4 original events and the 2 x 4 queued again, spread over both instances' workers.
    const event = "order.fulfillment_created"
    await waitFor(
      "12 deliveries of order.fulfillment_created",
      async () => shop.deliveriesIn("A", event) + shop.deliveriesIn("B", event) >= 12,
      60_000,
    )
    const deliveries = { A: shop.deliveriesIn("A", event), B: shop.deliveriesIn("B", event) }
    await shop.invoiced(api.A, admin, payerOrder.id, 2)
    await waitFor(
      "both PayEx captures in Medusa",
      async () => (await shop.orderPayment(api.A, admin, payexOrder.id)).captures?.length >= 2,
      60_000,
    )
    await new Promise((r) => setTimeout(r, 3000)) // a late duplicate would show up within this
    process.stderr.write(`redeliveries: ${JSON.stringify({ deliveries, reports })}\n`)

    expect(deliveries.A).toBeGreaterThan(0)
    expect(deliveries.B).toBeGreaterThan(0)
    expect(deliveries.A + deliveries.B).toBe(12)
    // The workflows run in the exec processes too: each found its fulfillment done or did it, none failed.
    for (const report of reports) expect(report.results.filter((r: any) => r.error)).toEqual([])

    // PayEx: one capture per fulfillment, together exactly the order's total.
    const atPayex = shop.payexPaymentOf(payex, session.id)
    expect(shop.payexPosts(payex, atPayex.id, "captures")).toHaveLength(2)
    const captures = atPayex.transactions.filter((t) => t.type === "Capture" && t.state === "Completed")
    expect(captures).toHaveLength(2)
    expect(captures.reduce((sum, t) => sum + t.amount, 0)).toBe(Math.round(payexOrder.total * 100))
    expect(atPayex.remainingCaptureAmount).toBe(0)
    expect((await shop.orderPayment(api.B, admin, payexOrder.id)).captures).toHaveLength(2)

    // Payer: one invoice per fulfillment, together exactly the order's total.
    const records = (await shop.payerRecordsOf(api.B, admin, payerOrder.id)).filter((r) => r.kind === "invoice")
    expect(records.map((r) => r.fulfillment_id).sort()).toEqual(
      fulfillments
        .filter((f) => f.provider === "payer")
        .map((f) => f.fulfillment_id)
        .sort(),
    )
    const atPayer = shop.payerSide(
      payer,
      records.map((r) => r.reference_id),
    )
    expect(atPayer.invoicePosts).toHaveLength(2)
    expect(atPayer.invoices).toHaveLength(2)
    expect(atPayer.invoices.reduce((sum, i) => sum + i.totalAmount, 0)).toBe(Math.round(payerOrder.total * 100))
    expect((await shop.orderPayment(api.B, admin, payerOrder.id)).captures).toHaveLength(2)
  })

  it("two admins crediting the same invoice at once on different instances never credit more than remains", async () => {
    const { order } = await b2bCheckout(api.A, seed, [{ variant_id: seed.chairVariantId, quantity: 1 }])
    const l = lines(order, seed)
    await shop.fulfill(api.A, admin, seed, order.id, [{ id: l.chair.id, quantity: 1 }])
    const [invoice] = await shop.invoiced(api.A, admin, order.id, 1)
    expect(invoice.total).toBe(299) // 250 SEK chair + 49 SEK shipping

    // Each admin in their own dashboard session, on their own instance; the sessions live in Redis, so A's holds on B.
    const anna = await shop.adminSession(api.A, ADMINS[0].email, ADMINS[0].password)
    const bertil = await shop.adminSession(api.B, ADMINS[1].email, ADMINS[1].password)
    expect((await api.B.get("/admin/users/me", anna)).data.user.email).toBe(ADMINS[0].email)

    // Each asks for 200 of the 299 SEK that remain: both cannot fit.
    const body = {
      type: "manual",
      lines: [{ description: "Prisavdrag", quantity: 1, unit_amount: 200, vat_percent: 25 }],
    }
    const creditOn = (name: "A" | "B", session: shop.H) =>
      shop.settled(
        api[name].post(`/admin/payer-invoices/${invoice.number}/credits`, body, {
          headers: { ...session.headers, "idempotency-key": `credit-${name}-${randomBytes(6).toString("hex")}` },
        }),
      )
    const creditPostsBefore = payer.requests.filter((r) => r.path.startsWith("/api/v2/orders/invoices/credit")).length
    const answers = await Promise.all([creditOn("A", anna), creditOn("B", bertil)])

    const ok = answers.filter((a) => a.status === 200)
    const refused = answers.filter((a) => a.status !== 200)
    expect(ok).toHaveLength(1)
    expect(ok[0].data.payer_invoice).toMatchObject({ kind: "credit", total: 200 })
    expect(refused.map((a) => [a.status, a.data.message])).toEqual([
      [400, expect.stringContaining(`exceeds what remains to credit on invoice ${invoice.number} (99.00 SEK)`)],
    ])
    const creditPosts = payer.requests.filter((r) => r.path.startsWith("/api/v2/orders/invoices/credit"))
    expect(creditPosts.length - creditPostsBefore).toBe(1)
    const atPayer = payer.getInvoice(Number(invoice.number))!
    expect(atPayer.creditedAmount).toBe(20000)
    expect(atPayer.creditedAmount).toBeLessThanOrEqual(atPayer.totalAmount)
    expect((await shop.orderPayment(api.B, admin, order.id)).refunds.map((r: any) => r.amount)).toEqual([200])
  })

  it("shares the legal-address cap: lookups alternating between A and B, the 6th is 429 and PayEx saw 5", async () => {
    const { session } = await cartWithPaymentSession(
      api.A,
      seed,
      [{ variant_id: seed.bookVariantId, quantity: 1 }],
      PAYEX_PROVIDER,
    )
    const lookup = (name: "A" | "B") =>
      shop.settled(
        api[name].post(
          "/store/payex/legal-address",
          { payment_session_id: session.id, social_security_number: "600307-1161", zip_code: "19792" },
          storeHeaders(seed),
        ),
      )
    const order = ["A", "B", "A", "B", "A", "B", "A"] as const
    const answers: Array<Awaited<ReturnType<typeof lookup>>> = []
    for (const name of order) answers.push(await lookup(name))

    for (const answer of answers.slice(0, 5)) {
      expect(answer.status).toBe(200)
      expect(answer.data.legal_address).toMatchObject({ zip_code: "19792", country_code: "SE" })
    }
    for (const answer of answers.slice(5)) {
      expect(answer.status).toBe(429)
      expect(answer.data).toEqual({
        type: "too_many_requests",
        message: "Too many address lookups for this checkout; enter your address or choose another payment method.",
      })
      expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0)
    }
    const atPayex = shop.payexPaymentOf(payex, session.id)
    expect(shop.payexPosts(payex, atPayex.id, "approvedlegaladdress")).toHaveLength(5)
    // The count lives in the claimed Redis database, with everything else the instances keep there.
    expect(await keysIn(redis)).toBeGreaterThan(1)
  })
})
