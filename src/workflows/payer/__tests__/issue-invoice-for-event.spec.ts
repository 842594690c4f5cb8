const run = jest.fn()
jest.mock("../issue-invoice", () => ({ issuePayerInvoiceWorkflow: () => ({ run }) }))

import { issuePayerInvoiceForEvent } from "../issue-invoice-for-event"

function container(
  opts: {
    invoiceOn?: "fulfillment" | "shipment"
    configured?: boolean
    registered?: boolean
    orderLinks?: Array<{ order_id: string }>
  } = {},
) {
  const logger = { error: jest.fn() }
  const graph = jest.fn(async () => ({ data: opts.orderLinks ?? [{ order_id: "order_1" }] }))
  const service = {
    isConfigured: () => opts.configured ?? true,
    getPayerOptions: () => ({ invoiceOn: opts.invoiceOn ?? "fulfillment" }),
  }
  const resolve = (key: string) => {
    if (key === "logger") return logger
    if (key === "query") return { graph }
    if (key === "payerInvoice" && opts.registered !== false) return service
    throw new Error(`not registered: ${key}`)
  }
  return { c: { resolve } as any, logger, graph }
}

describe("issuePayerInvoiceForEvent", () => {
  beforeEach(() => run.mockReset().mockResolvedValue({ result: {} }))

  it("issues on order.fulfillment_created when invoiceOn is fulfillment", async () => {
    const { c } = container()
    await issuePayerInvoiceForEvent(c, "fulfillment", { order_id: "order_1", fulfillment_id: "ful_1" })
    expect(run).toHaveBeenCalledWith({ input: { order_id: "order_1", fulfillment_id: "ful_1" } })
    await issuePayerInvoiceForEvent(c, "shipment", { fulfillment_id: "ful_1" })
    expect(run).toHaveBeenCalledTimes(1)
  })

  it("finds the order of a shipped fulfillment when invoiceOn is shipment", async () => {
    const { c, graph } = container({ invoiceOn: "shipment", orderLinks: [{ order_id: "order_9" }] })
    await issuePayerInvoiceForEvent(c, "fulfillment", { order_id: "order_9", fulfillment_id: "ful_2" })
    expect(run).not.toHaveBeenCalled()
    await issuePayerInvoiceForEvent(c, "shipment", { fulfillment_id: "ful_2" })
    expect(graph).toHaveBeenCalledWith(
      expect.objectContaining({ entity: "order_fulfillment", filters: { fulfillment_id: "ful_2" } }),
    )
    expect(run).toHaveBeenCalledWith({ input: { order_id: "order_9", fulfillment_id: "ful_2" } })
  })

  it("does nothing without a configured Payer module or an order", async () => {
    await issuePayerInvoiceForEvent(container({ configured: false }).c, "fulfillment", {
      order_id: "o",
      fulfillment_id: "f",
    })
    await issuePayerInvoiceForEvent(container({ registered: false }).c, "fulfillment", {
      order_id: "o",
      fulfillment_id: "f",
    })
    await issuePayerInvoiceForEvent(container({ invoiceOn: "shipment", orderLinks: [] }).c, "shipment", {
      fulfillment_id: "f",
    })
    expect(run).not.toHaveBeenCalled()
  })

  it("logs a failure instead of throwing it into the event bus", async () => {
    run.mockRejectedValue(new Error("Payer POST /api/v2/orders failed (503)"))
    const { c, logger } = container()
    await expect(
      issuePayerInvoiceForEvent(c, "fulfillment", { order_id: "order_1", fulfillment_id: "ful_1" }),
    ).resolves.toBeUndefined()
    expect(logger.error).toHaveBeenCalledWith(expect.stringMatching(/ful_1.*503/))
  })
})
