/** The sandbox's Events API: registration, events raised by payments and credits, delivery, fetch and ack. */
import http from "node:http"
import type { AddressInfo } from "node:net"
import {
  expectSpringError,
  invoicedOrder,
  startSandbox,
  uuid,
  type PayerSandbox,
  type PayerTestClient,
} from "./helpers"

/** A merchant endpoint that records every call and, when told to, fetches and acknowledges the event. */
async function receiver(api: () => PayerTestClient) {
  const calls: Array<{ method: string; path: string; token: string | null }> = []
  let ackOnCall = false
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x")
    const token = url.searchParams.get("token")
    calls.push({ method: req.method ?? "", path: url.pathname + url.search.replace(/token=[^&]*/, "token=…"), token })
    if (ackOnCall && token) await api().get(`/api/v1/events/${token}/ack`)
    res.writeHead(200).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/payer-events?shop=1`
  return {
    url,
    calls,
    ackOnCall: (on: boolean) => (ackOnCall = on),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe("Payer sandbox events", () => {
  let sandbox: PayerSandbox
  let api: PayerTestClient
  let hook: Awaited<ReturnType<typeof receiver>>

  beforeAll(async () => {
    ;({ sandbox, api } = await startSandbox({ eventDelivery: { delayMs: 0, retryDelaysMs: [50, 50] } }))
    hook = await receiver(() => api)
  })
  afterAll(async () => {
    await sandbox.close()
    await hook.close()
  })
  beforeEach(() => {
    sandbox.reset()
    sandbox.clearEventCallbacks()
    sandbox.setEventDelivery({ delayMs: 0, retryDelaysMs: [50, 50] })
    hook.calls.length = 0
    hook.ackOnCall(false)
  })

  const register = (type: string, url: string) =>
    api.call("POST", `/api/v1/events/callbacks?type=${encodeURIComponent(type)}&url=${encodeURIComponent(url)}`, {
      requestId: uuid(),
    })

  it("registers a type and an absolute URL (204, kept once), refuses an unknown type or a relative URL", async () => {
    expect((await register("INVOICE_PAYMENT_RECEIVED", hook.url)).status).toBe(204)
    expect((await register("INVOICE_PAYMENT_RECEIVED", hook.url)).status).toBe(204)
    expect((await api.get("/api/v1/events/callbacks")).body).toEqual({
      callbacks: [{ type: "INVOICE_PAYMENT_RECEIVED", url: hook.url }],
    })
    expectSpringError(await register("INVOICE_EATEN", hook.url), 400, "type must be one of")
    expectSpringError(await register("CREDIT_USED", "/relative"), 400, "url must be an absolute")
    expectSpringError(await api.call("POST", "/api/v1/events/callbacks?url=x", { requestId: uuid() }), 400, "type")
    expect(
      (await api.call("POST", "/api/v1/events/callbacks?type=CREDIT_USED&url=http://a", { token: null })).status,
    ).toBe(401)
  })

  it("a payment raises INVOICE_PAYMENT_RECEIVED, delivered with ?token= until acknowledged, then not fetchable", async () => {
    await register("INVOICE_PAYMENT_RECEIVED", hook.url)
    const invoice = await invoicedOrder(api, "ev-1")
    sandbox.markPaid(invoice.invoiceNumber, 1000)
    const [event] = sandbox.events("INVOICE_PAYMENT_RECEIVED")
    expect(event.payload).toMatchObject({
      invoiceNumber: invoice.invoiceNumber,
      orderId: invoice.orderId,
      amountInCents: 1000,
      currencyCode: "SEK",
      orderReferenceId: "ev-1",
    })
    await wait(250)
    // not acknowledged: the first call and both retries, to the registered URL with its own query kept
    expect(hook.calls).toHaveLength(3)
    expect(hook.calls[0]).toMatchObject({ method: "POST", path: "/payer-events?shop=1&token=…", token: event.token })
    expect(event.attempts.map((a) => a.status)).toEqual([200, 200, 200])

    const fetched = await api.get(`/api/v1/events/${event.token}`)
    expect(fetched.status).toBe(200)
    expect(fetched.body).toMatchObject({ type: "INVOICE_PAYMENT_RECEIVED", payload: event.payload })
    expect((await api.get(`/api/v1/events/${event.token}/ack`)).status).toBe(200)
    expect((await api.get(`/api/v1/events/${event.token}/ack`)).status).toBe(200)
    expectSpringError(await api.get(`/api/v1/events/${event.token}`), 404, "not found")
    expectSpringError(await api.get("/api/v1/events/forged-token"), 404, "not found")
    expectSpringError(await api.get("/api/v1/events/forged-token/ack"), 404, "not found")
    expect((await api.get(`/api/v1/events/${event.token}`, { token: null })).status).toBe(401)
  })

  it("stops delivering once acknowledged; a redelivery can still be forced; unregistered types go nowhere", async () => {
    await register("INVOICE_PAYMENT_RECEIVED", hook.url)
    hook.ackOnCall(true)
    sandbox.setEventDelivery({ method: "GET" })
    const invoice = await invoicedOrder(api, "ev-2")
    sandbox.markPaid(invoice.invoiceNumber)
    await wait(250)
    expect(hook.calls).toHaveLength(1)
    expect(hook.calls[0].method).toBe("GET")
    const [event] = sandbox.events()
    expect(event.acknowledgedAt).not.toBeNull()
    await sandbox.redeliverEvent(event.token)
    expect(hook.calls).toHaveLength(2)

    sandbox.writeOff((await invoicedOrder(api, "ev-3")).invoiceNumber, 500)
    expect(sandbox.events("WRITE_OFF_PAYMENT_CREATED")[0]).toMatchObject({ payload: { writeOffAmount: 500 }, urls: [] })
    await wait(100)
    expect(hook.calls).toHaveLength(2)
  })

  it("credits used: pay-with-credit and payout raise CREDIT_USED naming the credit invoice", async () => {
    const paid = await invoicedOrder(api, "ev-4")
    const other = await invoicedOrder(api, "ev-5")
    const credit = await api.post(
      "/api/v2/orders/invoices/credit/full",
      { invoiceNumber: paid.invoiceNumber, standalone: true },
      uuid(),
    )
    const creditNumber = (credit.body.invoice ?? credit.body).invoiceNumber
    const used = await api.post(
      "/api/v2/orders/invoices/pay-with-credit",
      { creditInvoiceNumber: creditNumber, toPayInvoiceNumber: other.invoiceNumber, amount: 100 },
      uuid(),
    )
    expect(used.status).toBe(200)
    const payout = await api.post("/api/v2/orders/invoices/payout-credit", { invoiceNumber: creditNumber }, uuid())
    expect(payout.status).toBe(200)
    expect(sandbox.events("CREDIT_USED").map((e) => e.payload)).toEqual([
      expect.objectContaining({
        creditInvoiceNumber: creditNumber,
        amountInCents: 100,
        creditUsedType: "USED_AS_PAYMENT",
        reference: String(other.invoiceNumber),
      }),
      expect.objectContaining({
        creditInvoiceNumber: creditNumber,
        creditUsedType: "PAID_OUT",
        reference: payout.body.payoutJobId,
      }),
    ])
  })

  it("fault switches apply to the Events API; reset forgets events and keeps registrations", async () => {
    await register("CREDIT_USED", hook.url)
    const event = sandbox.raiseEvent("CREDIT_USED", { creditInvoiceNumber: 1 })
    sandbox.setFaults({ failNext: 1, only: "^GET /api/v1/events/" })
    expect((await api.get(`/api/v1/events/${event.token}`)).status).toBe(503)
    expect((await api.get(`/api/v1/events/${event.token}`)).status).toBe(200)
    sandbox.reset()
    expect(sandbox.events()).toEqual([])
    expect(sandbox.state.callbacks).toHaveLength(1)
  })
})
