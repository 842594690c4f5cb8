import nock from "nock"
import { PayexClient, PayexClientOptions } from "../payex-client"
import type { PayexOperation, PayexPaymentResponse, PayexTransaction } from "../payex-api-types"

export const BASE = "https://payex.test"
export const TOKEN = "merchant-token-5ecret-0123456789abcdef"
export const PAYMENT_UUID = "5adc265f-f87f-4313-577e-08d3dca1a26c"
export const PAYMENT_ID = `/psp/invoice/payments/${PAYMENT_UUID}`
export const PROBLEM_BASE = "https://api.payex.com/psp/errordetail/invoice/"

/** A client with recorded (not real) sleeps and log lines, so retries run instantly and logs can be read. */
export function makeClient(overrides: Partial<PayexClientOptions> = {}) {
  const sleeps: number[] = []
  const debug: string[] = []
  const warn: string[] = []
  const client = new PayexClient({
    token: TOKEN,
    baseUrl: BASE,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    logger: { debug: (m) => debug.push(m), warn: (m) => warn.push(m) },
    ...overrides,
  })
  return { client, sleeps, debug, warn }
}

export const ALL_RELS = [
  "update-payment-abort",
  "create-authorization",
  "create-approved-legal-address",
  "create-capture",
  "create-cancellation",
  "create-reversal",
] as const

const PATH_OF_REL: Record<string, string> = {
  "update-payment-abort": "",
  "create-authorization": "/authorizations",
  "create-approved-legal-address": "/approvedlegaladdress",
  "create-capture": "/captures",
  "create-cancellation": "/cancellations",
  "create-reversal": "/reversals",
}

/** Operations as PayEx lists them: absolute hrefs, the method PayEx says. */
export function operations(rels: readonly string[], paymentId = PAYMENT_ID): PayexOperation[] {
  return rels.map((rel) => ({
    rel,
    href: `${BASE}${paymentId}${PATH_OF_REL[rel] ?? `/${rel}`}`,
    method: rel === "update-payment-abort" ? "PATCH" : "POST",
  }))
}

export function paymentResponse(
  overrides: Partial<PayexPaymentResponse["payment"]> = {},
  rels: readonly string[] = ["update-payment-abort", "create-authorization", "create-approved-legal-address"],
): PayexPaymentResponse {
  const id = overrides.id ?? PAYMENT_ID
  return {
    payment: {
      id,
      number: 1234567890,
      state: "Ready",
      currency: "SEK",
      amount: 24899,
      description: "Purchase from Acme",
      payeeInfo: { id: `${id}/payeeinfo` },
      transactions: { id: `${id}/transactions` },
      reversals: { id: `${id}/reversals` },
      ...overrides,
    },
    operations: operations(rels, id),
  }
}

let txCounter = 0

export function transaction(overrides: Partial<PayexTransaction> = {}, paymentId = PAYMENT_ID): PayexTransaction {
  txCounter++
  const uuid = `00000000-0000-4000-8000-${String(txCounter).padStart(12, "0")}`
  return {
    id: `${paymentId}/transactions/${uuid}`,
    type: "Authorization",
    state: "Completed",
    number: 70000 + txCounter,
    amount: 24899,
    vatAmount: 0,
    ...overrides,
  }
}

export function problem(
  kind: string,
  detail: string,
  problems: Array<{ name: string; description: string }> = [],
  status = 400,
) {
  return { type: PROBLEM_BASE + kind, title: kind, status, detail, instance: "/instance", problems }
}

export const PROBLEM_HEADERS = { "content-type": "application/problem+json; charset=utf-8" }

export function replayProblem(reference: string) {
  return problem("inputerror", "The request contained invalid data", [
    { name: "payeeReference", description: `payeeReference ${reference} is already in use` },
  ])
}

/**
 * nock hygiene for files that mock PayEx: no real network, every mocked call used, and nock
 * restored at the end (jest shares the http module between the files of one worker).
 */
export function setupNock() {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate()
    nock.disableNetConnect()
  })
  afterEach(() => {
    const pending = nock.pendingMocks()
    nock.cleanAll()
    // delayed replies keep timers that would hold the worker open
    nock.abortPendingRequests()
    expect(pending).toEqual([])
  })
  afterAll(() => {
    nock.enableNetConnect()
    nock.restore()
  })
}

/**
 * Records requests that no interceptor answered (with net connect disabled, every such request fails).
 * Used to prove that a call was refused before any HTTP request was made.
 */
export function watchUnmatched() {
  const seen: Array<{ method?: string; path?: string }> = []
  const listener = (req: { method?: string; path?: string }) => {
    seen.push({ method: req?.method, path: req?.path })
  }
  nock.emitter.on("no match", listener)
  return { seen, stop: () => nock.emitter.removeListener("no match", listener) }
}
