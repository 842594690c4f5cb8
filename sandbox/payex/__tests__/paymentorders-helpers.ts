/** Test helpers for the payment-order (v3.1) specs: a fetch client sending the v3.1 headers, and request bodies. */
import { PAYEX_SANDBOX_PAYEE_ID, PAYEX_SANDBOX_TOKEN } from ".."
import type { PayexSandbox } from ".."
import { ref } from "./helpers"

export const PO_PROBLEM = "https://api.payex.com/psp/errordetail/"
export const V31 = "application/json;version=3.1"

export interface Answer {
  status: number
  body: any
  contentType: string
  headers: Headers
}

export function poClient(sandbox: PayexSandbox, token = PAYEX_SANDBOX_TOKEN) {
  async function call(
    method: string,
    pathOrUrl: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : sandbox.url + pathOrUrl
    const res = await fetch(url, {
      method,
      redirect: "manual",
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": V31 } : {}),
        accept: "application/problem+json; q=1.0, application/json;version=3.1; q=0.9",
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    })
    const text = await res.text()
    const contentType = res.headers.get("content-type") ?? ""
    return {
      status: res.status,
      body: text && /json/.test(contentType) ? JSON.parse(text) : text,
      contentType,
      headers: res.headers,
    }
  }

  async function follow(answer: Answer | any, rel: string, body?: unknown): Promise<Answer> {
    const payload = "body" in answer && "status" in answer ? answer.body : answer
    const op = (payload.operations as Array<{ rel: string; href: string; method: string }>).find((o) => o.rel === rel)
    if (!op) throw new Error(`operation ${rel} is not available; have ${poRels(payload).join(", ")}`)
    return call(op.method, op.href, body)
  }

  return { call, follow }
}

export const poRels = (payload: any): string[] => (payload.operations ?? []).map((o: { rel: string }) => o.rel)

/** 20000 öre in three lines: 12500 @ 25% (2500 VAT), 5000 @ 12% (536 VAT), 2500 @ 6% (142 VAT) = 3178 VAT. */
export const ITEMS = {
  grinder: item("G1", "Coffee grinder", 12500, 2500, 2500),
  beans: item("B1", "Coffee beans", 5000, 1200, 536),
  magazine: item("M1", "Magazine", 2500, 600, 142),
}

export function item(reference: string, name: string, amount: number, vatPercent: number, vatAmount: number) {
  return {
    reference,
    name,
    type: "PRODUCT",
    class: "ProductGroup1",
    quantity: 1,
    quantityUnit: "pcs",
    unitPrice: amount,
    vatPercent,
    amount,
    vatAmount,
  }
}

export const ALL_ITEMS = [ITEMS.grinder, ITEMS.beans, ITEMS.magazine]

export function orderBody(overrides: Record<string, unknown> = {}, urls: Record<string, unknown> = {}) {
  return {
    paymentorder: {
      operation: "Purchase",
      currency: "SEK",
      amount: 20000,
      vatAmount: 3178,
      description: "Order 1001",
      userAgent: "Mozilla/5.0 (jest)",
      language: "sv-SE",
      instrument: "Invoice-PayExFinancingSe",
      urls: {
        hostUrls: ["https://shop.example"],
        completeUrl: "https://shop.example/sp/complete",
        cancelUrl: "https://shop.example/sp/cancel",
        termsOfServiceUrl: "https://shop.example/terms.pdf",
        ...urls,
      },
      payeeInfo: {
        payeeId: PAYEX_SANDBOX_PAYEE_ID,
        payeeReference: ref("po"),
        payeeName: "Sandbox shop",
        orderReference: "1001",
      },
      orderItems: ALL_ITEMS,
      ...overrides,
    },
  }
}

type Line = { amount: number; vatAmount: number }

export function txBody(lines: Line[], extra: Record<string, unknown> = {}, prefix = "cap") {
  return {
    transaction: {
      description: "Shipment 1",
      amount: lines.reduce((s, l) => s + l.amount, 0),
      vatAmount: lines.reduce((s, l) => s + l.vatAmount, 0),
      payeeReference: ref(prefix),
      orderItems: lines,
      ...extra,
    },
  }
}

/** Creates an order and approves it through the helper; returns the GET answer body. */
export async function paidOrder(sandbox: PayexSandbox, overrides: Record<string, unknown> = {}, urls = {}) {
  const api = poClient(sandbox)
  const created = await api.call("POST", "/psp/paymentorders", orderBody(overrides, urls))
  if (created.status !== 200) throw new Error(`create failed: ${JSON.stringify(created.body)}`)
  sandbox.approvePaymentOrder(created.body.paymentOrder.id)
  return (await api.call("GET", created.body.paymentOrder.id)).body
}
