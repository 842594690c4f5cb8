import nock from "nock"
import { PayerClient } from "../payer-client"
import { forgetSharedTokenCaches } from "../token-cache"
import type { PayerClientOptions } from "../transport"

export const BASE = "https://payer.test"
export const CLIENT_ID = "shop-client-id"
export const CLIENT_SECRET = "s3cr3t-client-secret-0123456789"
export const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`

/** A client with recorded (not real) sleeps, so retries run instantly. */
export function makeClient(overrides: Partial<PayerClientOptions> = {}) {
  const sleeps: number[] = []
  const debug: string[] = []
  const client = new PayerClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: BASE,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    logger: { debug: (message) => debug.push(message) },
    ...overrides,
  })
  return { client, sleeps, debug }
}

/** Expects exactly `times` token requests with the right credentials and form body. */
export function mockToken(accessToken = "access-token-1", expiresIn = 3599, times = 1) {
  return nock(BASE)
    .post("/oauth2/token", "grant_type=client_credentials")
    .matchHeader("authorization", BASIC)
    .matchHeader("content-type", /application\/x-www-form-urlencoded/)
    .times(times)
    .reply(200, { access_token: accessToken, expires_in: expiresIn, scope: "", token_type: "bearer" })
}

export function invoice(overrides: Record<string, unknown> = {}) {
  return {
    invoiceNumber: 1001,
    referenceNumber: "10018",
    referenceId: "order_01",
    externalInvoiceNumber: null,
    orderId: 77,
    orderReferenceId: "order_01",
    type: "NORMAL",
    status: "UNPAID",
    currencyCode: "SEK",
    invoiceDate: "2025-01-01",
    dueDate: "2025-01-31",
    deliveryType: "EMAIL",
    totalAmount: 12500,
    totalVatAmount: 2500,
    creditedAmount: 0,
    outstandingAmount: 12500,
    creditedInvoiceNumber: null,
    standalone: false,
    publicInvoiceUrl: "https://payer.test/i/1001",
    items: [],
    ...overrides,
  }
}

export function setupNock() {
  beforeAll(() => nock.disableNetConnect())
  // Clients with the same credentials share the process's token (token-cache.ts): each case starts without one.
  beforeEach(() => forgetSharedTokenCaches())
  afterEach(() => {
    const pending = nock.pendingMocks()
    nock.cleanAll()
    // Every mocked call a test set up must have been made.
    expect(pending).toEqual([])
  })
  afterAll(() => {
    nock.enableNetConnect()
    // Jest shares core modules (http) between the test files of one worker:
    // without restore, the next file's nock stacks on this one and network
    // errors get emitted twice (an "Unhandled error" in whichever test runs then).
    nock.restore()
  })
}
