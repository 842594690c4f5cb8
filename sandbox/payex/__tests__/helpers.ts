/** Test helpers for the PayEx sandbox specs: a thin fetch client that follows operation hrefs like the plugin. */
import { PAYEX_SANDBOX_PAYEE_ID, PAYEX_SANDBOX_TOKEN } from ".."
import type { PayexSandbox } from ".."

export const PROBLEM = "https://api.payex.com/psp/errordetail/invoice/"

export interface Answer {
  status: number
  body: any
  contentType: string
}

let refCounter = 0
/** A fresh payeeReference (letters and digits only). */
export const ref = (prefix = "ref") => `${prefix}${Date.now().toString(36)}${++refCounter}`

export function client(sandbox: PayexSandbox, token = PAYEX_SANDBOX_TOKEN) {
  async function call(
    method: string,
    pathOrUrl: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : sandbox.url + pathOrUrl
    const res = await fetch(url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        accept: "application/problem+json, application/json",
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    })
    const text = await res.text()
    return {
      status: res.status,
      body: text ? JSON.parse(text) : undefined,
      contentType: res.headers.get("content-type") ?? "",
    }
  }

  /** Follows the operation with the wanted rel from a payment response (fails the test when it is missing). */
  async function follow(paymentAnswer: Answer | any, rel: string, body?: unknown): Promise<Answer> {
    const payload = "body" in paymentAnswer && "status" in paymentAnswer ? paymentAnswer.body : paymentAnswer
    const op = (payload.operations as Array<{ rel: string; href: string; method: string }>).find((o) => o.rel === rel)
    if (!op) throw new Error(`operation ${rel} is not available; have ${rels(payload).join(", ")}`)
    return call(op.method, op.href, body)
  }

  return { call, follow }
}

export function rels(payload: any): string[] {
  return (payload.operations ?? []).map((o: { rel: string }) => o.rel)
}

export function paymentBody(overrides: { payment?: Record<string, unknown>; invoice?: Record<string, unknown> } = {}) {
  return {
    payment: {
      operation: "FinancingConsumer",
      intent: "Authorization",
      currency: "SEK",
      prices: [{ type: "Invoice", amount: 20000, vatAmount: 3178 }],
      description: "Order 1001",
      payerReference: "cus01",
      userAgent: "Mozilla/5.0 (jest)",
      language: "sv-SE",
      urls: {},
      payeeInfo: { payeeId: PAYEX_SANDBOX_PAYEE_ID, payeeReference: ref("pay"), payeeName: "Sandbox shop" },
      ...overrides.payment,
    },
    invoice: { invoiceType: "PayExFinancingSe", ...overrides.invoice },
  }
}

export const SE_CONSUMER = {
  socialSecurityNumber: "600307-1161",
  name: "Lisa Testsson",
  email: "lisa@example.com",
  msisdn: "+46739000001",
  ip: "127.0.0.1",
}

export const SE_LEGAL_ADDRESS = {
  addressee: "Lisa Testsson",
  streetAddress: "Testvägen 1",
  zipCode: "19792",
  city: "Bro",
  countryCode: "SE",
}

export const authorizationBody = (
  consumer: Record<string, unknown> = {},
  legalAddress: Record<string, unknown> | null = {},
) => ({
  transaction: { activity: "FinancingConsumer" },
  consumer: { ...SE_CONSUMER, ...consumer },
  ...(legalAddress === null ? {} : { legalAddress: { ...SE_LEGAL_ADDRESS, ...legalAddress } }),
})

/** 20000 öre in three lines: 12500 @ 25% (2500 VAT), 5000 @ 12% (536 VAT), 2500 @ 6% (142 VAT) = 3178 VAT. */
export const LINES = {
  a: { amount: 12500, vatPercent: 2500, vatAmount: 2500, description: "Coffee grinder" },
  b: { amount: 5000, vatPercent: 1200, vatAmount: 536, description: "Coffee beans" },
  c: { amount: 2500, vatPercent: 600, vatAmount: 142, description: "Magazine" },
}

type Line = { amount: number; vatPercent: number; vatAmount: number; description: string }

export function captureBody(lines: Line[], extra: Record<string, unknown> = {}) {
  return {
    transaction: {
      activity: "FinancingConsumer",
      amount: lines.reduce((s, l) => s + l.amount, 0),
      vatAmount: lines.reduce((s, l) => s + l.vatAmount, 0),
      payeeReference: ref("cap"),
      description: "Shipment",
      itemDescriptions: lines.map((l) => ({ amount: l.amount, description: l.description })),
      vatSummary: lines.map((l) => ({ amount: l.amount, vatPercent: l.vatPercent, vatAmount: l.vatAmount })),
      ...extra,
    },
  }
}

/** Creates a SEK payment and authorizes it for the known test person 600307-1161; returns the latest payment answer. */
export async function authorizedPayment(
  sandbox: PayexSandbox,
  overrides: Parameters<typeof paymentBody>[0] = {},
): Promise<any> {
  const { call, follow } = client(sandbox)
  const created = await call("POST", "/psp/invoice/payments", paymentBody(overrides))
  if (created.status !== 200) throw new Error(`create failed: ${JSON.stringify(created.body)}`)
  const auth = await follow(created, "create-authorization", authorizationBody())
  if (auth.status !== 200) throw new Error(`authorization failed: ${JSON.stringify(auth.body)}`)
  return (await call("GET", created.body.payment.id)).body
}
