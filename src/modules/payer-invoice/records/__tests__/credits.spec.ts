import { PayerApiError } from "../../../../lib/payer"
import { externalInvoiceNumberFor } from "../../../../lib/payer"
import { CreditOutcomeUnknownError } from "../failures"
import { issueCreditRecord } from "../credits"

/** An in-memory stand-in for the payer-invoice module and the Payer client: just what issueCreditRecord uses. */
function fakes() {
  const records = new Map<string, any>()
  records.set("pinv_orig", {
    id: "pinv_orig",
    order_id: "order_1",
    kind: "invoice",
    status: "issued",
    invoice_number: "1001",
    total_amount: 64899,
    credited_amount: 0,
    outstanding_amount: 64899,
    currency_code: "sek",
    attempt: 1,
    metadata: {},
    lines: [
      {
        id: "l1",
        position: 1,
        quantity: 1,
        credited_quantity: 0,
        unit_amount: 64899,
        total_amount: 64899,
        vat_basis_points: 2500,
        description: "Soffa",
      },
    ],
  })
  records.set("pinv_credit", {
    id: "pinv_credit",
    order_id: "order_1",
    kind: "credit",
    status: "pending",
    credited_invoice_id: "pinv_orig",
    total_amount: 64899,
    currency_code: "sek",
    attempt: 0,
    standalone: false,
    medusa_recorded: false,
    metadata: { credit: { type: "full" } },
    lines: [],
  })
  const issued = {
    invoiceNumber: 2001,
    type: "CREDIT",
    status: "PAID",
    totalAmount: 64899,
    outstandingAmount: 0,
    items: [],
  }
  const client = {
    creditFull: jest.fn(),
    getInvoice: jest.fn(async (lookup: any) =>
      lookup.invoiceNumber
        ? { invoiceNumber: 1001, status: "CREDITED", creditedAmount: 64899, outstandingAmount: 0, totalAmount: 64899 }
        : null,
    ),
  }
  const matches = (r: any, filter: Record<string, unknown>) => Object.entries(filter).every(([k, v]) => r[k] === v)
  const service: any = {
    retrievePayerInvoice: async (id: string) => structuredClone(records.get(id)),
    listPayerInvoices: async (filter: Record<string, unknown>) =>
      [...records.values()].filter((r) => matches(r, filter)).map((r) => structuredClone(r)),
    updatePayerInvoices: async ({ id, ...changes }: any) => records.set(id, { ...records.get(id), ...changes }),
    createPayerInvoiceLines: async () => undefined,
    updatePayerInvoiceLines: async () => undefined,
    getPayerClient: () => client,
  }
  return { records, client, service, issued }
}

const lost = () =>
  new PayerApiError({
    method: "POST",
    path: "/api/v2/orders/invoices/credit/full",
    code: "network",
    detail: "ECONNRESET",
  })

describe("issueCreditRecord: a credit is never made twice", () => {
  it("marks the record unknown before sending, and leaves it unknown (held) when the answer is lost", async () => {
    const { records, client, service } = fakes()
    client.creditFull.mockImplementationOnce(async () => {
      expect(records.get("pinv_credit").status).toBe("unknown") // a crash during the POST leaves it looked-up, not resent blindly
      throw lost()
    })
    const error = await issueCreditRecord(service, "pinv_credit").catch((e) => e)
    expect(error).toBeInstanceOf(CreditOutcomeUnknownError)
    // The admin route answers it 502: its message must tell the merchant to try again (with the same key).
    expect(error.message).toMatch(/try again with the same request and Idempotency-Key/)
    expect(records.get("pinv_credit")).toMatchObject({
      status: "unknown",
      last_error: expect.stringContaining("held back"),
    })
  })

  it("marks it failed and refused (released) when Payer refuses it", async () => {
    const { records, client, service } = fakes()
    client.creditFull.mockRejectedValueOnce(
      new PayerApiError({ method: "POST", path: "/x", code: "http", status: 400, payerMessage: "fully credited" }),
    )
    await expect(issueCreditRecord(service, "pinv_credit")).rejects.toThrow(/fully credited/)
    expect(records.get("pinv_credit")).toMatchObject({
      status: "failed",
      metadata: expect.objectContaining({ refused: true }),
    })
  })

  it("looks an unknown credit up by its externalInvoiceNumber and takes Payer's credit without sending again", async () => {
    const { records, client, service, issued } = fakes()
    records.set("pinv_credit", { ...records.get("pinv_credit"), status: "unknown", attempt: 1 })
    client.getInvoice.mockImplementationOnce(async () => issued as any)
    const result = await issueCreditRecord(service, "pinv_credit")
    expect(client.getInvoice).toHaveBeenNthCalledWith(1, {
      externalInvoiceNumber: externalInvoiceNumberFor("pinv_credit"),
    })
    expect(client.creditFull).not.toHaveBeenCalled()
    expect(result).toMatchObject({ status: "issued", invoice_number: "2001" })
  })

  it("sends an unknown credit Payer does not have once more, with the same Payer-Request-ID and externalInvoiceNumber", async () => {
    const { records, client, service, issued } = fakes()
    client.creditFull.mockRejectedValueOnce(lost())
    await expect(issueCreditRecord(service, "pinv_credit")).rejects.toBeInstanceOf(CreditOutcomeUnknownError)
    client.creditFull.mockResolvedValueOnce({ invoice: issued })
    const result = await issueCreditRecord(service, "pinv_credit", "resolve-only")
    expect(client.creditFull).toHaveBeenCalledTimes(2)
    expect(client.creditFull.mock.calls[1]).toEqual(client.creditFull.mock.calls[0])
    expect(result.status).toBe("issued")
    expect(records.get("pinv_credit").attempt).toBe(2)
  })

  it("keeps the credit unknown when the lookup itself fails", async () => {
    const { records, client, service } = fakes()
    records.set("pinv_credit", { ...records.get("pinv_credit"), status: "unknown", attempt: 1 })
    client.getInvoice.mockRejectedValueOnce(
      new PayerApiError({ method: "GET", path: "/api/v2/orders/invoices", code: "http", status: 503 }),
    )
    await expect(issueCreditRecord(service, "pinv_credit")).rejects.toBeInstanceOf(CreditOutcomeUnknownError)
    expect(client.creditFull).not.toHaveBeenCalled()
    expect(records.get("pinv_credit").status).toBe("unknown")
  })

  it("releases a legacy failed credit Payer does not know when only resolving, but resends it for its owner", async () => {
    const { records, client, service, issued } = fakes()
    records.set("pinv_credit", { ...records.get("pinv_credit"), status: "failed", attempt: 1 })
    const released = await issueCreditRecord(service, "pinv_credit", "resolve-only")
    expect([released.status, released.metadata?.refused, client.creditFull.mock.calls.length]).toEqual([
      "failed",
      true,
      0,
    ])

    records.set("pinv_credit", { ...records.get("pinv_credit"), metadata: { credit: { type: "full" } } })
    client.creditFull.mockResolvedValueOnce({ invoice: issued })
    expect((await issueCreditRecord(service, "pinv_credit", "resend")).status).toBe("issued")
    expect(client.creditFull).toHaveBeenCalledTimes(1)
  })
})

describe("issueCreditRecord: one Payer call when nothing went wrong", () => {
  const originalRead = { invoiceNumber: 1001 }

  it("takes the original's new state from the credit's answer and reads nothing", async () => {
    const { records, client, service, issued } = fakes()
    client.creditFull.mockResolvedValueOnce({ invoice: issued })
    const result = await issueCreditRecord(service, "pinv_credit")
    expect(client.creditFull).toHaveBeenCalledTimes(1)
    expect(client.getInvoice).not.toHaveBeenCalled()
    expect(result).toMatchObject({ status: "issued", invoice_number: "2001" })
    expect(records.get("pinv_orig")).toMatchObject({
      credited_amount: 64899,
      outstanding_amount: 0,
      payer_status: "CREDITED",
    })
  })

  it("reads the original when the credit was found again after a lost answer (409)", async () => {
    const { client, service, issued } = fakes()
    client.creditFull.mockResolvedValueOnce({ invoice: issued, foundAgain: true })
    await issueCreditRecord(service, "pinv_credit")
    expect(client.getInvoice.mock.calls).toEqual([[originalRead]])
  })

  it("reads the original when an unknown credit is resolved by its lookup", async () => {
    const { records, client, service, issued } = fakes()
    records.set("pinv_credit", { ...records.get("pinv_credit"), status: "unknown", attempt: 1 })
    client.getInvoice.mockImplementationOnce(async () => issued as any)
    await issueCreditRecord(service, "pinv_credit")
    expect(client.getInvoice.mock.calls).toEqual([
      [{ externalInvoiceNumber: externalInvoiceNumberFor("pinv_credit") }],
      [originalRead],
    ])
  })

  it("reads the original when the answer does not say what the original absorbed", async () => {
    const { client, service, issued } = fakes()
    client.creditFull.mockResolvedValueOnce({ invoice: { ...issued, outstandingAmount: undefined } })
    await issueCreditRecord(service, "pinv_credit")
    expect(client.getInvoice.mock.calls).toEqual([[originalRead]])
  })

  it("reads the original when an earlier run issued the credit but stopped before updating it", async () => {
    const { records, client, service } = fakes()
    records.set("pinv_credit", { ...records.get("pinv_credit"), status: "issued", invoice_number: "2001" })
    await issueCreditRecord(service, "pinv_credit")
    expect(client.creditFull).not.toHaveBeenCalled()
    expect(client.getInvoice.mock.calls).toEqual([[originalRead]])
  })
})
