import http from "node:http"
import type { AddressInfo } from "node:net"
import { startPayexSandbox } from ".."
import type { PayexSandbox } from ".."
import { ITEMS, PO_PROBLEM, orderBody, paidOrder, poClient, poRels, txBody } from "./paymentorders-helpers"

const form = (url: string, body = "") =>
  fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  })

describe("PayEx sandbox: payment orders after creation (v3.1)", () => {
  let sandbox: PayexSandbox
  let api: ReturnType<typeof poClient>

  beforeAll(async () => {
    sandbox = await startPayexSandbox({ callbackDelayMs: 10 })
    api = poClient(sandbox)
  })
  afterAll(() => sandbox.close())
  beforeEach(() => sandbox.reset())

  const create = async (overrides = {}, urls = {}) => {
    const created = await api.call("POST", "/psp/paymentorders", orderBody(overrides, urls))
    expect(created.status).toBe(200)
    return created
  }
  const hrefOf = (answer: any, rel: string) => answer.body.operations.find((o: any) => o.rel === rel).href
  const names = (answer: { body: any }) => answer.body.problems.map((p: { name: string }) => p.name)

  describe("shopper page", () => {
    it("shows amount, description and the buttons; Approve -> 303 to completeUrl, Paid with an Authorization", async () => {
      const created = await create()
      const page = await fetch(hrefOf(created, "redirect-checkout"))
      expect(page.status).toBe(200)
      expect(page.headers.get("content-type")).toMatch(/^text\/html/)
      const html = await page.text()
      expect(html).toContain("200.00 SEK")
      expect(html).toContain("Order 1001")
      for (const button of ["Approve", "Cancel", "Decline"]) expect(html).toContain(`>${button}</button>`)
      const action = /action="([^"]+\/approve)"/.exec(html)![1]

      const approved = await form(sandbox.url + action, "ssn=")
      expect(approved.status).toBe(303)
      expect(approved.headers.get("location")).toBe("https://shop.example/sp/complete")

      const order = await api.call("GET", `${created.body.paymentOrder.id}?$expand=paid`)
      expect(order.body.paymentOrder).toMatchObject({
        status: "Paid",
        integration: "Redirect",
        remainingCaptureAmount: 20000,
        remainingCancellationAmount: 20000,
        remainingReversalAmount: 0,
      })
      expect(order.body.paymentOrder.paid).toMatchObject({
        instrument: "Invoice",
        transactionType: "Authorization",
        amount: 20000,
        payeeReference: expect.any(String),
        orderReference: "1001",
        details: {},
      })
      expect(poRels(order.body)).toEqual(["capture", "cancel"])
      const again = await fetch(hrefOf(created, "redirect-checkout"))
      expect(await again.text()).not.toContain("<button")
      expect((await form(sandbox.url + action)).status).toBe(409)
    })

    it("Cancel -> 303 to cancelUrl, Aborted (CancelledByConsumer)", async () => {
      const created = await create()
      const res = await form(`${hrefOf(created, "redirect-checkout")}/cancel`)
      expect(res.status).toBe(303)
      expect(res.headers.get("location")).toBe("https://shop.example/sp/cancel")
      const order = await api.call("GET", `${created.body.paymentOrder.id}?$expand=aborted`)
      expect(order.body.paymentOrder.status).toBe("Aborted")
      expect(order.body.paymentOrder.aborted.abortReason).toBe("CancelledByConsumer")
      expect(order.body.operations).toEqual([])
    })

    it("Decline (or a refused test person) records a failed attempt and leaves the order Initialized", async () => {
      const created = await create()
      const res = await form(`${hrefOf(created, "redirect-checkout")}/decline`)
      expect(res.status).toBe(303)
      expect(res.headers.get("location")).toMatch(/\/shopper\?declined=1$/)
      expect(await (await fetch(sandbox.url + res.headers.get("location"))).text()).toContain("Credit not approved")
      sandbox.approvePaymentOrder(created.body.paymentOrder.id, { ssn: "121212-1212" })
      const failed = await api.call("GET", `${created.body.paymentOrder.id}/failedattempts`)
      expect(failed.body.failedAttempts.failedAttemptList).toHaveLength(2)
      expect(failed.body.failedAttempts.failedAttemptList[0]).toMatchObject({
        instrument: "Invoice",
        status: "Failed",
        problem: { type: "https://api.payex.com/psp/errordetail/invoice/CreditNotApproved", status: 403 },
      })
      expect(sandbox.paymentOrders.get(created.body.paymentOrder.id.split("/").pop())!.status).toBe("Initialized")
      const prefilled = await create({
        payer: { nationalIdentifier: { socialSecurityNumber: "191212121212", countryCode: "SE" } },
      })
      expect(sandbox.approvePaymentOrder(prefilled.body.paymentOrder.id).status).toBe("Initialized")
      expect(sandbox.approvePaymentOrder(created.body.paymentOrder.id, { ssn: "600307-1161" }).status).toBe("Paid")
    })

    it("serves a view-checkout stub script; its JSON actions answer the Seamless View events", async () => {
      const created = await create()
      const script = await fetch(hrefOf(created, "view-checkout"))
      expect(script.headers.get("content-type")).toMatch(/^application\/javascript/)
      const text = await script.text()
      expect(text).toContain("payex.hostedView.checkout")
      expect(text).toContain("onPaid")
      const res = await form(`${hrefOf(created, "redirect-checkout")}/approve?format=json`)
      expect(res.headers.get("access-control-allow-origin")).toBe("*")
      expect(await res.json()).toEqual({
        event: "OnPaid",
        paymentOrder: { id: created.body.paymentOrder.id },
        redirectUrl: "https://shop.example/sp/complete",
      })
      expect(sandbox.paymentOrders.get(created.body.paymentOrder.id.split("/").pop())!.integration).toBe("HostedView")
    })
  })

  describe("abort", () => {
    it("PATCH abort while Initialized -> the full order Aborted; not after payment; reasons checked", async () => {
      const created = await create()
      const bad = await api.follow(created, "abort", { paymentorder: { operation: "Abort", abortReason: "Because" } })
      expect(names(bad)).toEqual(["paymentorder.abortReason"])
      const update = await api.follow(created, "abort", { paymentorder: { operation: "UpdateOrder" } })
      expect(names(update)).toContain("paymentorder.operation")
      const aborted = await api.follow(created, "abort", {
        paymentorder: { operation: "Abort", abortReason: "CancelledByCustomer" },
      })
      expect(aborted.status).toBe(200)
      expect(aborted.contentType).toBe("application/json; charset=utf-8; version=3.1")
      expect(aborted.body.paymentOrder.status).toBe("Aborted")
      expect(aborted.body.operations).toEqual([])

      const paid = await paidOrder(sandbox)
      const late = await api.call("PATCH", paid.paymentOrder.id, {
        paymentorder: { operation: "Abort", abortReason: "CancelledByConsumer" },
      })
      expect(late.status).toBe(400)
      expect(names(late)).toEqual(["abort"])
    })
  })

  describe("post-purchase", () => {
    it("captures in parts, cancels the rest, reverses everything -> Reversed; each answer is the full order", async () => {
      const paid = await paidOrder(sandbox)
      const capture = await api.follow(paid, "capture", txBody([ITEMS.grinder], { receiptReference: "R1001" }))
      expect(capture.status).toBe(200)
      expect(capture.contentType).toBe("application/json; charset=utf-8; version=3.1")
      expect(capture.body.paymentOrder).toMatchObject({
        status: "Paid",
        remainingCaptureAmount: 7500,
        remainingCancellationAmount: 7500,
        remainingReversalAmount: 12500,
      })
      expect(poRels(capture.body)).toEqual(["capture", "cancel", "reversal"])

      const tooMuch = await api.follow(capture, "capture", txBody([ITEMS.grinder]))
      expect(tooMuch.body.problems).toEqual([
        { name: "transaction.amount", description: "amount exceeds the remainingCaptureAmount 7500" },
      ])
      const cancel = await api.follow(capture, "cancel", {
        transaction: { description: "Rest not shipped", payeeReference: "cancel1001" },
      })
      expect(cancel.body.paymentOrder).toMatchObject({
        status: "Paid",
        remainingCaptureAmount: 0,
        remainingCancellationAmount: 0,
        remainingReversalAmount: 12500,
      })
      expect(poRels(cancel.body)).toEqual(["reversal"])

      const part = await api.follow(
        cancel,
        "reversal",
        txBody([{ ...ITEMS.grinder, amount: 5000, vatAmount: 1000 }], {}, "rev"),
      )
      expect(part.body.paymentOrder).toMatchObject({ status: "Paid", remainingReversalAmount: 7500 })
      const rest = await api.follow(
        part,
        "reversal",
        txBody([{ ...ITEMS.grinder, amount: 7500, vatAmount: 1500 }], {}, "rev"),
      )
      expect(rest.body.paymentOrder).toMatchObject({ status: "Reversed", remainingReversalAmount: 0 })
      expect(rest.body.operations).toEqual([])

      const ft = await api.call("GET", `${paid.paymentOrder.id}?$expand=FinancialTransactions,reversed,cancelled`)
      const list = ft.body.paymentOrder.financialTransactions.financialTransactionsList
      expect(list.map((t: any) => [t.type, t.amount, t.vatAmount])).toEqual([
        ["Authorization", 20000, 3178],
        ["Capture", 12500, 2500],
        ["Cancellation", 7500, 1192],
        ["Reversal", 5000, 1000],
        ["Reversal", 7500, 1500],
      ])
      expect(list[1]).toMatchObject({ receiptReference: "R1001", description: "Shipment 1" })
      expect(list[1].orderItems.orderItemList).toEqual([ITEMS.grinder])
      expect(ft.body.paymentOrder.reversed).toMatchObject({ transactionType: "Reversal", amount: 12500 })
      expect(ft.body.paymentOrder.cancelled).toMatchObject({ cancelReason: "Rest not shipped", amount: 7500 })
      const items = await api.call("GET", `${list[1].id}/orderitems`)
      expect(items.body.orderItems.orderItemList).toEqual([ITEMS.grinder])
    })

    it("cancel before any capture -> Cancelled with no operations; capture then refused", async () => {
      const paid = await paidOrder(sandbox)
      const cancel = await api.follow(paid, "cancel", {
        transaction: { description: "Out of stock", payeeReference: "x1" },
      })
      expect(cancel.body.paymentOrder).toMatchObject({ status: "Cancelled", remainingCaptureAmount: 0 })
      expect(cancel.body.operations).toEqual([])
      const capture = await api.call("POST", `${paid.paymentOrder.id}/captures`, txBody([ITEMS.grinder]))
      expect(capture.status).toBe(400)
      expect(names(capture)).toEqual(["capture"])
      const withAmount = await api.call("POST", `${paid.paymentOrder.id}/cancellations`, {
        transaction: { description: "x", payeeReference: "x2", amount: 1 },
      })
      expect(withAmount.status).toBe(400)
    })

    it("validates capture and reversal bodies: orderItems required and summed, references, description", async () => {
      const paid = await paidOrder(sandbox)
      const bad = await api.follow(paid, "capture", {
        transaction: {
          description: "",
          amount: 12500,
          vatAmount: 2500,
          payeeReference: "no-dash",
          receiptReference: "r 1",
        },
      })
      expect(names(bad).sort()).toEqual([
        "transaction.description",
        "transaction.orderItems",
        "transaction.payeeReference",
        "transaction.receiptReference",
      ])
      const sums = await api.follow(paid, "capture", txBody([ITEMS.grinder], { amount: 12000 }))
      expect(names(sums)).toEqual(["transaction.orderItems"])
      const reversal = await api.call("POST", `${paid.paymentOrder.id}/reversals`, txBody([ITEMS.grinder], {}, "rev"))
      expect(names(reversal)).toEqual(["reversal"])
      const failed = await api.call("GET", `${paid.paymentOrder.id}/postpurchasefailedattempts`)
      expect(failed.body.postPurchaseFailedAttempts.postpurchaseFailedAttemptList.map((a: any) => a.type)).toEqual([
        "Capture",
        "Capture",
        "Reversal",
      ])
    })

    it("5 consecutive failed captures lock capture (403), a success in between resets the count", async () => {
      const paid = await paidOrder(sandbox)
      const bad = () => api.follow(paid, "capture", txBody([ITEMS.grinder], { amount: 1 }))
      for (let i = 0; i < 4; i++) expect((await bad()).status).toBe(400)
      expect((await api.follow(paid, "capture", txBody([ITEMS.magazine]))).status).toBe(200)
      for (let i = 0; i < 5; i++) expect((await bad()).status).toBe(400)
      const locked = await api.follow(paid, "capture", txBody([ITEMS.beans]))
      expect(locked.status).toBe(403)
      expect(locked.body.type).toBe(`${PO_PROBLEM}forbidden`)
      expect(names(locked)).toEqual(["capture"])
    })

    it("a replayed payeeReference on capture, cancel or reversal is the 'already in use' 400, checked first", async () => {
      const paid = await paidOrder(sandbox)
      const body = txBody([ITEMS.grinder])
      expect((await api.follow(paid, "capture", body)).status).toBe(200)
      const reference = body.transaction.payeeReference
      const problem = [{ name: "payeeReference", description: `payeeReference ${reference} is already in use` }]
      for (const [path, payload] of [
        ["captures", body],
        ["cancellations", { transaction: { description: "x", payeeReference: reference } }],
        ["reversals", { transaction: { ...body.transaction, amount: 999999 } }],
      ] as const) {
        const replay = await api.call("POST", `${paid.paymentOrder.id}/${path}`, payload)
        expect(replay.status).toBe(400)
        expect(replay.body.problems).toEqual(problem)
      }
      const create = orderBody()
      create.paymentorder.payeeInfo.payeeReference = reference
      expect((await api.call("POST", "/psp/paymentorders", create)).body.problems).toEqual(problem)
      expect(sandbox.paymentOrders.size).toBe(1)
    })
  })

  describe("expand and sub-resources", () => {
    it("expands a case-insensitive comma list on GET and POST, serves each sub-resource, refuses unknown names", async () => {
      const created = await api.call("POST", "/psp/paymentorders?$expand=urls,PayeeInfo", orderBody())
      expect(created.body.paymentOrder.urls).toMatchObject({ completeUrl: "https://shop.example/sp/complete" })
      expect(created.body.paymentOrder.payeeInfo).toMatchObject({ orderReference: "1001" })
      const id = created.body.paymentOrder.id
      sandbox.approvePaymentOrder(id)
      const got = await api.call("GET", `${id}?$expand=PAID, financialtransactions ,history,orderitems`)
      const order = got.body.paymentOrder
      expect(order.paid.transactionType).toBe("Authorization")
      expect(order.financialTransactions.financialTransactionsList).toHaveLength(1)
      expect(order.history.historyList.map((h: any) => h.name)).toEqual([
        "PaymentCreated",
        "PaymentInstrumentSelected",
        "PaymentPaid",
      ])
      expect(order.orderItems.orderItemList).toHaveLength(3)
      expect(order.cancelled).toEqual({ id: `${id}/cancelled` })
      for (const [segment, key] of [
        ["paid", "paid"],
        ["financialtransactions", "financialTransactions"],
        ["cancelled", "cancelled"],
        ["reversed", "reversed"],
        ["failedattempts", "failedAttempts"],
      ]) {
        const sub = await api.call("GET", `${id}/${segment}`)
        expect(sub.status).toBe(200)
        expect(sub.body).toEqual({ paymentOrder: id, [key]: expect.objectContaining({ id: `${id}/${segment}` }) })
      }
      const unknown = await api.call("GET", `${id}?$expand=paid,everything`)
      expect(unknown.status).toBe(400)
      expect(names(unknown)).toEqual(["$expand"])
    })
  })

  describe("callbacks", () => {
    let receiver: http.Server
    let receiverUrl: string
    const received: any[] = []

    beforeAll(async () => {
      receiver = http.createServer((req, res) => {
        let data = ""
        req.on("data", (c) => (data += c))
        req.on("end", () => {
          received.push(JSON.parse(data))
          res.writeHead(200).end()
        })
      })
      await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sp/callback`
    })
    afterAll(() => new Promise<void>((r) => receiver.close(() => r())))
    beforeEach(() => (received.length = 0))

    it("posts the v3.1 body after approve, capture, cancel and reversal, and after an abort", async () => {
      const paid = await paidOrder(sandbox, {}, { callbackUrl: receiverUrl })
      const id = paid.paymentOrder.id
      const capture = await api.follow(paid, "capture", txBody([ITEMS.grinder]))
      const cancel = await api.follow(capture, "cancel", { transaction: { description: "rest", payeeReference: "c9" } })
      await api.follow(cancel, "reversal", txBody([ITEMS.grinder], {}, "rev"))
      await sandbox.callbacksIdle()
      const ft = (await api.call("GET", `${id}/financialtransactions`)).body.financialTransactions
      const numbers = ft.financialTransactionsList.map((t: any) => t.number)
      expect(sandbox.callbacks.map((c) => [c.url, c.status])).toEqual(numbers.map(() => [receiverUrl, 200]))
      // callbacks are delivered concurrently: compare in transaction order
      received.sort((a, b) => a.paymentOrder.number - b.paymentOrder.number)
      expect(received).toEqual(
        numbers.map((number: number) => ({
          orderReference: "1001",
          paymentOrder: { id, instrument: "Invoice", number },
        })),
      )

      received.length = 0
      const noRef = await create(
        { payeeInfo: { ...orderBody().paymentorder.payeeInfo, orderReference: undefined } },
        { callbackUrl: receiverUrl },
      )
      sandbox.cancelPaymentOrder(noRef.body.paymentOrder.id)
      await sandbox.callbacksIdle()
      expect(received).toEqual([
        { paymentOrder: { id: noRef.body.paymentOrder.id, instrument: "Invoice", number: expect.any(Number) } },
      ])
    })

    it("sends nothing without a callbackUrl", async () => {
      await paidOrder(sandbox)
      await sandbox.callbacksIdle()
      expect(sandbox.callbacks).toEqual([])
    })
  })

  describe("faults", () => {
    it("failNext with only applies to the new routes; nothing changes", async () => {
      const paid = await paidOrder(sandbox)
      sandbox.setFaults({ failNext: 1, only: "^POST /psp/paymentorders/[^/]+/captures$" })
      expect((await api.call("GET", paid.paymentOrder.id)).status).toBe(200)
      const failed = await api.follow(paid, "capture", txBody([ITEMS.grinder]))
      expect(failed.status).toBe(503)
      expect(sandbox.paymentOrders.get(paid.paymentOrder.id.split("/").pop())!.remainingCaptureAmount).toBe(20000)
    })

    it("dropNext handles the capture and loses the answer; the retry is recognised as a replay", async () => {
      const paid = await paidOrder(sandbox)
      sandbox.setFaults({ dropNext: 1, only: "/captures$" })
      const body = txBody([ITEMS.grinder])
      await expect(api.follow(paid, "capture", body)).rejects.toThrow()
      expect(sandbox.paymentOrders.get(paid.paymentOrder.id.split("/").pop())!.remainingCaptureAmount).toBe(7500)
      const retry = await api.follow(paid, "capture", body)
      expect(retry.body.problems[0].name).toBe("payeeReference")
      expect(sandbox.requests.map((r) => r.status)).toContain("dropped")
    })

    it("faults apply to the shopper page and to create too", async () => {
      sandbox.setFaults({ failNext: 1, only: "^POST /psp/paymentorders$" })
      expect((await api.call("POST", "/psp/paymentorders", orderBody())).status).toBe(503)
      expect(sandbox.paymentOrders.size).toBe(0)
      const created = await create()
      sandbox.setFaults({ failNext: 1, failStatus: 500, only: "/shopper/approve$" })
      expect((await form(`${hrefOf(created, "redirect-checkout")}/approve`)).status).toBe(500)
      expect((await form(`${hrefOf(created, "redirect-checkout")}/approve`)).status).toBe(303)
      sandbox.reset()
      expect(sandbox.paymentOrders.size).toBe(0)
    })
  })
})
