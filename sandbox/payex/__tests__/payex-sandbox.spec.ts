import http from "node:http"
import type { AddressInfo } from "node:net"
import { spawn } from "node:child_process"
import path from "node:path"
import { PAYEX_SANDBOX_PAYEE_ID, PAYEX_SANDBOX_TOKEN, startPayexSandbox } from ".."
import type { PayexSandbox } from ".."
import {
  LINES,
  PROBLEM,
  authorizationBody,
  authorizedPayment,
  captureBody,
  client,
  paymentBody,
  ref,
  rels,
} from "./helpers"

describe("PayEx sandbox", () => {
  let sandbox: PayexSandbox
  let api: ReturnType<typeof client>

  beforeAll(async () => {
    sandbox = await startPayexSandbox({ callbackDelayMs: 10 })
    api = client(sandbox)
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => sandbox.reset())

  it("runs the happy path: create -> approved legal address -> authorize -> 2 captures -> reversal -> cancel the rest", async () => {
    const created = await api.call("POST", "/psp/invoice/payments/", paymentBody())
    expect(created.status).toBe(200)
    const payment = created.body.payment
    expect(payment).toMatchObject({
      state: "Ready",
      amount: 20000,
      currency: "SEK",
      operation: "FinancingConsumer",
      intent: "Authorization",
    })
    expect(payment.id).toMatch(/^\/psp\/invoice\/payments\/[0-9a-f-]{36}$/)
    expect(typeof payment.number).toBe("number")
    expect(payment).not.toHaveProperty("remainingCaptureAmount")
    expect(rels(created.body)).toEqual([
      "update-payment-abort",
      "create-authorization",
      "create-approved-legal-address",
    ])
    expect(created.body.operations[1].href).toBe(`${sandbox.url}${payment.id}/authorizations`)
    expect(sandbox.payments.size).toBe(1)

    const approved = await api.follow(created, "create-approved-legal-address", {
      addressee: { socialSecurityNumber: "196003071161", zipCode: "19792" },
    })
    expect(approved.status).toBe(200)
    expect(approved.body).toEqual({
      payment: payment.id,
      approvedLegalAddress: expect.objectContaining({
        id: `${payment.id}/approvedlegaladdress`,
        zipCode: "19792",
        city: "Bro",
        countryCode: "SE",
      }),
    })
    const legal = await api.call("GET", `${payment.id}/legaladdress`)
    expect(legal.body.legalAddress).toMatchObject({ id: `${payment.id}/legaladdress`, city: "Bro", zipCode: "19792" })

    const { id: _id, ...address } = approved.body.approvedLegalAddress
    const auth = await api.follow(created, "create-authorization", authorizationBody({}, address))
    expect(auth.status).toBe(200)
    expect(auth.body.payment).toBe(payment.id)
    expect(auth.body.authorization.transaction).toMatchObject({
      type: "Authorization",
      state: "Completed",
      amount: 20000,
      vatAmount: 3178,
      failedReason: "",
      isOperational: false,
      operations: [],
    })

    let current = (await api.call("GET", payment.id)).body
    expect(current.payment).toMatchObject({ remainingCaptureAmount: 20000, remainingCancellationAmount: 20000 })
    expect(current.payment).not.toHaveProperty("remainingReversalAmount")
    expect(rels(current)).toEqual(["create-capture", "create-cancellation"])

    const cap1 = await api.follow(current, "create-capture", captureBody([LINES.a]))
    expect(cap1.status).toBe(200)
    expect(cap1.body.capture.transaction).toMatchObject({
      type: "Capture",
      state: "Completed",
      amount: 12500,
      vatAmount: 2500,
    })
    expect(cap1.body.capture.itemDescriptions.id).toBe(`${cap1.body.capture.transaction.id}/itemdescriptions`)
    current = (await api.call("GET", payment.id)).body
    expect(current.payment).toMatchObject({
      remainingCaptureAmount: 7500,
      remainingCancellationAmount: 7500,
      remainingReversalAmount: 12500,
    })
    expect(rels(current)).toEqual(["create-capture", "create-cancellation", "create-reversal"])

    const cap2 = await api.follow(current, "create-capture", captureBody([LINES.b]))
    expect(cap2.status).toBe(200)
    const rev = await api.follow(current, "create-reversal", {
      transaction: {
        activity: "FinancingConsumer",
        amount: 2000,
        vatAmount: 400,
        payeeReference: ref("rev"),
        description: "Return",
      },
    })
    expect(rev.status).toBe(200)
    expect(rev.body.reversal.transaction).toMatchObject({ type: "Reversal", amount: 2000, vatAmount: 400 })
    current = (await api.call("GET", payment.id)).body
    expect(current.payment).toMatchObject({
      remainingCaptureAmount: 2500,
      remainingCancellationAmount: 2500,
      remainingReversalAmount: 15500,
    })

    const cancel = await api.follow(current, "create-cancellation", {
      transaction: { activity: "FinancingConsumer", payeeReference: ref("can"), description: "Rest not delivered" },
    })
    expect(cancel.status).toBe(200)
    expect(cancel.body.cancellation.transaction).toMatchObject({
      type: "Cancellation",
      state: "Completed",
      amount: 2500,
      vatAmount: 397,
    })
    current = (await api.call("GET", payment.id)).body
    expect(current.payment).not.toHaveProperty("remainingCaptureAmount")
    expect(current.payment).not.toHaveProperty("remainingCancellationAmount")
    expect(current.payment.remainingReversalAmount).toBe(15500)
    expect(rels(current)).toEqual(["create-reversal"])

    const all = await api.call("GET", `${payment.id}/transactions`)
    expect(all.body.transactions.id).toBe(`${payment.id}/transactions`)
    expect(all.body.transactions.transactionList.map((t: any) => [t.type, t.amount])).toEqual([
      ["Authorization", 20000],
      ["Capture", 12500],
      ["Capture", 5000],
      ["Reversal", 2000],
      ["Cancellation", 2500],
    ])
    const numbers = all.body.transactions.transactionList.map((t: any) => t.number)
    expect(new Set(numbers).size).toBe(5)

    const captures = await api.call("GET", `${payment.id}/captures`)
    expect(captures.body.captures.captureList.map((c: any) => c.transaction.amount)).toEqual([12500, 5000])
    const authorizations = await api.call("GET", `${payment.id}/authorizations`)
    expect(authorizations.body.authorizations.authorizationList).toHaveLength(1)
    expect((await api.call("GET", `${payment.id}/reversals`)).body.reversals.reversalList).toHaveLength(1)
    expect((await api.call("GET", `${payment.id}/cancellations`)).body.cancellations.cancellationList).toHaveLength(1)

    const single = await api.call("GET", cap2.body.capture.transaction.id)
    expect(single.body).toEqual({ payment: payment.id, transaction: cap2.body.capture.transaction })
    const items = await api.call("GET", cap1.body.capture.itemDescriptions.id)
    expect(items.body).toEqual({
      payment: payment.id,
      transaction: cap1.body.capture.transaction.id,
      itemDescriptions: {
        id: cap1.body.capture.itemDescriptions.id,
        itemDescriptionList: [{ amount: 12500, description: "Coffee grinder" }],
        vatSummary: [{ amount: 12500, vatPercent: 2500, vatAmount: 2500 }],
      },
    })
  })

  describe("operations per state", () => {
    it("abort before authorization leaves no operations and refuses a second abort and an authorization", async () => {
      const created = await api.call("POST", "/psp/invoice/payments", paymentBody())
      const aborted = await api.follow(created, "update-payment-abort", {
        payment: { operation: "Abort", abortReason: "CancelledByConsumer" },
      })
      expect(aborted.status).toBe(200)
      expect(aborted.body.payment.state).toBe("Aborted")
      expect(aborted.body.operations).toEqual([])
      const again = await api.call("PATCH", created.body.payment.id, {
        payment: { operation: "Abort", abortReason: "CancelledByConsumer" },
      })
      expect(again.status).toBe(400)
      expect(again.body.type).toBe(PROBLEM + "inputerror")
      const auth = await api.call("POST", `${created.body.payment.id}/authorizations`, authorizationBody())
      expect(auth.status).toBe(400)
    })

    it("cannot abort after authorization", async () => {
      const current = await authorizedPayment(sandbox)
      expect(rels(current)).not.toContain("update-payment-abort")
      const res = await api.call("PATCH", current.payment.id, {
        payment: { operation: "Abort", abortReason: "CancelledByConsumer" },
      })
      expect(res.status).toBe(400)
      expect(res.body.problems[0].name).toBe("update-payment-abort")
      expect((await api.call("GET", current.payment.id)).body.payment.state).toBe("Ready")
    })

    it("offers no approved legal address outside Sweden (NOK)", async () => {
      const created = await api.call(
        "POST",
        "/psp/invoice/payments",
        paymentBody({ payment: { currency: "NOK", language: "nb-NO" }, invoice: { invoiceType: "PayExFinancingNo" } }),
      )
      expect(created.status).toBe(200)
      expect(rels(created.body)).toEqual(["update-payment-abort", "create-authorization"])
      const res = await api.call("POST", `${created.body.payment.id}/approvedlegaladdress`, {
        addressee: { socialSecurityNumber: "26026708248", zipCode: "0154" },
      })
      expect(res.status).toBe(400)
      const auth = await api.follow(created, "create-authorization", {
        transaction: { activity: "FinancingConsumer" },
        consumer: { socialSecurityNumber: "26026708248", msisdn: "+4798765432", ip: "10.0.0.1" },
        legalAddress: {
          addressee: "Ola Nordmann",
          streetAddress: "Karl Johans gate 1",
          zipCode: "0154",
          city: "Oslo",
          countryCode: "NO",
        },
      })
      expect(auth.status).toBe(200)
    })

    it("a fully captured and fully reversed payment has no operations left; capture before authorization is refused", async () => {
      const created = await api.call("POST", "/psp/invoice/payments", paymentBody())
      const early = await api.call(
        "POST",
        `${created.body.payment.id}/captures`,
        captureBody([LINES.a, LINES.b, LINES.c]),
      )
      expect(early.status).toBe(400)
      expect(early.body.problems[0].name).toBe("create-capture")

      await api.follow(created, "create-authorization", authorizationBody())
      let current = (await api.call("GET", created.body.payment.id)).body
      expect((await api.follow(current, "create-capture", captureBody([LINES.a, LINES.b, LINES.c]))).status).toBe(200)
      current = (await api.call("GET", created.body.payment.id)).body
      expect(rels(current)).toEqual(["create-reversal"])
      const cancel = await api.call("POST", `${current.payment.id}/cancellations`, {
        transaction: { activity: "FinancingConsumer", payeeReference: ref(), description: "nothing left" },
      })
      expect(cancel.status).toBe(400)
      expect(
        (
          await api.follow(current, "create-reversal", {
            transaction: {
              activity: "FinancingConsumer",
              amount: 20000,
              vatAmount: 3178,
              payeeReference: ref(),
              description: "all back",
            },
          })
        ).status,
      ).toBe(200)
      current = (await api.call("GET", created.body.payment.id)).body
      expect(current.operations).toEqual([])
      expect(current.payment).not.toHaveProperty("remainingReversalAmount")
    })
  })

  it("credit not approved (Tolvan): 403 creditnotapproved, a Failed authorization and a Failed payment", async () => {
    const created = await api.call("POST", "/psp/invoice/payments", paymentBody())
    const approved = await api.follow(created, "create-approved-legal-address", {
      addressee: { socialSecurityNumber: "191212121212", zipCode: "12345" },
    })
    expect(approved.status).toBe(200)
    expect(approved.body.approvedLegalAddress.addressee).toBe("Tolvan Tolvansson")
    const auth = await api.follow(
      created,
      "create-authorization",
      authorizationBody({ socialSecurityNumber: "121212-1212" }, { zipCode: "12345", city: "Stockholm" }),
    )
    expect(auth.status).toBe(403)
    expect(auth.contentType).toContain("application/problem+json")
    expect(auth.body).toMatchObject({
      type: PROBLEM + "creditnotapproved",
      status: 403,
      instance: `${created.body.payment.id}/authorizations`,
    })
    expect(JSON.stringify(auth.body)).not.toContain("1212-1212")
    const current = (await api.call("GET", created.body.payment.id)).body
    expect(current.payment.state).toBe("Failed")
    expect(current.operations).toEqual([])
    const list = (await api.call("GET", `${created.body.payment.id}/transactions`)).body.transactions.transactionList
    expect(list).toEqual([
      expect.objectContaining({ type: "Authorization", state: "Failed", failedReason: "CreditNotApproved" }),
    ])
  })

  describe("callbacks", () => {
    let receiver: http.Server
    let receiverUrl: string
    let received: Array<{ body: any; contentType?: string }>
    let answerStatus = 200

    beforeAll(async () => {
      receiver = http.createServer((req, res) => {
        let raw = ""
        req.on("data", (c) => (raw += c))
        req.on("end", () => {
          received.push({ body: JSON.parse(raw), contentType: req.headers["content-type"] })
          res.writeHead(answerStatus).end()
        })
      })
      await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/payex/callback`
    })
    afterAll(async () => {
      receiver.closeAllConnections()
      await new Promise((r) => receiver.close(r))
    })
    beforeEach(() => {
      received = []
      answerStatus = 200
    })

    it("posts { payment, transaction } for each new transaction and records the attempts", async () => {
      const current = await authorizedPayment(sandbox, { payment: { urls: { callbackUrl: receiverUrl } } })
      const cap = await api.follow(current, "create-capture", captureBody([LINES.a]))
      await sandbox.callbacksIdle()
      expect(received).toHaveLength(2)
      expect(received[0].contentType).toContain("application/json")
      const [authTx, capTx] = (await api.call("GET", `${current.payment.id}/transactions`)).body.transactions
        .transactionList
      expect(received.map((r) => r.body)).toEqual([
        {
          payment: { id: current.payment.id, number: current.payment.number },
          transaction: { id: authTx.id, number: authTx.number },
        },
        {
          payment: { id: current.payment.id, number: current.payment.number },
          transaction: { id: cap.body.capture.transaction.id, number: capTx.number },
        },
      ])
      expect(sandbox.callbacks.map((c) => [c.url, c.status])).toEqual([
        [receiverUrl, 200],
        [receiverUrl, 200],
      ])
    })

    it("records non-2xx answers and unreachable receivers, without retrying", async () => {
      answerStatus = 500
      await authorizedPayment(sandbox, { payment: { urls: { callbackUrl: receiverUrl } } })
      const probe = http.createServer()
      await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r))
      const deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/cb`
      await new Promise((r) => probe.close(r))
      await authorizedPayment(sandbox, { payment: { urls: { callbackUrl: deadUrl } } })
      await sandbox.callbacksIdle()
      expect(sandbox.callbacks.map((c) => c.status)).toEqual([500, "error"])
      expect(received).toHaveLength(1)
    })

    it("sends nothing without a callbackUrl, and reset() cancels pending callbacks", async () => {
      await authorizedPayment(sandbox)
      const slow = await startPayexSandbox({ callbackDelayMs: 200 })
      try {
        await authorizedPayment(slow, { payment: { urls: { callbackUrl: receiverUrl } } })
        slow.reset()
        await new Promise((r) => setTimeout(r, 300))
        expect(slow.callbacks).toEqual([])
      } finally {
        await slow.close()
      }
      await sandbox.callbacksIdle()
      expect(received).toHaveLength(0)
      expect(sandbox.callbacks).toEqual([])
    })
  })

  describe("fault switches", () => {
    it("failNext answers 503 without changing state; the same payeeReference then works", async () => {
      const current = await authorizedPayment(sandbox)
      const body = captureBody([LINES.a])
      sandbox.setFaults({ failNext: 1 })
      const failed = await api.follow(current, "create-capture", body)
      expect(failed.status).toBe(503)
      expect((await api.call("GET", current.payment.id)).body.payment.remainingCaptureAmount).toBe(20000)
      const retried = await api.follow(current, "create-capture", body)
      expect(retried.status).toBe(200)
    })

    it("dropNext performs the capture but loses the answer; the retry is refused as a reused payeeReference", async () => {
      const current = await authorizedPayment(sandbox)
      const body = captureBody([LINES.a])
      sandbox.setFaults({ dropNext: 1 })
      await expect(api.follow(current, "create-capture", body)).rejects.toThrow()
      const after = (await api.call("GET", current.payment.id)).body
      expect(after.payment.remainingCaptureAmount).toBe(7500)
      const replay = await api.follow(after, "create-capture", body)
      expect(replay.status).toBe(400)
      expect(replay.body.problems).toEqual([
        { name: "payeeReference", description: `payeeReference ${body.transaction.payeeReference} is already in use` },
      ])
      expect(sandbox.requests.map((r) => r.status)).toContain("dropped")
    })

    it("latencyMs delays the answers", async () => {
      sandbox.setFaults({ latencyMs: 120 })
      const started = Date.now()
      const res = await api.call("POST", "/psp/invoice/payments", paymentBody())
      expect(res.status).toBe(200)
      expect(Date.now() - started).toBeGreaterThanOrEqual(110)
    })
  })

  it("control endpoints: requests (redacted), faults and reset over HTTP", async () => {
    const created = await api.call(
      "POST",
      "/psp/invoice/payments",
      paymentBody({ payment: { payeeInfo: { payeeId: PAYEX_SANDBOX_PAYEE_ID, payeeReference: "again1" } } }),
    )
    const listed = await fetch(`${sandbox.url}/_sandbox/requests`).then((r) => r.json())
    expect(listed.requests).toHaveLength(1)
    expect(listed.requests[0]).toMatchObject({ method: "POST", path: "/psp/invoice/payments", status: 200 })
    expect(listed.requests[0].headers.authorization).toBe("<redacted>")
    expect(JSON.stringify(listed)).not.toContain(PAYEX_SANDBOX_TOKEN)

    const faults = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failNext: 1, failStatus: 502 }),
    })
    expect((await faults.json()).faults).toMatchObject({ failNext: 1, failStatus: 502 })
    expect((await api.call("GET", created.body.payment.id)).status).toBe(502)

    const reset = await fetch(`${sandbox.url}/_sandbox/reset`, { method: "POST" })
    expect(reset.status).toBe(200)
    expect(sandbox.payments.size).toBe(0)
    expect(sandbox.requests).toHaveLength(0)
    const gone = await api.call("GET", created.body.payment.id)
    expect(gone.status).toBe(404)
    expect(gone.body.type).toBe(PROBLEM + "notfound")
    // the payee's used references are forgotten too
    const again = await api.call(
      "POST",
      "/psp/invoice/payments",
      paymentBody({ payment: { payeeInfo: { payeeId: PAYEX_SANDBOX_PAYEE_ID, payeeReference: "again1" } } }),
    )
    expect(again.status).toBe(200)
  })

  it("answers 404 notfound for unknown payments, transactions and routes", async () => {
    const current = await authorizedPayment(sandbox)
    expect((await api.call("GET", "/psp/invoice/payments/00000000-0000-0000-0000-000000000000")).body.type).toBe(
      PROBLEM + "notfound",
    )
    const tx = await api.call("GET", `${current.payment.id}/transactions/00000000-0000-0000-0000-000000000000`)
    expect(tx.status).toBe(404)
    const authTx = (await api.call("GET", `${current.payment.id}/transactions`)).body.transactions.transactionList[0]
    expect((await api.call("GET", `${authTx.id}/itemdescriptions`)).status).toBe(404)
    expect((await api.call("GET", "/psp/creditcard/payments")).status).toBe(404)
  })

  it("main.ts starts a standalone sandbox from env and logs url, token and payee id", async () => {
    const root = path.resolve(__dirname, "../../..")
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "sandbox/payex/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: "0",
        PAYEX_SANDBOX_TOKEN: "cli-token",
        PAYEX_SANDBOX_PAYEE_ID: "11111111-2222-3333-4444-555555555555",
      },
      stdio: ["ignore", "pipe", "pipe"],
    })
    try {
      let out = ""
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no url in output: ${out}`)), 50000)
        child.stdout.on("data", (d) => {
          out += d
          const m = /listening on (http:\/\/\S+)/.exec(out)
          if (m && out.includes("payee id")) {
            clearTimeout(timer)
            resolve(m[1])
          }
        })
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)))
      })
      expect(out).toContain("cli-token")
      expect(out).toContain("11111111-2222-3333-4444-555555555555")
      const res = await fetch(`${url}/psp/invoice/payments/x`, { headers: { authorization: "Bearer cli-token" } })
      expect(res.status).toBe(404)
      const unauthorized = await fetch(`${url}/psp/invoice/payments/x`, {
        headers: { authorization: `Bearer ${PAYEX_SANDBOX_TOKEN}` },
      })
      expect(unauthorized.status).toBe(401)
    } finally {
      child.kill("SIGTERM")
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)))
    }
  }, 60000) // ts-node start-up on a busy CI machine
})
