/** Test helpers for the Payer sandbox specs: a tiny fetch-based client and valid request bodies. */
import { randomUUID } from "node:crypto"
import { PAYER_SANDBOX_CLIENT_ID, PAYER_SANDBOX_CLIENT_SECRET, startPayerSandbox, type PayerSandbox } from "../index"

export interface CallResult {
  status: number
  body: any
  text: string
  headers: Headers
}

export class PayerTestClient {
  token: string | null = null

  constructor(
    readonly baseUrl: string,
    readonly clientId = PAYER_SANDBOX_CLIENT_ID,
    readonly clientSecret = PAYER_SANDBOX_CLIENT_SECRET,
  ) {}

  async tokenCall(opts: { clientId?: string; clientSecret?: string; body?: string; contentType?: string } = {}) {
    const basic = Buffer.from(`${opts.clientId ?? this.clientId}:${opts.clientSecret ?? this.clientSecret}`).toString(
      "base64",
    )
    const res = await fetch(`${this.baseUrl}/oauth2/token`, {
      method: "POST",
      headers: {
        accept: "application/json",
        authorization: `Basic ${basic}`,
        "content-type": opts.contentType ?? "application/x-www-form-urlencoded",
      },
      body: opts.body ?? "grant_type=client_credentials",
    })
    return read(res)
  }

  async authenticate(): Promise<string> {
    const res = await this.tokenCall()
    if (res.status !== 200) throw new Error(`token call failed: ${res.status} ${res.text}`)
    this.token = res.body.access_token
    return this.token!
  }

  async call(
    method: string,
    path: string,
    opts: {
      body?: unknown
      rawBody?: string
      requestId?: string
      token?: string | null
      headers?: Record<string, string>
    } = {},
  ): Promise<CallResult> {
    if (this.token === null && opts.token === undefined) await this.authenticate()
    const token = opts.token === undefined ? this.token : opts.token
    const headers: Record<string, string> = { accept: "application/json", ...(opts.headers ?? {}) }
    if (token !== null) headers.authorization = `Bearer ${token}`
    if (opts.requestId !== undefined) headers["payer-request-id"] = opts.requestId
    let body: string | undefined
    if (opts.rawBody !== undefined) body = opts.rawBody
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body)
      headers["content-type"] ??= "application/json"
    }
    return read(await fetch(`${this.baseUrl}${path}`, { method, headers, body }))
  }

  get(path: string, opts: { token?: string | null } = {}) {
    return this.call("GET", path, opts)
  }
  post(path: string, body: unknown, requestId?: string) {
    return this.call("POST", path, { body, requestId })
  }
  put(path: string, body?: unknown, requestId?: string) {
    return this.call("PUT", path, { body, requestId })
  }
}

async function read(res: Response): Promise<CallResult> {
  const text = await res.text()
  let body: any = undefined
  if ((res.headers.get("content-type") ?? "").includes("json") && text.length > 0) body = JSON.parse(text)
  return { status: res.status, body, text, headers: res.headers }
}

export async function startSandbox(opts: Parameters<typeof startPayerSandbox>[0] = {}) {
  const sandbox = await startPayerSandbox(opts)
  return { sandbox, api: new PayerTestClient(sandbox.url) }
}

export const uuid = () => randomUUID()

/**
 * A valid order: 2 x 125.00 (25 %), shipping 49.00 (25 %), 3 x 106.00 (6 %).
 * Total 61700, VAT 5000 + 980 + 1800 = 7780.
 */
export function orderBody(referenceId: string, overrides: Record<string, unknown> = {}): any {
  return {
    currencyCode: "SEK",
    purchaseChannel: "ECOMMERCE",
    referenceId,
    description: `Order ${referenceId}`,
    invoiceCustomer: {
      customerType: "ORGANISATION",
      regNumber: "556036-0793",
      vatId: "SE556036079301",
      address: {
        companyName: "Sandbox AB",
        firstName: "Ada",
        lastName: "Lund",
        streetAddress1: "Storgatan 1",
        zipCode: "11122",
        city: "Stockholm",
        countryCode: "SE",
        emailAddress: "ap@sandbox.example",
        yourReference: "Ada",
      },
    },
    items: [
      {
        itemType: "FREEFORM",
        position: 1,
        articleNumber: "SKU-1",
        description: "Widget",
        quantity: 2,
        unit: "pcs",
        unitPrice: 12500,
        subtotalPrice: 25000,
        vatPercentage: 2500,
      },
      {
        itemType: "FREEFORM",
        position: 2,
        articleNumber: "SHIP",
        description: "Shipping",
        quantity: 1,
        unit: "pcs",
        unitPrice: 4900,
        subtotalPrice: 4900,
        vatPercentage: 2500,
      },
      {
        itemType: "FREEFORM",
        position: 3,
        articleNumber: "BOOK",
        description: "Book",
        quantity: 3,
        unit: "pcs",
        unitPrice: 10600,
        subtotalPrice: 31800,
        vatPercentage: 600,
      },
    ],
    ...overrides,
  }
}

export const ORDER_TOTAL = 61700
export const ORDER_VAT = 7780

/** create -> approve -> invoice; returns the Invoice object. */
export async function invoicedOrder(
  api: PayerTestClient,
  referenceId: string,
  overrides: Record<string, unknown> = {},
  invoiceBody: Record<string, unknown> = {},
): Promise<any> {
  const created = await api.post("/api/v2/orders", orderBody(referenceId, overrides))
  if (created.status !== 200) throw new Error(`create order: ${created.status} ${created.text}`)
  const approved = await api.put(`/api/v2/orders/${created.body.orderId}/approve`)
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${approved.text}`)
  const invoiced = await api.post(`/api/v2/orders/${created.body.orderId}/invoices`, {
    dueDays: 30,
    deliveryType: "EMAIL",
    type: "NORMAL",
    ...invoiceBody,
  })
  if (invoiced.status !== 200) throw new Error(`invoice: ${invoiced.status} ${invoiced.text}`)
  return invoiced.body.invoice ?? invoiced.body
}

export function expectSpringError(res: CallResult, status: number, messagePart: string | RegExp, path?: string): void {
  expect(res.status).toBe(status)
  expect(res.body).toEqual(
    expect.objectContaining({
      status,
      error: expect.any(String),
      message: expect.any(String),
      path: expect.any(String),
    }),
  )
  expect(typeof res.body.timestamp).toBe("string")
  if (path !== undefined) expect(res.body.path).toBe(path)
  if (typeof messagePart === "string") expect(res.body.message).toContain(messagePart)
  else expect(res.body.message).toMatch(messagePart)
}

export type { PayerSandbox }
