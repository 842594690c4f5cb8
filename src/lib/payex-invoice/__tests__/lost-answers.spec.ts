import nock from "nock"
import { upstreamOutageStatus } from "../../http/upstream-outage"
import {
  BASE,
  makeClient,
  PAYMENT_ID,
  paymentResponse,
  problem,
  PROBLEM_HEADERS,
  setupNock,
  transaction,
} from "../../payex/__tests__/helpers"
import { mayHideDoneWork, withReplayRecovery } from "../replayable-transactions"
import { PayexProblemError } from "../../payex"

setupNock()

// Issue 11: a capture, reversal or cancellation whose every answer was lost (the client's retries included) is
// found at PayEx by its payeeReference, so the merchant's action succeeds instead of failing work that was done.
const REF = "RF01JQ40000000000000000000RF"
const BODY = { transaction: { activity: "FinancingConsumer", amount: 5000, vatAmount: 1000, payeeReference: REF } }
const payment = () => paymentResponse({ state: "Pending" }, ["create-capture", "create-reversal"])
const txList = (list: unknown[]) => ({
  payment: PAYMENT_ID,
  transactions: { id: `${PAYMENT_ID}/transactions`, transactionList: list },
})
const lost = () => Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })
const reverse = () =>
  withReplayRecovery(makeClient({ maxRetries: 2 }).client, payment(), "create-reversal", BODY, "Reversal")

describe("withReplayRecovery after a lost answer", () => {
  it("answers the completed transaction under its reference when every attempt lost its connection", async () => {
    const done = transaction({ type: "Reversal", amount: 5000, payeeReference: REF, number: 777 })
    nock(BASE).post(`${PAYMENT_ID}/reversals`).times(3).replyWithError(lost())
    const read = nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([transaction({ type: "Reversal", payeeReference: "RFother" }), done]))
    await expect(reverse()).resolves.toEqual(done)
    expect(read.isDone()).toBe(true)
  })

  it("answers it too when the last attempt met a 503 after an earlier one may have been carried out", async () => {
    const done = transaction({ type: "Reversal", amount: 5000, payeeReference: REF })
    nock(BASE).post(`${PAYMENT_ID}/reversals`).replyWithError(lost())
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`)
      .times(2)
      .reply(503, problem("systemerror", "Down", [], 503))
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([done]))
    await expect(reverse()).resolves.toEqual(done)
  })

  it("keeps the outage as the answer (502, try again) when PayEx holds nothing under the reference", async () => {
    nock(BASE).post(`${PAYMENT_ID}/reversals`).times(3).replyWithError(lost())
    nock(BASE).get(`${PAYMENT_ID}/transactions`).reply(200, txList([]))
    const error = await reverse().catch((e) => e)
    expect(upstreamOutageStatus(error)).toBe(502)
    expect(error.message).toMatch(/may have reached PayEx.*Try again/)
  })

  it("keeps the outage as the answer when PayEx cannot be read either", async () => {
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`)
      .times(3)
      .reply(503, problem("systemerror", "Down", [], 503))
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .times(3)
      .reply(503, problem("systemerror", "Down", [], 503))
    const error = await reverse().catch((e) => e)
    expect(upstreamOutageStatus(error)).toBe(503)
    expect(error.message).toMatch(/PayEx create-reversal failed \(503\)/)
  })

  it("does not take over a transaction under the reference that is not completed", async () => {
    nock(BASE).post(`${PAYMENT_ID}/reversals`).times(3).replyWithError(lost())
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([transaction({ type: "Reversal", state: "Initialized", payeeReference: REF })]))
    await expect(reverse()).rejects.toThrow(/already has a Reversal with payeeReference .* but it is Initialized/)
  })

  it("reads nothing after PayEx's refusal: a 4xx is PayEx's answer", async () => {
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`)
      .reply(
        400,
        problem("inputerror", "Bad", [{ name: "transaction.amount", description: "too big" }]),
        PROBLEM_HEADERS,
      )
    await expect(reverse()).rejects.toThrow(/transaction.amount: too big/)
  })
})

describe("mayHideDoneWork", () => {
  it.each([
    ["a timeout", new PayexProblemError("x", "timeout"), true],
    ["a connection lost", new PayexProblemError("x", "network", {}, undefined, "ECONNRESET"), true],
    ["a refused connection", new PayexProblemError("x", "network", {}, undefined, "ECONNREFUSED"), true],
    ["a 503", new PayexProblemError("x", "http", {}, 503), true],
    ["a 500", new PayexProblemError("x", "http", {}, 500), true],
    ["a 409", new PayexProblemError("x", "http", {}, 409), false],
    ["an answer without a transaction", new PayexProblemError("x", "http", { detail: "no transaction" }), false],
    ["another error", new Error("x"), false],
  ])("%s may hide done work: %s", (_what, error, expected) => {
    expect(mayHideDoneWork(error)).toBe(expected)
  })
})
