import { inspect } from "node:util"
import nock from "nock"
import { findOperation, PayexClient } from "../payex-client"
import { PayexProblemError } from "../payex-api-error"
import {
  BASE,
  makeClient,
  operations,
  PAYMENT_ID,
  paymentResponse,
  problem,
  PROBLEM_HEADERS,
  replayProblem,
  setupNock,
  TOKEN,
  transaction,
  watchUnmatched,
} from "./helpers"

setupNock()

const CREATE_BODY = {
  payment: {
    operation: "FinancingConsumer",
    prices: [{ type: "Invoice", amount: 24899, vatAmount: 0 }],
    payeeInfo: { payeeReference: "PS01JABCDEF" },
  },
  invoice: { invoiceType: "PayExFinancingSe" },
}

/** A socket error as Node reports it (nock needs an Error instance to fail the request at once). */
const netError = (code: string, message: string) => Object.assign(new Error(message), { code })

const asJson = (body: unknown) => (typeof body === "string" && body ? JSON.parse(body) : body)

/** Everything a careless error or log could leak the token through. */
function dumpsOf(error: unknown): string[] {
  const e = error as Error
  return [e.message, String(e.stack), JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })]
}

function expectNoToken(texts: string[]) {
  for (const text of texts) {
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(TOKEN.slice(6, 20))
  }
}

describe("PayexClient requests", () => {
  it("sends the bearer token, JSON and problem+json headers, and returns PayEx's answer", async () => {
    const { client } = makeClient()
    const seen: Array<Record<string, unknown>> = []
    nock(BASE)
      .post("/psp/invoice/payments", CREATE_BODY)
      .matchHeader("authorization", `Bearer ${TOKEN}`)
      .reply(function () {
        seen.push(this.req.headers)
        return [201, paymentResponse()]
      })
    await expect(client.createPayment(CREATE_BODY)).resolves.toEqual(paymentResponse())
    expect(seen[0]["content-type"]).toMatch(/^application\/json/)
    expect(seen[0]["accept"]).toBe("application/problem+json, application/json")
  })

  it("tolerates a trailing slash on the base URL", async () => {
    const { client } = makeClient({ baseUrl: `${BASE}//` })
    nock(BASE).get(PAYMENT_ID).reply(200, paymentResponse())
    await expect(client.getPayment(PAYMENT_ID)).resolves.toMatchObject({ payment: { id: PAYMENT_ID } })
  })

  it("reads the transactions and payee info through the links the payment names", async () => {
    const { client } = makeClient()
    const payment = paymentResponse({
      transactions: { id: `${PAYMENT_ID}/txlist` },
      payeeInfo: { id: `${PAYMENT_ID}/payeeinfo-link` },
    }).payment
    const tx = transaction()
    nock(BASE)
      .get(`${PAYMENT_ID}/txlist`)
      .reply(200, { payment: PAYMENT_ID, transactions: { id: `${PAYMENT_ID}/txlist`, transactionList: [tx] } })
    nock(BASE)
      .get(`${PAYMENT_ID}/payeeinfo-link`)
      .reply(200, {
        payment: PAYMENT_ID,
        payeeInfo: { id: "x", payeeId: "p", payeeReference: "PS1", orderReference: "payses_1" },
      })
    await expect(client.listTransactions(payment)).resolves.toEqual([tx])
    await expect(client.getPayeeInfo(payment)).resolves.toMatchObject({ payeeInfo: { orderReference: "payses_1" } })
  })

  it("falls back to the standard sub-resource paths and an empty list", async () => {
    const { client } = makeClient()
    const payment = { ...paymentResponse().payment, transactions: undefined, payeeInfo: undefined }
    nock(BASE).get(`${PAYMENT_ID}/transactions`).reply(200, { payment: PAYMENT_ID })
    nock(BASE)
      .get(`${PAYMENT_ID}/payeeinfo`)
      .reply(200, { payment: PAYMENT_ID, payeeInfo: { payeeReference: "PS1" } })
    await expect(client.listTransactions(payment)).resolves.toEqual([])
    await expect(client.getPayeeInfo(payment)).resolves.toMatchObject({ payeeInfo: { payeeReference: "PS1" } })
  })

  it("reads a transaction and its item descriptions by the transaction id", async () => {
    const { client } = makeClient()
    const tx = transaction({ type: "Capture" })
    nock(BASE).get(tx.id).reply(200, { payment: PAYMENT_ID, transaction: tx })
    nock(BASE)
      .get(`${tx.id}/itemdescriptions`)
      .reply(200, {
        payment: PAYMENT_ID,
        transaction: tx.id,
        itemDescriptions: { id: "x", itemDescriptionList: [], vatSummary: [] },
      })
    await expect(client.getTransaction(tx.id)).resolves.toEqual({ payment: PAYMENT_ID, transaction: tx })
    await expect(client.getItemDescriptions(tx.id)).resolves.toMatchObject({ transaction: tx.id })
  })
})

describe("PayexClient.perform", () => {
  it("uses the href and method of the operation PayEx offered, with the body", async () => {
    const { client } = makeClient()
    // An href PayEx made up, on a path this client would never build by hand.
    const ops = [
      {
        rel: "create-capture",
        method: "PUT",
        href: `${BASE}/psp/invoice/payments/${"a".repeat(8)}/odd-capture-link?x=1`,
      },
      { rel: "create-reversal", method: "POST", href: `${BASE}/elsewhere` },
    ]
    nock(BASE)
      .put(`/psp/invoice/payments/${"a".repeat(8)}/odd-capture-link`, { transaction: { amount: 100 } })
      .query({ x: "1" })
      .matchHeader("authorization", `Bearer ${TOKEN}`)
      .reply(200, { payment: PAYMENT_ID, capture: { transaction: { number: 1 } } })
    await expect(client.perform(ops, "create-capture", { transaction: { amount: 100 } })).resolves.toEqual({
      payment: PAYMENT_ID,
      capture: { transaction: { number: 1 } },
    })
  })

  it("refuses an href on another origin before any request, so the token stays home", async () => {
    const { client } = makeClient()
    const elsewhere = nock("https://ecom.payex.test")
      .patch("/abort-here")
      .reply(200, { payment: { state: "Aborted" } })
    const unmatched = watchUnmatched()
    try {
      for (const href of [
        "https://ecom.payex.test/abort-here",
        "http://payex.test/psp/invoice/payments/x", // same host, other scheme
        "https://payex.test:8443/psp/invoice/payments/x", // same host, other port
        "//ecom.payex.test/abort-here", // scheme-relative
        "https://merchant:secret@payex.test/psp/x", // credentials in the URL
        "javascript:alert(1)",
      ]) {
        const error = await client
          .perform([{ rel: "update-payment-abort", method: "PATCH", href }], "update-payment-abort", {})
          .catch((e) => e)
        expect(error).toBeInstanceOf(PayexProblemError)
        expect(error.message).toBe(
          "PayEx update-payment-abort failed: The request URL is not on the configured PayEx origin https://payex.test; nothing was sent",
        )
        expect(error.retryable).toBe(false)
      }
    } finally {
      unmatched.stop()
    }
    expect(unmatched.seen).toEqual([])
    expect(elsewhere.isDone()).toBe(false)
    nock.cleanAll()
  })

  it("refuses a resource id that is an absolute URL of another host (a planted payment id)", async () => {
    const { client } = makeClient()
    const listener = nock("http://127.0.0.2:9999").get(/.*/).reply(200, {})
    const error = await client.getPayment(`http://127.0.0.2:9999${PAYMENT_ID}`).catch((e) => e)
    expect(error).toBeInstanceOf(PayexProblemError)
    expect(error.problem.title).toBe("Refused URL")
    expect(listener.isDone()).toBe(false)
    nock.cleanAll()
  })

  it("follows an absolute href on its own origin", async () => {
    const { client } = makeClient()
    nock(BASE)
      .patch(`${PAYMENT_ID}`, { payment: { operation: "Abort" } })
      .reply(200, { payment: { state: "Aborted" } })
    await expect(
      client.perform(
        [{ rel: "update-payment-abort", method: "PATCH", href: `${BASE}${PAYMENT_ID}` }],
        "update-payment-abort",
        { payment: { operation: "Abort" } },
      ),
    ).resolves.toEqual({ payment: { state: "Aborted" } })
  })

  it("does not follow a redirect, not even to its own origin", async () => {
    const { client } = makeClient({ maxRetries: 0 })
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(302, "<html>moved</html>", { location: "https://evil.example/steal", "content-type": "text/html" })
    const target = nock("https://evil.example").get("/steal").reply(200, paymentResponse())
    const error = await client.getPayment(PAYMENT_ID).catch((e) => e)
    expect(error).toBeInstanceOf(PayexProblemError)
    expect(error.status).toBe(302)
    expect(error.message).toBe(
      "PayEx get-payment failed (302): PayEx answered with a redirect (HTTP 302), which is not followed",
    )
    expect(target.isDone()).toBe(false)
    nock.cleanAll()
  })

  it("refuses an operation the payment does not offer, without any HTTP call", async () => {
    const { client, debug } = makeClient()
    const unmatched = watchUnmatched()
    try {
      for (const ops of [undefined, [], operations(["create-authorization", "update-payment-abort"])]) {
        const error = await client.perform(ops, "create-capture", { transaction: {} }).catch((e) => e)
        expect(error).toBeInstanceOf(PayexProblemError)
        expect(error.message).toBe(
          'PayEx create-capture failed: The payment does not offer "create-capture" in its current state',
        )
        expect(error).toMatchObject({ operation: "create-capture", code: "http", status: undefined, retryable: false })
      }
    } finally {
      unmatched.stop()
    }
    expect(unmatched.seen).toEqual([])
    expect(debug).toEqual([])
  })

  it("findOperation finds the first operation with the rel", () => {
    const ops = operations(["create-capture", "create-cancellation"])
    expect(findOperation(ops, "create-cancellation")).toBe(ops[1])
    expect(findOperation(ops, "create-reversal")).toBeUndefined()
    expect(findOperation(undefined, "create-capture")).toBeUndefined()
  })
})

describe("PayexClient retries", () => {
  it("retries a 503 with the identical body and then succeeds", async () => {
    const { client, sleeps, warn } = makeClient()
    const bodies: unknown[] = []
    nock(BASE)
      .post("/psp/invoice/payments")
      .reply(503, (_uri, body) => {
        bodies.push(asJson(body))
        return problem("systemerror", "Service unavailable", [], 503)
      })
    nock(BASE)
      .post("/psp/invoice/payments")
      .reply(200, (_uri, body) => {
        bodies.push(asJson(body))
        return paymentResponse()
      })
    await expect(client.createPayment(CREATE_BODY)).resolves.toEqual(paymentResponse())
    expect(bodies).toEqual([CREATE_BODY, CREATE_BODY])
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThanOrEqual(125)
    expect(sleeps[0]).toBeLessThanOrEqual(250)
    expect(warn).toHaveLength(1)
    // status only: the problem text stays out of the log, it may echo request data
    expect(warn[0]).toMatch(/^PayEx create-payment: http 503; retry 1 in \d+ ms$/)
    expect(warn[0]).not.toMatch(/Service unavailable/)
  })

  it.each([502, 504])("retries a %i", async (status) => {
    const { client, sleeps } = makeClient()
    nock(BASE).get(PAYMENT_ID).reply(status, "<html>gateway</html>")
    nock(BASE).get(PAYMENT_ID).reply(200, paymentResponse())
    await expect(client.getPayment(PAYMENT_ID)).resolves.toMatchObject({ payment: { id: PAYMENT_ID } })
    expect(sleeps).toHaveLength(1)
  })

  it("retries a reset connection (ECONNRESET) with the identical body", async () => {
    const { client, sleeps } = makeClient()
    const capture = { transaction: { activity: "FinancingConsumer", amount: 100, payeeReference: "CP01" } }
    const bodies: unknown[] = []
    nock(BASE).post(`${PAYMENT_ID}/captures`).replyWithError(netError("ECONNRESET", "socket hang up"))
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`)
      .reply(200, (_uri, body) => {
        bodies.push(asJson(body))
        return { payment: PAYMENT_ID, capture: { transaction: { number: 5 } } }
      })
    await expect(client.perform(operations(["create-capture"]), "create-capture", capture)).resolves.toMatchObject({
      capture: { transaction: { number: 5 } },
    })
    expect(bodies).toEqual([capture])
    expect(sleeps).toHaveLength(1)
  })

  it.each([400, 401, 403, 404, 409, 500])("never retries a %i", async (status) => {
    const { client, sleeps, warn } = makeClient({ maxRetries: 5 })
    nock(BASE)
      .post("/psp/invoice/payments")
      .reply(status, problem("inputerror", "bad", [], status), PROBLEM_HEADERS)
    const error = await client.createPayment(CREATE_BODY).catch((e) => e)
    expect(error).toBeInstanceOf(PayexProblemError)
    expect(error).toMatchObject({ status, code: "http", retryable: false })
    expect(sleeps).toEqual([])
    expect(warn).toEqual([])
  })

  it("does not send a 400 twice even when a second answer is waiting", async () => {
    const { client } = makeClient()
    nock(BASE).post("/psp/invoice/payments").reply(400, problem("inputerror", "bad"), PROBLEM_HEADERS)
    const second = nock(BASE).post("/psp/invoice/payments").reply(200, paymentResponse())
    await expect(client.createPayment(CREATE_BODY)).rejects.toThrow("PayEx create-payment failed (400): bad")
    expect(second.isDone()).toBe(false)
    nock.cleanAll()
  })

  it("gives up after maxRetries with exponentially growing, jittered waits", async () => {
    const { client, sleeps, debug } = makeClient({ maxRetries: 3 })
    nock(BASE)
      .get(PAYMENT_ID)
      .times(4)
      .reply(502, problem("externalerror", "Bad gateway", [], 502), PROBLEM_HEADERS)
    const error = await client.getPayment(PAYMENT_ID).catch((e) => e)
    expect(error).toMatchObject({ status: 502, code: "http", retryable: true, errorType: "externalerror" })
    expect(debug).toHaveLength(4)
    expect(sleeps).toHaveLength(3)
    ;[250, 500, 1000].forEach((base, i) => {
      expect(sleeps[i]).toBeGreaterThanOrEqual(base / 2)
      expect(sleeps[i]).toBeLessThanOrEqual(base)
    })
  })

  it("makes exactly one attempt with maxRetries 0, and three by default", async () => {
    const none = makeClient({ maxRetries: 0 })
    nock(BASE).get(PAYMENT_ID).reply(503)
    await expect(none.client.getPayment(PAYMENT_ID)).rejects.toMatchObject({ status: 503 })
    expect(none.sleeps).toEqual([])

    const byDefault = makeClient()
    nock(BASE).get(PAYMENT_ID).times(3).reply(503)
    await expect(byDefault.client.getPayment(PAYMENT_ID)).rejects.toMatchObject({ status: 503 })
    expect(byDefault.sleeps).toHaveLength(2)
  })

  it("reports a persistent network error as code 'network' with the system error code", async () => {
    const { client } = makeClient({ maxRetries: 1 })
    nock(BASE).get(PAYMENT_ID).times(2).replyWithError(netError("ECONNREFUSED", "connect ECONNREFUSED 10.0.0.1:443"))
    const error = await client.getPayment(PAYMENT_ID).catch((e) => e)
    expect(error).toBeInstanceOf(PayexProblemError)
    expect(error).toMatchObject({ code: "network", status: undefined, retryable: true, operation: "get-payment" })
    expect(error.message).toBe("PayEx get-payment failed: ECONNREFUSED")
  })

  it("reports a network error without a system code as 'connection failed'", async () => {
    const { client } = makeClient({ maxRetries: 0 })
    nock(BASE).get(PAYMENT_ID).replyWithError("socket hang up")
    const error = await client.getPayment(PAYMENT_ID).catch((e) => e)
    expect(error).toMatchObject({ code: "network", message: "PayEx get-payment failed: connection failed" })
  })

  it("times out a slow answer as code 'timeout' and retries it", async () => {
    const { client, sleeps } = makeClient({ timeoutMs: 300, maxRetries: 1 })
    nock(BASE).get(PAYMENT_ID).times(2).delay(3000).reply(200, paymentResponse())
    const error = await client.getPayment(PAYMENT_ID).catch((e) => e)
    expect(error).toBeInstanceOf(PayexProblemError)
    expect(error).toMatchObject({ code: "timeout", status: undefined, retryable: true })
    expect(error.message).toMatch(/^PayEx get-payment failed: E[A-Z]+$/)
    expect(sleeps).toHaveLength(1)
  })

  it("recovers when only the first attempt times out", async () => {
    const { client } = makeClient({ timeoutMs: 300 })
    nock(BASE)
      .get(PAYMENT_ID)
      .delay(3000)
      .reply(200, paymentResponse({ state: "Slow" }))
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Pending" }))
    await expect(client.getPayment(PAYMENT_ID)).resolves.toMatchObject({ payment: { state: "Pending" } })
  })
})

describe("PayexClient problems", () => {
  it("keeps PayEx's problem details: type, title, detail, problems, errorType and status", async () => {
    const { client } = makeClient()
    const body = problem("inputerror", "The request contained invalid data", [
      { name: "transaction.vatSummary", description: "Sum of vatSummary.amount must equal amount" },
      { name: "transaction.amount", description: "Must be positive" },
    ])
    nock(BASE).post(`${PAYMENT_ID}/captures`).reply(400, body, PROBLEM_HEADERS)
    const error = await client.perform(operations(["create-capture"]), "create-capture", {}).catch((e) => e)
    expect(error).toBeInstanceOf(PayexProblemError)
    expect(error.problem).toEqual(body)
    expect(error).toMatchObject({
      name: "PayexProblemError",
      operation: "create-capture",
      code: "http",
      status: 400,
      errorType: "inputerror",
    })
    expect(error.message).toBe(
      "PayEx create-capture failed (400): The request contained invalid data [transaction.vatSummary: Sum of vatSummary.amount must equal amount; transaction.amount: Must be positive]",
    )
  })

  it("recognises a reused payeeReference answered by PayEx", async () => {
    const { client } = makeClient()
    nock(BASE).post(`${PAYMENT_ID}/captures`).reply(400, replayProblem("CP01ABC"), PROBLEM_HEADERS)
    const error = await client.perform(operations(["create-capture"]), "create-capture", {}).catch((e) => e)
    expect(error.isPayeeReferenceReplay).toBe(true)
  })

  it("never keeps the body of an answer that is not a problem document (an HTML 502 page)", async () => {
    const { client } = makeClient({ maxRetries: 0 })
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(502, "<html>Bad Gateway at proxy-7 for 600307-1161</html>", { "content-type": "text/html" })
    const error = await client.getPayment(PAYMENT_ID).catch((e) => e)
    expect(error.problem).toEqual({ title: "PayEx answered HTTP 502 without problem details" })
    expect(error.message).toBe("PayEx get-payment failed (502): PayEx answered HTTP 502 without problem details")
    expect(JSON.stringify(error)).not.toMatch(/html|proxy-7|600307/)
    expect(error.errorType).toBeUndefined()
  })

  it("keeps only the problem fields of a JSON answer, read tolerantly", async () => {
    const { client } = makeClient({ maxRetries: 0 })
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(400, {
        type: `${PROBLEM_BASE_UNAUTHORIZED}x`,
        title: 7,
        detail: "Bad",
        debug: "stack trace",
        problems: [{ name: "a", description: "b" }, null, "x"],
      })
    const error = await client.getPayment(PAYMENT_ID).catch((e) => e)
    expect(error.problem).toEqual({
      type: `${PROBLEM_BASE_UNAUTHORIZED}x`,
      detail: "Bad",
      problems: [{ name: "a", description: "b" }],
    })
  })

  it("says there were no problem details for an empty error answer", async () => {
    const { client } = makeClient()
    nock(BASE).get(PAYMENT_ID).reply(404)
    await expect(client.getPayment(PAYMENT_ID)).rejects.toThrow(
      "PayEx get-payment failed (404): PayEx answered HTTP 404 without problem details",
    )
  })
})

describe("PayexClient secrecy", () => {
  it("never puts the token into an error or a log line", async () => {
    const { client, debug, warn } = makeClient({ maxRetries: 1, timeoutMs: 300 })
    const errors: unknown[] = []
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(401, { type: PROBLEM_BASE_UNAUTHORIZED, title: "Unauthorized", detail: "The token is not valid" })
    errors.push(await client.getPayment(PAYMENT_ID).catch((e) => e))
    nock(BASE).get(PAYMENT_ID).times(2).replyWithError(netError("ECONNRESET", "socket hang up"))
    errors.push(await client.getPayment(PAYMENT_ID).catch((e) => e))
    nock(BASE).get(PAYMENT_ID).times(2).delay(3000).reply(200, {})
    errors.push(await client.getPayment(PAYMENT_ID).catch((e) => e))
    nock(BASE)
      .post("/psp/invoice/payments")
      .times(2)
      .reply(503, problem("systemerror", "Try later", [], 503), PROBLEM_HEADERS)
    errors.push(await client.createPayment(CREATE_BODY).catch((e) => e))

    expect(errors.map((e) => (e as PayexProblemError).code)).toEqual(["http", "network", "timeout", "http"])
    for (const e of errors) {
      expect(e).toBeInstanceOf(PayexProblemError)
      // no axios error (which holds the request config and its headers) hides inside
      expect((e as any).cause).toBeUndefined()
      expect((e as any).config).toBeUndefined()
      expectNoToken(dumpsOf(e))
    }
    expect(debug.length).toBeGreaterThan(0)
    expect(warn).toHaveLength(3)
    expectNoToken([...debug, ...warn])
  })

  it("logs only method, operation, status and duration at debug level", async () => {
    const { client, debug } = makeClient()
    nock(BASE).post("/psp/invoice/payments").reply(200, paymentResponse())
    await client.createPayment({
      ...CREATE_BODY,
      consumer: { socialSecurityNumber: "600307-1161", msisdn: "+46739000001" },
    })
    expect(debug).toHaveLength(1)
    expect(debug[0]).toMatch(/^PayEx POST create-payment -> 200 in \d+ ms$/)
  })

  it("works without a logger", async () => {
    const client = new PayexClient({ token: TOKEN, baseUrl: BASE, maxRetries: 1, sleep: async () => undefined })
    nock(BASE).get(PAYMENT_ID).reply(503)
    nock(BASE).get(PAYMENT_ID).reply(200, paymentResponse())
    await expect(client.getPayment(PAYMENT_ID)).resolves.toMatchObject({ payment: { id: PAYMENT_ID } })
  })
})

const PROBLEM_BASE_UNAUTHORIZED = "https://api.payex.com/psp/errordetail/unauthorized"
