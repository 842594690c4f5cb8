// Section 4: the Payer status sync over `count` invoices. The invoices are made in the Payer sandbox through its own
// domain functions (what its HTTP routes call, without 30,000 round trips), a third of them then paid and some
// overdue; the matching invoice records go into the shop's database with one SQL insert (as the invoice workflow
// leaves them: issued, UNPAID). Then one sync run, with caps high enough for a whole cycle, runs inside the Medusa
// process (bench/host's admin route runs the plugin's workflow), while this process watches that process's RSS.
import type { AxiosInstance } from "axios"
import { randomBytes } from "node:crypto"
import { readFileSync, writeFileSync } from "node:fs"
import { approveOrder, createInvoice, createOrder } from "../sandbox/payer/domain/orders"
import { validateInvoiceRequest, validateOrder } from "../sandbox/payer/validation"
import type { BenchDatabase } from "./database"
import { orderBody } from "./payer-ops"
import { isToken, requestKind, type Sandboxes } from "./sandboxes"

export interface SyncResult {
  invoices: number
  paid: number
  overdue: number
  openRecords: number
  seedSeconds: number
  seconds: number
  result: any
  batchCalls: number
  otherCalls: Record<string, number>
  tokens: number
  rssBeforeMb: number
  rssPeakMb: number
  rssGrowthMb: number
  peakSource: string
  recordsPaidAfter: number
  recordsOverdueAfter: number
  defaultRuns: number
  error?: string
}

type H = { headers: Record<string, string> }

const mb = (kb: number) => Math.round(kb / 102.4) / 10

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const text = readFileSync(`/proc/${pid}/status`, "utf8")
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)
  return m ? Number(m[1]) : NaN
}

/** Invoices in the sandbox; answers their numbers and which were paid / made overdue. */
function seedSandbox(s: Sandboxes, count: number) {
  const store = s.payer.state
  const invoices: Array<{ number: number; ref: string; orderId: number; total: number; vat: number; due: string }> = []
  const invoiceRequest = validateInvoiceRequest({ dueDays: 30, deliveryType: "NONE", type: "NORMAL" })
  const run = randomBytes(4).toString("hex")
  for (let i = 0; i < count; i++) {
    const ref = `bench-sync-${run}-${i}`
    const order = createOrder(store, validateOrder(orderBody(ref)))
    approveOrder(store, order.orderId)
    const invoice = createInvoice(store, order.orderId, invoiceRequest)
    invoices.push({
      number: invoice.invoiceNumber,
      ref,
      orderId: order.orderId,
      total: invoice.totalAmount,
      vat: invoice.totalVatAmount,
      due: invoice.dueDate,
    })
  }
  let paid = 0
  let overdue = 0
  invoices.forEach((inv, i) => {
    if (i % 3 === 0) {
      s.payer.markPaid(inv.number)
      paid++
    } else if (i % 10 === 1) {
      s.payer.markOverdue(inv.number)
      overdue++
    }
  })
  return { invoices, paid, overdue }
}

async function seedRecords(db: BenchDatabase, invoices: ReturnType<typeof seedSandbox>["invoices"]) {
  const c = db.client()
  await c.connect()
  try {
    const col = <T>(fn: (i: (typeof invoices)[number]) => T) => invoices.map(fn)
    const raw = (v: number) => JSON.stringify({ value: String(v), precision: 20 })
    await c.query(
      `insert into payer_invoice (id, order_id, kind, source, status, step, payer_order_id, reference_id,
         invoice_number, payer_status, currency_code, total_amount, raw_total_amount, vat_amount, raw_vat_amount,
         outstanding_amount, raw_outstanding_amount, due_date, delivery_type, medusa_recorded)
       select id, 'order_bench_sync', 'invoice', source, 'issued', 'invoice', payer_order_id, reference_id,
         invoice_number, 'UNPAID', 'sek', total, raw_total::jsonb, vat, raw_vat::jsonb, total, raw_total::jsonb,
         due_date, 'NONE', true
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[],
         $8::numeric[], $9::text[], $10::text[])
         as t(id, source, payer_order_id, reference_id, invoice_number, total, raw_total, vat, raw_vat, due_date)`,
      [
        col(() => `pinv_bench${randomBytes(10).toString("hex")}`),
        col((i) => `bench-sync:${i.ref}`),
        col((i) => String(i.orderId)),
        col((i) => i.ref),
        col((i) => String(i.number)),
        col((i) => i.total),
        col((i) => raw(i.total)),
        col((i) => i.vat),
        col((i) => raw(i.vat)),
        col((i) => i.due),
      ],
    )
    // From the lowest open record, as a first run does.
    await c.query("update payer_sync_state set next_invoice_number = null")
    const { rows } = await c.query(
      `select count(*)::int as n from payer_invoice where deleted_at is null and invoice_number is not null
         and (payer_status is null or payer_status not in ('PAID', 'CREDITED'))`,
    )
    return rows[0].n as number
  } finally {
    await c.end()
  }
}

async function recordsWith(db: BenchDatabase, status: string): Promise<number> {
  const c = db.client()
  await c.connect()
  try {
    const { rows } = await c.query(
      "select count(*)::int as n from payer_invoice where source like 'bench-sync:%' and payer_status = $1",
      [status],
    )
    return rows[0].n
  } finally {
    await c.end()
  }
}

export async function runStatusSync(
  s: Sandboxes,
  api: AxiosInstance,
  admin: H,
  db: BenchDatabase,
  count: number,
  log: (line: string) => void,
): Promise<SyncResult> {
  const seedStarted = Date.now()
  log(`status sync: ${count} invoices in the Payer sandbox and the database`)
  const { invoices, paid, overdue } = seedSandbox(s, count)
  const openRecords = await seedRecords(db, invoices)
  const seedSeconds = (Date.now() - seedStarted) / 1000

  const route = "/admin/bench/payer-sync"
  const { pid } = (await api.get(route, admin)).data as { pid: number }
  const rssBefore = statusKb(pid, "VmRSS")
  let peakSource = "VmHWM (reset before the run)"
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5") // resets the kernel's peak RSS of that process
  } catch {
    peakSource = "VmRSS sampled every 20 ms"
  }
  let sampled = rssBefore
  const sampler = setInterval(() => {
    const kb = statusKb(pid, "VmRSS")
    if (kb > sampled) sampled = kb
  }, 20)
  const from = s.payer.requests.length
  const started = Date.now()
  log("status sync: running in the Medusa process")
  let run: any
  try {
    await api.post(route, { max_calls: 10000, max_seconds: 3600 }, admin)
    for (;;) {
      await new Promise((r) => setTimeout(r, 200))
      const { data } = await api.get(route, admin)
      if (data.done) {
        run = data.run
        break
      }
      if (Date.now() - started > 1_800_000) throw new Error("the sync did not finish within 30 minutes")
    }
  } finally {
    clearInterval(sampler)
  }
  const hwm = peakSource.startsWith("VmHWM") ? statusKb(pid, "VmHWM") : NaN
  const peak = Number.isFinite(hwm) ? Math.max(hwm, sampled) : sampled
  const requests = s.payer.requests.slice(from)
  const otherCalls: Record<string, number> = {}
  for (const r of requests) {
    if (isToken(r) || r.path === "/api/v2/orders/invoices/batch") continue
    otherCalls[requestKind(r)] = (otherCalls[requestKind(r)] ?? 0) + 1
  }
  const batchCalls = requests.filter((r) => r.path === "/api/v2/orders/invoices/batch").length
  const seconds = (run?.ms ?? Date.now() - started) / 1000
  return {
    invoices: count,
    paid,
    overdue,
    openRecords,
    seedSeconds,
    seconds,
    result: run?.result ?? null,
    batchCalls,
    otherCalls,
    tokens: requests.filter(isToken).length,
    rssBeforeMb: mb(rssBefore),
    rssPeakMb: mb(peak),
    rssGrowthMb: mb(peak - rssBefore),
    peakSource,
    recordsPaidAfter: await recordsWith(db, "PAID"),
    recordsOverdueAfter: await recordsWith(db, "OVERDUE"),
    // The scheduled job's default caps: 200 calls or 60 s per run (whichever comes first), one run every 15 minutes.
    defaultRuns: Math.ceil(batchCalls / Math.max(1, Math.min(200, Math.floor((60 * batchCalls) / seconds)))),
    ...(run?.error ? { error: run.error } : {}),
  }
}
