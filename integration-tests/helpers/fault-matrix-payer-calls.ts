// The ten mutating Payer calls of the fault matrix (issue 11, Payer half) as table rows: how to get to the call, the
// user action that makes it, its second try, and what must hold at the sandbox and in Medusa afterwards.
import type { AxiosInstance } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { PayerSandbox } from "../../sandbox/payer"
import { b2bCheckout } from "./b2b"
import { waitFor } from "./environment"
import { answerOf, type Answer, type FaultKind } from "./fault-matrix"
import { invoiceOrder, orderPayment, payerRecords } from "./payer-credits"
import type { SeededStore } from "./seed"

type H = { headers: Record<string, string> }
export interface MatrixKit {
  api: AxiosInstance
  admin: () => H
  container: () => MedusaContainer
  seed: () => SeededStore
  payer: () => PayerSandbox
}
export interface PayerCallCase {
  call: string
  /** The fault switch's `only`: "METHOD /path" of exactly this call. */
  only: string
  /** Everything before the call; the fault is armed after it. */
  setup(kit: MatrixKit): Promise<any>
  /** The user's action that makes the call (answers, never throws on an HTTP error). */
  act(kit: MatrixKit, s: any): Promise<Answer>
  /** The second try of the same action: the same Idempotency-Key, or the plugin's retry route. */
  retry(kit: MatrixKit, s: any): Promise<Answer>
  /** Whether an answer is a success, and what a success answers (equal for the first and the second try). */
  ok(a: Answer): boolean
  result(a: Answer): unknown
  /** A first answer that is not a success but says what to do (the invoice family: a failed record to re-issue). */
  awaitsRetry?(a: Answer): boolean
  /** The effect exactly once at Payer, and Medusa's records agreeing with it. */
  verify(kit: MatrixKit, s: any, final: Answer, kind: FaultKind): Promise<void>
}

/** The answer of the request made, then lost (Payer did the work): the kinds whose first attempt is dropped. */
export const answerLost = (kind: FaultKind) =>
  kind === "processed, answer lost" || kind === "answer lost, retried by the user"
const major = (minor: number) => minor / 100
let keys = 0
const keyed = (kit: MatrixKit, key: string) => ({ headers: { ...kit.admin().headers, "idempotency-key": key } })

// ---- the invoice of a fulfillment: token, order, approve, invoice ----

async function invoiceRecord(kit: MatrixKit, fulfillmentId: string): Promise<any> {
  const service: any = kit.container().resolve("payerInvoice")
  const [record] = await service.listPayerInvoices({ source: `fulfillment:${fulfillmentId}` }, { take: 1 })
  return record
}

function invoiceCall(call: string, only: string): PayerCallCase {
  return {
    call,
    only,
    async setup(kit) {
      const seed = kit.seed()
      const items = [
        { variant_id: seed.chairVariantId, quantity: 2 },
        { variant_id: seed.coffeeVariantId, quantity: 3 },
      ]
      const { order } = await b2bCheckout(kit.api, seed, items)
      // The cached token must be renewed, so that this invoice's calls are the ones that fetch it.
      if (call === "token") kit.payer().expireAllTokens()
      return { orderId: order.id, items: order.items.map((i: any) => ({ id: i.id, quantity: Number(i.quantity) })) }
    },
    async act(kit, s) {
      const body = { items: s.items, location_id: kit.seed().locationId }
      const res = await answerOf(kit.api.post(`/admin/orders/${s.orderId}/fulfillments`, body, kit.admin()))
      if (res.status !== 200) return res
      const {
        data: { order },
      } = await kit.api.get(`/admin/orders/${s.orderId}?fields=fulfillments.id`, kit.admin())
      s.fulfillmentId = order.fulfillments[0].id
      // The invoice is made by the fulfillment's subscriber: what the merchant sees is its record once it settled.
      await waitFor(
        "the invoice record to settle",
        async () => {
          const r = await invoiceRecord(kit, s.fulfillmentId)
          return r && ((r.status === "issued" && r.medusa_recorded) || r.status === "failed")
        },
        30000,
      )
      const listed = await kit.api.get(`/admin/orders/${s.orderId}/payer-invoices`, kit.admin())
      return { status: res.status, data: { payer_invoice: listed.data.payer_invoices[0] } }
    },
    retry: (kit, s) =>
      answerOf(
        kit.api.post(
          `/admin/orders/${s.orderId}/payer-invoices/issue`,
          { fulfillment_id: s.fulfillmentId },
          kit.admin(),
        ),
      ),
    ok: (a) => a.status === 200 && a.data.payer_invoice?.status === "issued",
    result: (a) => [a.data.payer_invoice.number, a.data.payer_invoice.total],
    // The fulfillment stands; its invoice record says it failed, why, and to try again (POST .../payer-invoices/issue).
    awaitsRetry: (a) =>
      a.status === 200 &&
      a.data.payer_invoice?.status === "failed" &&
      /^Issuing the Payer invoice failed: Payer .*try again/i.test(a.data.payer_invoice.last_error),
    async verify(kit, s, final, kind) {
      const payer = kit.payer()
      const service: any = kit.container().resolve("payerInvoice")
      const records = await service.listPayerInvoices({ order_id: s.orderId })
      expect(records.map((r: any) => [r.kind, r.status, r.medusa_recorded, r.last_error])).toEqual([
        ["invoice", "issued", true, null],
      ])
      const [record] = records
      expect(final.data.payer_invoice).toMatchObject({ id: record.id, number: record.invoice_number })
      const orders = [...payer.state.orders.values()].filter(
        (o) => o.referenceId === record.id || o.referenceId.startsWith(`${record.id}-`),
      )
      const billed = orders.filter((o) => o.invoiceNumber !== null)
      expect(billed.map((o) => [String(o.orderId), String(o.invoiceNumber)])).toEqual([
        [record.payer_order_id, record.invoice_number],
      ])
      // Payer cannot read an order back: after a lost createOrder answer that order stays behind, never billed.
      const orphans = orders.filter((o) => o.invoiceNumber === null).map((o) => o.status)
      expect(orphans).toEqual(call === "order" && answerLost(kind) ? ["CREATED"] : [])
      const invoices = [...payer.state.invoices.values()].filter((i) => orders.some((o) => o.orderId === i.orderId))
      expect(invoices.map((i) => [i.type, String(i.invoiceNumber), i.totalAmount])).toEqual([
        ["NORMAL", record.invoice_number, record.total_amount],
      ])
      const approvals = payer.requests.filter(
        (r) => r.path === `/api/v2/orders/${record.payer_order_id}/approve` && r.status === 200,
      )
      expect(approvals.length).toBeLessThanOrEqual(1) // a lost approval answer is done once, then 409
      expect(payer.state.orders.get(Number(record.payer_order_id))!.approvedAt).not.toBeNull()
      const payment = await orderPayment(kit.api, kit.admin(), s.orderId)
      expect(payment.captures.map((c: any) => c.amount)).toEqual([major(record.total_amount)])
    },
  }
}

// ---- admin routes on an issued invoice: credits, send ----

/** One invoice of 648.99 SEK (2 chairs at 250.00, 3 coffee at 33.33, shipping 49.00), issued and captured. */
async function invoiced(kit: MatrixKit) {
  const { order } = await b2bCheckout(kit.api, kit.seed(), [
    { variant_id: kit.seed().chairVariantId, quantity: 2 },
    { variant_id: kit.seed().coffeeVariantId, quantity: 3 },
  ])
  const done = await invoiceOrder(kit.api, kit.admin(), kit.container(), kit.seed(), order.id)
  return { orderId: done.orderId, invoice: done.invoice, key: `matrix-${++keys}` }
}

const creditsAtPayerOf = (payer: PayerSandbox, invoiceNumber: string) =>
  payer.state.invoices.get(Number(invoiceNumber))!.creditInvoiceNumbers.map((n) => payer.state.invoices.get(n)!)

function creditCall(
  kind: "full" | "partial" | "manual",
  body: (invoice: any) => unknown,
  minor: number,
): PayerCallCase {
  const post = (kit: MatrixKit, s: any) =>
    answerOf(
      kit.api.post(`/admin/payer-invoices/${s.invoice.invoice_number}/credits`, body(s.invoice), keyed(kit, s.key)),
    )
  return {
    call: `credit ${kind}`,
    only: `^POST /api/v2/orders/invoices/credit/${kind}$`,
    setup: invoiced,
    act: post,
    retry: post,
    ok: (a) => a.status === 200 && a.data.payer_invoice?.status === "issued",
    result: (a) => [a.data.payer_invoice.id, a.data.payer_invoice.number, a.data.payer_invoice.total],
    async verify(kit, s, final) {
      const payer = kit.payer()
      const credits = creditsAtPayerOf(payer, s.invoice.invoice_number)
      expect(credits.map((c) => [c.type, c.totalAmount])).toEqual([["CREDIT", minor]])
      expect(final.data.payer_invoice).toMatchObject({ number: String(credits[0].invoiceNumber), total: major(minor) })
      const records = await payerRecords(kit.container(), s.orderId)
      const creditRecords = records.filter((r) => r.kind === "credit")
      expect(creditRecords.map((r) => [r.status, r.medusa_recorded, r.invoice_number, r.total_amount])).toEqual([
        ["issued", true, String(credits[0].invoiceNumber), minor],
      ])
      const original = records.find((r) => r.id === s.invoice.id)!
      const atPayer = payer.state.invoices.get(Number(s.invoice.invoice_number))!
      expect([original.credited_amount, original.outstanding_amount]).toEqual([
        atPayer.creditedAmount,
        atPayer.outstandingAmount,
      ])
      const payment = await orderPayment(kit.api, kit.admin(), s.orderId)
      expect(payment.refunds.map((r: any) => r.amount)).toEqual([major(minor)])
    },
  }
}

const sendCall: PayerCallCase = {
  call: "send",
  only: "^PUT /api/v2/orders/invoices/send$",
  async setup(kit) {
    const s = await invoiced(kit)
    return { ...s, sendsBefore: kit.payer().state.invoices.get(Number(s.invoice.invoice_number))!.sends.length }
  },
  act: (kit, s) =>
    answerOf(
      kit.api.post(
        `/admin/payer-invoices/${s.invoice.invoice_number}/send`,
        { delivery_type: "EMAIL" },
        keyed(kit, s.key),
      ),
    ),
  retry: (kit, s) => sendCall.act(kit, s),
  ok: (a) => a.status === 200 && a.data.sent === true,
  result: (a) => a.data,
  async verify(kit, s) {
    const sends = kit.payer().state.invoices.get(Number(s.invoice.invoice_number))!.sends
    expect(sends.slice(s.sendsBefore).map((x) => x.deliveryType)).toEqual(["EMAIL"])
    const records = await payerRecords(kit.container(), s.orderId)
    expect(records.map((r) => [r.kind, r.status, r.invoice_number])).toEqual([
      ["invoice", "issued", s.invoice.invoice_number],
    ])
    const payment = await orderPayment(kit.api, kit.admin(), s.orderId)
    expect([payment.captures.map((c: any) => c.amount), payment.refunds ?? []]).toEqual([[648.99], []])
  },
}

export const PAYER_CALLS_ON_INVOICES: PayerCallCase[] = [
  invoiceCall("token", "^POST /oauth2/token$"),
  invoiceCall("order", "^POST /api/v2/orders$"),
  invoiceCall("approve", "^PUT /api/v2/orders/\\d+/approve$"),
  invoiceCall("invoice", "^POST /api/v2/orders/\\d+/invoices$"),
  creditCall("full", () => ({ type: "full" }), 64899),
  creditCall(
    "partial",
    (invoice) => ({
      type: "partial",
      items: [{ position: invoice.lines.find((l: any) => l.unit_amount === 25000).position, quantity: 1 }],
    }),
    25000,
  ),
  creditCall(
    "manual",
    () => ({ type: "manual", lines: [{ description: "Rabatt", quantity: 1, unit_amount: 100, vat_percent: 25 }] }),
    10000,
  ),
  sendCall,
]

// ---- what a standalone credit's outstanding amount can do: pay-with-credit, payout ----

/** An issued invoice and a standalone credit of 50.00 SEK (outstanding 50.00) on the same order. */
export async function withStandaloneCredit(kit: MatrixKit) {
  const s = await invoiced(kit)
  const { data } = await kit.api.post(
    `/admin/payer-invoices/${s.invoice.invoice_number}/credits`,
    {
      type: "manual",
      standalone: true,
      lines: [{ description: "Bonus", quantity: 1, unit_amount: 50, vat_percent: 25 }],
    },
    keyed(kit, `${s.key}-standalone`),
  )
  const { refunds } = await orderPayment(kit.api, kit.admin(), s.orderId)
  return { ...s, credit: data.payer_invoice, refundsBefore: refunds.map((r: any) => r.amount) }
}
