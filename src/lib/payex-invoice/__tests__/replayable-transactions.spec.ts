import { MedusaError } from "@medusajs/framework/utils"
import nock from "nock"
import {
  BASE,
  makeClient,
  PAYMENT_ID,
  paymentResponse,
  problem,
  PROBLEM_HEADERS,
  replayProblem,
  setupNock,
  transaction,
  watchUnmatched,
} from "../../payex/__tests__/helpers"
import {
  completedCaptureTotal,
  completedOfType,
  reverseFulfillmentCapture,
  withReplayRecovery,
} from "../replayable-transactions"

setupNock()

const CAPTURE_BODY = {
  transaction: {
    activity: "FinancingConsumer",
    amount: 10000,
    vatAmount: 2000,
    payeeReference: "CP01JQ3ZK8V6X9T2M4N5P7R8S9TB",
    description: "Capture",
  },
}
const payment = () =>
  paymentResponse({ state: "Pending" }, ["create-capture", "create-cancellation", "create-reversal"])
const txList = (list: unknown[]) => ({
  payment: PAYMENT_ID,
  transactions: { id: `${PAYMENT_ID}/transactions`, transactionList: list },
})

describe("completedOfType / completedCaptureTotal", () => {
  it("keeps the completed transactions of one type, in order, and adds up completed captures only", () => {
    const a = transaction({ type: "Authorization" })
    const c1 = transaction({ type: "Capture", amount: 1000 })
    const r = transaction({ type: "Reversal", amount: 300 })
    const c2 = transaction({ type: "Capture", state: "Failed", amount: 5000 })
    const c3 = transaction({ type: "Capture", amount: 250 })
    expect(completedOfType([a, c1, r, c2, c3], "Capture")).toEqual([c1, c3])
    expect(completedOfType([a], "Cancellation")).toEqual([])
    expect(completedCaptureTotal([a, c1, r, c2, c3])).toBe(1250)
    expect(completedCaptureTotal([])).toBe(0)
  })
})

describe("withReplayRecovery", () => {
  it("performs the operation and returns PayEx's transaction", async () => {
    const { client } = makeClient()
    const tx = transaction({ type: "Capture", amount: 10000, payeeReference: CAPTURE_BODY.transaction.payeeReference })
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`, CAPTURE_BODY)
      .reply(200, { payment: PAYMENT_ID, capture: { itemDescriptions: { id: "x" }, transaction: tx } })
    await expect(withReplayRecovery(client, payment(), "create-capture", CAPTURE_BODY, "Capture")).resolves.toEqual(tx)
  })

  it("returns the transaction an earlier attempt made when PayEx says the reference is used", async () => {
    const { client } = makeClient()
    const earlier = transaction({
      type: "Capture",
      amount: 10000,
      payeeReference: CAPTURE_BODY.transaction.payeeReference,
    })
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`)
      .reply(400, replayProblem(CAPTURE_BODY.transaction.payeeReference), PROBLEM_HEADERS)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(
        200,
        txList([
          transaction(),
          transaction({ type: "Reversal", payeeReference: CAPTURE_BODY.transaction.payeeReference }),
          earlier,
        ]),
      )
    await expect(withReplayRecovery(client, payment(), "create-capture", CAPTURE_BODY, "Capture")).resolves.toEqual(
      earlier,
    )
  })

  it("fails when the used reference belongs to no transaction of that type", async () => {
    const { client } = makeClient()
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`)
      .reply(400, replayProblem(CAPTURE_BODY.transaction.payeeReference), PROBLEM_HEADERS)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([transaction({ type: "Capture", payeeReference: "CPsomethingElse" })]))
    const error = await withReplayRecovery(client, payment(), "create-capture", CAPTURE_BODY, "Capture").catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toContain("is already in use")
  })

  it("does not look for an earlier transaction after any other error", async () => {
    const { client } = makeClient()
    nock(BASE)
      .post(`${PAYMENT_ID}/captures`)
      .reply(403, problem("forbidden", "Amount exceeds remaining capture amount", [], 403), PROBLEM_HEADERS)
    const error = await withReplayRecovery(client, payment(), "create-capture", CAPTURE_BODY, "Capture").catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(error.message).toBe(
      "PayEx refused the request. PayEx create-capture failed (403): Amount exceeds remaining capture amount (https://api.payex.com/psp/errordetail/invoice/forbidden)",
    )
  })

  it("fails on a transaction PayEx marks Failed, with its reason", async () => {
    const { client } = makeClient()
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`)
      .reply(200, {
        payment: PAYMENT_ID,
        reversal: { transaction: transaction({ type: "Reversal", state: "Failed", failedReason: "Nothing captured" }) },
      })
    const body = { transaction: { ...CAPTURE_BODY.transaction, payeeReference: "RF1" } }
    await expect(withReplayRecovery(client, payment(), "create-reversal", body, "Reversal")).rejects.toThrow(
      "PayEx create-reversal failed: Nothing captured",
    )
  })

  it("fails on an answer without a transaction", async () => {
    const { client } = makeClient()
    nock(BASE).post(`${PAYMENT_ID}/cancellations`).reply(200, { payment: PAYMENT_ID, cancellation: {} })
    const body = { transaction: { payeeReference: "CN1" } }
    const error = await withReplayRecovery(client, payment(), "create-cancellation", body, "Cancellation").catch(
      (e) => e,
    )
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toContain("PayEx answered without a transaction")
  })

  it("refuses an operation the payment does not offer without calling PayEx", async () => {
    const { client } = makeClient()
    const unmatched = watchUnmatched()
    const error = await withReplayRecovery(
      client,
      paymentResponse({}, ["create-authorization"]),
      "create-capture",
      CAPTURE_BODY,
      "Capture",
    ).catch((e) => e)
    unmatched.stop()
    expect(unmatched.seen).toEqual([])
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toContain('The payment does not offer "create-capture" in its current state')
  })
})

describe("withReplayRecovery trusts only a Completed earlier transaction", () => {
  const REF = CAPTURE_BODY.transaction.payeeReference

  it.each([
    [
      "Initialized",
      undefined,
      "PayEx already has a Capture with payeeReference CP01JQ3ZK8V6X9T2M4N5P7R8S9TB, but it is Initialized; it was not repeated. Check the payment in PayEx before trying again.",
    ],
    [
      "AwaitingActivity",
      undefined,
      "PayEx already has a Capture with payeeReference CP01JQ3ZK8V6X9T2M4N5P7R8S9TB, but it is AwaitingActivity; it was not repeated. Check the payment in PayEx before trying again.",
    ],
    [
      "Failed",
      "Amount too high",
      "PayEx already has a Capture with payeeReference CP01JQ3ZK8V6X9T2M4N5P7R8S9TB, but it is Failed: Amount too high; it was not repeated. Check the payment in PayEx before trying again.",
    ],
  ])(
    "fails clearly, naming the state, when the earlier transaction is %s, and sends nothing more",
    async (state, failedReason, message) => {
      const { client } = makeClient()
      nock(BASE).post(`${PAYMENT_ID}/captures`).once().reply(400, replayProblem(REF), PROBLEM_HEADERS)
      nock(BASE)
        .get(`${PAYMENT_ID}/transactions`)
        .reply(200, txList([transaction({ type: "Capture", state, failedReason, payeeReference: REF })]))
      const unmatched = watchUnmatched()
      const error = await withReplayRecovery(client, payment(), "create-capture", CAPTURE_BODY, "Capture").catch(
        (e) => e,
      )
      unmatched.stop()
      expect(error).toBeInstanceOf(MedusaError)
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message).toBe(message)
      expect(unmatched.seen).toEqual([])
    },
  )

  it("picks the Completed one when PayEx lists a failed attempt under the same reference too", async () => {
    const { client } = makeClient()
    const done = transaction({ type: "Capture", payeeReference: REF })
    nock(BASE).post(`${PAYMENT_ID}/captures`).reply(400, replayProblem(REF), PROBLEM_HEADERS)
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, txList([transaction({ type: "Capture", state: "Failed", payeeReference: REF }), done]))
    await expect(withReplayRecovery(client, payment(), "create-capture", CAPTURE_BODY, "Capture")).resolves.toEqual(
      done,
    )
  })
})

describe("reverseFulfillmentCapture", () => {
  const FULFILLMENT_ID = "ful_01JQ40000000000000000000FU"

  it("reverses exactly the capture's amount and VAT, referenced by the fulfillment", async () => {
    const { client } = makeClient()
    const capture = transaction({ type: "Capture", number: 7777, amount: 33233 })
    const other = transaction({ type: "Capture", number: 7778, amount: 31666 })
    nock(BASE)
      .get(`${capture.id}/itemdescriptions`)
      .reply(200, {
        itemDescriptions: {
          vatSummary: [
            { amount: 29900, vatPercent: 2500, vatAmount: 5980 },
            { amount: 3333, vatPercent: 1200, vatAmount: 357 },
          ],
        },
      })
    const reversal = transaction({ type: "Reversal", amount: 33233 })
    nock(BASE)
      .post(`${PAYMENT_ID}/reversals`, {
        transaction: {
          activity: "FinancingConsumer",
          amount: 33233,
          vatAmount: 6337,
          payeeReference: "FR01JQ40000000000000000000FU",
          description: "Canceled shipment",
        },
      })
      .reply(200, { payment: PAYMENT_ID, reversal: { transaction: reversal } })
    await expect(
      reverseFulfillmentCapture(client, payment(), [other, capture], {
        fulfillment_id: FULFILLMENT_ID,
        amount_minor: 33233,
        capture_number: 7777,
      }),
    ).resolves.toEqual(reversal)
  })

  it("refuses without any request when PayEx holds no such completed capture of that amount", async () => {
    const { client } = makeClient()
    const capture = transaction({ type: "Capture", number: 7777, amount: 33233 })
    const unmatched = watchUnmatched()
    const error = await reverseFulfillmentCapture(client, payment(), [capture], {
      fulfillment_id: FULFILLMENT_ID,
      amount_minor: 50000,
      capture_number: 7777,
    }).catch((e) => e)
    unmatched.stop()
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(unmatched.seen).toEqual([])
  })
})
