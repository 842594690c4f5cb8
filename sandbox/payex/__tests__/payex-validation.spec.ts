import { PAYEX_SANDBOX_PAYEE_ID, startPayexSandbox } from ".."
import type { PayexSandbox } from ".."
import { vatIncluded } from "../validation-transactions"
import { parseFinnish, parseNorwegian, parseSwedishLong, parseSwedishShort } from "../identity"
import { LINES, PROBLEM, authorizationBody, authorizedPayment, captureBody, client, paymentBody, ref } from "./helpers"

describe("PayEx sandbox strictness", () => {
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

  const create = (overrides: Parameters<typeof paymentBody>[0] = {}) =>
    api.call("POST", "/psp/invoice/payments", paymentBody(overrides))
  const withPayee = (payeeInfo: Record<string, unknown>) => ({
    payment: { payeeInfo: { payeeId: PAYEX_SANDBOX_PAYEE_ID, payeeReference: ref(), ...payeeInfo } },
  })
  const names = (answer: { body: any }) => (answer.body.problems ?? []).map((p: { name: string }) => p.name)

  function expectInputError(answer: { status: number; body: any; contentType: string }, ...problemNames: string[]) {
    expect(answer.status).toBe(400)
    expect(answer.contentType).toContain("application/problem+json")
    expect(answer.body).toMatchObject({
      type: PROBLEM + "inputerror",
      title: expect.any(String),
      status: 400,
      detail: expect.any(String),
      instance: expect.any(String),
    })
    for (const name of problemNames) expect(names(answer)).toContain(name)
  }

  describe("authentication and payee", () => {
    it("refuses a wrong or missing token with 401 and never echoes it", async () => {
      const wrong = await client(sandbox, "not-the-token").call("POST", "/psp/invoice/payments", paymentBody())
      expect(wrong.status).toBe(401)
      expect(wrong.body).toMatchObject({ type: PROBLEM + "forbidden", status: 401, instance: "/psp/invoice/payments" })
      expect(JSON.stringify(wrong.body)).not.toContain("not-the-token")
      const missing = await client(sandbox, "").call("GET", "/psp/invoice/payments/abc")
      expect(missing.status).toBe(401)
      expect(sandbox.payments.size).toBe(0)
    })

    it("refuses another payee id with 403 forbidden", async () => {
      const res = await create({
        payment: { payeeInfo: { payeeId: "12345678-1234-1234-1234-123456789012", payeeReference: ref() } },
      })
      expect(res.status).toBe(403)
      expect(res.body.type).toBe(PROBLEM + "forbidden")
      expect(names(res)).toEqual(["payment.payeeInfo.payeeId"])
      expect(sandbox.payments.size).toBe(0)
    })

    it("requires a JSON body", async () => {
      const res = await api.call("POST", "/psp/invoice/payments", "payment=1", {
        "content-type": "application/x-www-form-urlencoded",
      })
      expectInputError(res, "Content-Type")
      expectInputError(await api.call("POST", "/psp/invoice/payments", "{broken"), "body")
      expectInputError(await api.call("POST", "/psp/invoice/payments", { invoice: {} }), "payment")
    })
  })

  describe("create payment", () => {
    it("accepts a valid payment and a 40-character description", async () => {
      expect((await create({ payment: { description: "x".repeat(40) } })).status).toBe(200)
    })

    it("refuses a 41-character description", async () => {
      expectInputError(await create({ payment: { description: "x".repeat(41) } }), "payment.description")
    })

    it.each([
      ["underscore", "abc_123"],
      ["hyphen", "abc-123"],
      ["31 characters", "a".repeat(31)],
      ["empty", ""],
      ["number", 12345],
    ])("refuses a bad payeeReference (%s)", async (_label, payeeReference) => {
      expectInputError(await create(withPayee({ payeeReference })), "payment.payeeInfo.payeeReference")
    })

    it("refuses a reused payeeReference with exactly the problem the plugin detects, and a failed request does not use it up", async () => {
      const reference = ref()
      expectInputError(
        await create({
          ...withPayee({ payeeReference: reference }),
          payment: { ...withPayee({ payeeReference: reference }).payment, description: "" },
        }),
        "payment.description",
      )
      expect((await create(withPayee({ payeeReference: reference }))).status).toBe(200)
      const reused = await create(withPayee({ payeeReference: reference }))
      expect(reused.status).toBe(400)
      expect(reused.body.type).toBe(PROBLEM + "inputerror")
      expect(reused.body.problems).toEqual([
        { name: "payeeReference", description: `payeeReference ${reference} is already in use` },
      ])
      expect(sandbox.payments.size).toBe(1)
    })

    it("keeps payeeReferences unique across payment creation and transactions", async () => {
      const current = await authorizedPayment(sandbox)
      const capture = captureBody([LINES.a])
      expect((await api.follow(current, "create-capture", capture)).status).toBe(200)
      const res = await create(withPayee({ payeeReference: capture.transaction.payeeReference }))
      expect(res.body.problems).toEqual([
        {
          name: "payeeReference",
          description: `payeeReference ${capture.transaction.payeeReference} is already in use`,
        },
      ])
      const paymentRef = sandbox.payments.values().next().value!.payeeInfo.payeeReference
      const cancel = await api.follow(current, "create-cancellation", {
        transaction: { activity: "FinancingConsumer", payeeReference: paymentRef, description: "x" },
      })
      expect(names(cancel)).toEqual(["payeeReference"])
    })

    it.each([
      ["operation", { operation: "Purchase" }, "payment.operation"],
      ["intent", { intent: "AutoCapture" }, "payment.intent"],
      ["currency", { currency: "DKK" }, "payment.currency"],
      ["language", { language: "de-DE" }, "payment.language"],
      ["userAgent", { userAgent: undefined }, "payment.userAgent"],
      ["zero amount", { prices: [{ type: "Invoice", amount: 0, vatAmount: 0 }] }, "payment.prices[0].amount"],
      ["decimal amount", { prices: [{ type: "Invoice", amount: 100.5, vatAmount: 0 }] }, "payment.prices[0].amount"],
      [
        "vat above amount",
        { prices: [{ type: "Invoice", amount: 100, vatAmount: 101 }] },
        "payment.prices[0].vatAmount",
      ],
      ["price type", { prices: [{ type: "CreditCard", amount: 100, vatAmount: 0 }] }, "payment.prices[0].type"],
      [
        "two prices",
        {
          prices: [
            { type: "Invoice", amount: 100, vatAmount: 0 },
            { type: "Invoice", amount: 100, vatAmount: 0 },
          ],
        },
        "payment.prices",
      ],
      ["callbackUrl", { urls: { callbackUrl: "not a url" } }, "payment.urls.callbackUrl"],
      ["logoUrl over http", { urls: { logoUrl: "http://example.com/logo.png" } }, "payment.urls.logoUrl"],
    ])("refuses a bad %s", async (_label, payment, problem) => {
      expectInputError(await create({ payment }), problem)
    })

    it("requires the invoiceType of the currency's country", async () => {
      expectInputError(await create({ invoice: { invoiceType: "PayExFinancingNo" } }), "invoice.invoiceType")
      const eur = await create({
        payment: { currency: "EUR", language: "fi-FI" },
        invoice: { invoiceType: "PayExFinancingFi" },
      })
      expect(eur.status).toBe(200)
    })

    it("names every broken field in one answer", async () => {
      const res = await create({ payment: { description: "", language: "xx", userAgent: "" } })
      expectInputError(res, "payment.description", "payment.language", "payment.userAgent")
    })
  })

  describe("approved legal address", () => {
    let created: any
    beforeEach(async () => {
      created = (await create()).body
    })
    const lookup = (socialSecurityNumber: string, zipCode: string) =>
      api.follow(created, "create-approved-legal-address", { addressee: { socialSecurityNumber, zipCode } })

    it("finds Järfälla for 199710202392 and tolerates a space in the zip", async () => {
      const res = await lookup("199710202392", "176 74")
      expect(res.status).toBe(200)
      expect(res.body.approvedLegalAddress).toMatchObject({ city: "Järfälla", zipCode: "17674", countryCode: "SE" })
    })

    it("answers 404 notfound for an unknown but valid number", async () => {
      const res = await lookup("198112289874", "11122")
      expect(res.status).toBe(404)
      expect(res.body.type).toBe(PROBLEM + "notfound")
      expect(JSON.stringify(res.body)).not.toContain("198112289874")
    })

    it("refuses a zip code that does not match", async () => {
      expectInputError(await lookup("196003071161", "11122"), "addressee.zipCode")
    })

    it.each([["600307-1161"], ["6003071161"], ["196003071162"], ["196013071161"]])(
      "refuses the badly formed number %s",
      async (ssn) => {
        expectInputError(await lookup(ssn, "19792"), "addressee.socialSecurityNumber")
      },
    )
  })

  describe("authorization", () => {
    let created: any
    beforeEach(async () => {
      created = (await create()).body
    })
    const authorize = (body: unknown) => api.follow(created, "create-authorization", body)

    it("authorizes an unknown person with a valid number and a full legal address", async () => {
      const res = await authorize(
        authorizationBody({ socialSecurityNumber: "811228-9874" }, { zipCode: "11122", city: "Stockholm" }),
      )
      expect(res.status).toBe(200)
      expect(JSON.stringify([...sandbox.payments.values()])).not.toContain("811228-9874")
    })

    it("requires the legal address", async () => {
      expectInputError(
        await authorize(authorizationBody({ socialSecurityNumber: "811228-9874" }, null)),
        "legalAddress",
      )
    })

    it.each([
      ["a 12-digit number", { socialSecurityNumber: "196003071161" }, "consumer.socialSecurityNumber"],
      ["a Luhn error", { socialSecurityNumber: "600307-1162" }, "consumer.socialSecurityNumber"],
      ["a Norwegian number on a SEK payment", { socialSecurityNumber: "26026708248" }, "consumer.socialSecurityNumber"],
      ["an msisdn with spaces", { msisdn: "+46 739 000 001" }, "consumer.msisdn"],
      ["an msisdn without country code", { msisdn: "0739000001" }, "consumer.msisdn"],
      ["no ip", { ip: undefined }, "consumer.ip"],
      ["a bad ip", { ip: "999.1.1.1" }, "consumer.ip"],
    ])("refuses %s", async (_label, consumer, problem) => {
      expectInputError(await authorize(authorizationBody(consumer)), problem)
    })

    it.each([
      ["countryCode", { countryCode: "NO" }, "legalAddress.countryCode"],
      ["zipCode of another person", { zipCode: "17674" }, "legalAddress.zipCode"],
      ["city", { city: "" }, "legalAddress.city"],
      ["addressee", { addressee: undefined }, "legalAddress.addressee"],
    ])("refuses a legal address with a bad %s", async (_label, legalAddress, problem) => {
      expectInputError(await authorize(authorizationBody({}, legalAddress)), problem)
    })

    it("refuses the wrong activity and a second authorization", async () => {
      expectInputError(
        await authorize({ ...authorizationBody(), transaction: { activity: "CreditCard" } }),
        "transaction.activity",
      )
      expect((await authorize(authorizationBody())).status).toBe(200)
      const second = await api.call("POST", `${created.payment.id}/authorizations`, authorizationBody())
      expectInputError(second, "create-authorization")
      expect(
        (await api.call("GET", `${created.payment.id}/authorizations`)).body.authorizations.authorizationList,
      ).toHaveLength(1)
    })
  })

  describe("capture", () => {
    let current: any
    beforeEach(async () => {
      current = await authorizedPayment(sandbox)
    })
    const capture = (body: unknown) => api.follow(current, "create-capture", body)
    const remaining = async () => (await api.call("GET", current.payment.id)).body.payment.remainingCaptureAmount

    it("refuses an unsupported vatPercent (2000, and the text's string form)", async () => {
      const line = { amount: 12000, vatPercent: 2000, vatAmount: 2000, description: "x" }
      expectInputError(await capture(captureBody([line])), "transaction.vatSummary[0].vatPercent")
      const body = captureBody([LINES.a])
      ;(body.transaction.vatSummary[0] as any).vatPercent = "25.00"
      expectInputError(await capture(body), "transaction.vatSummary[0].vatPercent")
    })

    it("refuses sums off by one öre", async () => {
      const items = captureBody([LINES.a, LINES.b])
      items.transaction.itemDescriptions[1].amount += 1
      expectInputError(await capture(items), "transaction.itemDescriptions")

      const summary = captureBody([LINES.a, LINES.b])
      summary.transaction.vatSummary[1].amount -= 1
      expectInputError(await capture(summary), "transaction.vatSummary")

      const vatTotal = captureBody([LINES.a, LINES.b])
      vatTotal.transaction.vatAmount += 1
      expectInputError(await capture(vatTotal), "transaction.vatAmount")

      const rowVat = captureBody([LINES.a, LINES.b])
      rowVat.transaction.vatSummary[1].vatAmount = 535 // 5000 at 12% VAT included is 535.71 -> 536
      rowVat.transaction.vatAmount = 3035
      expectInputError(await capture(rowVat), "transaction.vatSummary[1].vatAmount")
      expect(await remaining()).toBe(20000)
    })

    it("refuses a capture above the remaining amount", async () => {
      expect((await capture(captureBody([LINES.a]))).status).toBe(200)
      const res = await capture(captureBody([LINES.a]))
      expectInputError(res, "transaction.amount")
      expect(await remaining()).toBe(7500)
    })

    it.each([
      ["activity", { activity: "Capture" }, "transaction.activity"],
      ["decimal amount", { amount: 12500.5 }, "transaction.amount"],
      ["payeeReference", { payeeReference: "has space" }, "transaction.payeeReference"],
      ["description of 51 characters", { description: "d".repeat(51) }, "transaction.description"],
      ["missing description", { description: undefined }, "transaction.description"],
      ["empty itemDescriptions", { itemDescriptions: [] }, "transaction.itemDescriptions"],
      ["missing vatSummary", { vatSummary: undefined }, "transaction.vatSummary"],
    ])("refuses a bad %s", async (_label, extra, problem) => {
      expectInputError(await capture(captureBody([LINES.a], extra)), problem)
      expect(await remaining()).toBe(20000)
    })

    it("refuses duplicate vatPercent rows", async () => {
      const body = captureBody([LINES.a, { ...LINES.a, description: "second" }])
      expectInputError(await capture(body), "transaction.vatSummary[1].vatPercent")
    })
  })

  describe("reversal and cancellation", () => {
    it("refuses a reversal above what was captured and a bad vatAmount", async () => {
      const current = await authorizedPayment(sandbox)
      await api.follow(current, "create-capture", captureBody([LINES.b]))
      const after = (await api.call("GET", current.payment.id)).body
      const reverse = (amount: number, vatAmount: number) =>
        api.follow(after, "create-reversal", {
          transaction: { activity: "FinancingConsumer", amount, vatAmount, payeeReference: ref(), description: "r" },
        })
      expectInputError(await reverse(5001, 536), "transaction.amount")
      expectInputError(await reverse(100, 101), "transaction.vatAmount")
      expectInputError(await reverse(100, -1), "transaction.vatAmount")
      expect((await reverse(5000, 536)).status).toBe(200)
    })

    it("refuses a cancellation without payeeReference", async () => {
      const current = await authorizedPayment(sandbox)
      const res = await api.follow(current, "create-cancellation", {
        transaction: { activity: "FinancingConsumer", description: "x" },
      })
      expectInputError(res, "transaction.payeeReference")
      expect((await api.call("GET", current.payment.id)).body.payment.remainingCancellationAmount).toBe(20000)
    })
  })

  describe("pure rules", () => {
    it("vatIncluded rounds half up in exact integers", () => {
      expect(vatIncluded(12500, 2500)).toBe(2500)
      expect(vatIncluded(5000, 1200)).toBe(536)
      expect(vatIncluded(2500, 600)).toBe(142)
      expect(vatIncluded(14, 1200)).toBe(2) // 14 * 12 / 112 = 1.5 exactly
      expect(vatIncluded(0, 2500)).toBe(0)
      expect(vatIncluded(999, 0)).toBe(0)
    })

    it("checks personal numbers by format and checksum", () => {
      expect(parseSwedishShort("600307-1161")).toBe("6003071161")
      expect(parseSwedishShort("121212+1212")).toBe("1212121212")
      expect(parseSwedishShort("600367-1168")).toBe("6003671168") // samordningsnummer: day + 60
      expect(parseSwedishShort("600345-1165")).toBeNull() // Luhn ok, day 45 impossible
      expect(parseSwedishShort("601307-1169")).toBeNull() // Luhn ok, month 13 impossible
      expect(parseSwedishLong("199710202392")).toBe("9710202392")
      expect(parseSwedishLong("9710202392")).toBeNull()
      expect(parseNorwegian("26026708248")).toBe("26026708248")
      expect(parseNorwegian("26026708249")).toBeNull()
      expect(parseFinnish("131052-308T")).toBe("131052308T")
      expect(parseFinnish("131052-308U")).toBeNull()
    })
  })
})
