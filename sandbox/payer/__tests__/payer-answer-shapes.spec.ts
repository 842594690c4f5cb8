import { startPayerSandbox } from "../index"
import { PayerTestClient, invoicedOrder, orderBody, startSandbox, uuid, type PayerSandbox } from "./helpers"

let sandbox: PayerSandbox
let api: PayerTestClient

beforeAll(async () => {
  ;({ sandbox, api } = await startSandbox())
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const FULL = "/api/v2/orders/invoices/credit/full"

/** One order invoiced, one partial credit, then every lookup: the raw bodies as the sandbox answers them. */
async function answers() {
  const created = await api.post("/api/v2/orders", orderBody(`ref-${uuid()}`), uuid())
  await api.put(`/api/v2/orders/${created.body.orderId}/approve`, undefined, uuid())
  const invoice = await api.post(
    `/api/v2/orders/${created.body.orderId}/invoices`,
    { dueDays: 30, deliveryType: "EMAIL", type: "NORMAL" },
    uuid(),
  )
  const n = (invoice.body.invoice ?? invoice.body).invoiceNumber
  const credit = await api.post(
    "/api/v2/orders/invoices/credit/partial",
    { invoiceNumber: n, items: [{ position: 1, quantity: 1 }] },
    uuid(),
  )
  const lookup = await api.get(`/api/v2/orders/invoices?invoiceNumber=${n}`)
  const batch = await api.get(`/api/v2/orders/invoices/batch?fromInvoiceNumber=${n}`)
  const credits = await api.get(`/api/v2/orders/invoices/credit?orderId=${created.body.orderId}`)
  return {
    n,
    invoice: invoice.body,
    credit: credit.body,
    lookup: lookup.body,
    batch: batch.body,
    credits: credits.body,
  }
}

describe("invoice answer shapes", () => {
  it("by default: invoice creation { invoice }, credits and lookups the invoice at the top level", async () => {
    const a = await answers()
    expect(a.invoice).toEqual({ invoice: expect.objectContaining({ invoiceNumber: a.n, type: "NORMAL" }) })
    expect(a.credit).toMatchObject({ invoiceNumber: a.n + 1, type: "CREDIT", creditedInvoiceNumber: a.n })
    expect(a.credit).not.toHaveProperty("invoice")
    expect(a.lookup).toMatchObject({ invoiceNumber: a.n, status: "PARTIALLY_CREDITED" })
    expect(a.batch.invoices.map((i: any) => i.invoiceNumber)).toEqual([a.n, a.n + 1])
    expect(a.credits.invoices.map((i: any) => i.invoiceNumber)).toEqual([a.n + 1])
  })

  it('"swapped": each family the other way round, until reset', async () => {
    expect(sandbox.setAnswerShapes("swapped")).toEqual({
      createInvoice: "top-level",
      credits: "wrapped",
      lookups: "wrapped",
    })
    const a = await answers()
    expect(a.invoice).toMatchObject({ invoiceNumber: a.n, type: "NORMAL" })
    expect(a.invoice).not.toHaveProperty("invoice")
    expect(a.credit).toEqual({ invoice: expect.objectContaining({ invoiceNumber: a.n + 1, type: "CREDIT" }) })
    expect(a.lookup).toEqual({ invoice: expect.objectContaining({ invoiceNumber: a.n }) })
    expect(a.batch.invoices.map((i: any) => i.invoice.invoiceNumber)).toEqual([a.n, a.n + 1])
    expect(a.batch).toHaveProperty("nextInvoiceNumber", null)
    expect(a.credits.invoices.map((i: any) => i.invoice.invoiceNumber)).toEqual([a.n + 1])
    sandbox.reset()
    const full = await api.post(
      FULL,
      { invoiceNumber: (await invoicedOrder(api, "ref-after-reset")).invoiceNumber },
      uuid(),
    )
    expect(full.body).toMatchObject({ type: "CREDIT" })
  })

  it("per family, as a start option, and refuses unknown shapes", async () => {
    expect(sandbox.setAnswerShapes({ credits: "wrapped" })).toEqual({
      createInvoice: "wrapped",
      credits: "wrapped",
      lookups: "top-level",
    })
    expect(() => sandbox.setAnswerShapes({ credits: "nested" } as never)).toThrow(
      'answer shape of credits must be "top-level" or "wrapped"',
    )
    expect(() => sandbox.setAnswerShapes({ refunds: "wrapped" } as never)).toThrow(
      'unknown answer shape family "refunds"',
    )
    expect(() => sandbox.setAnswerShapes("sideways" as never)).toThrow("answer shapes must be default or swapped")
    const other = await startPayerSandbox({ answerShapes: "swapped" })
    try {
      const client = new PayerTestClient(other.url)
      const invoice = await invoicedOrder(client, "ref-start-option")
      const credit = await client.post(FULL, { invoiceNumber: invoice.invoiceNumber }, uuid())
      expect(credit.body.invoice).toMatchObject({ type: "CREDIT", creditedInvoiceNumber: invoice.invoiceNumber })
    } finally {
      await other.close()
    }
  })
})
