import nock from "nock"
import { PayerApiError } from "../payer-api-error"
import { creditUsedPaidInvoice, eventFromAnswer, eventTokenOf, payloadNumber } from "../events"
import { BASE, makeClient, mockToken, setupNock } from "./helpers"

setupNock()

const TOKEN = "evt_Tok3n-abc.DEF~123"

describe("PayerClient events", () => {
  it("registers a callback with type and url as query parameters; a 409 counts as registered", async () => {
    const { client } = makeClient()
    mockToken()
    const url = "https://shop.example/hooks/payer/events"
    nock(BASE)
      .post("/api/v1/events/callbacks")
      .query({ type: "INVOICE_PAYMENT_RECEIVED", url })
      .matchHeader("payer-request-id", "11111111-1111-4111-8111-111111111111")
      .reply(204)
    nock(BASE).post("/api/v1/events/callbacks").query(true).reply(409, { message: "handled" })
    await client.registerEventCallback("INVOICE_PAYMENT_RECEIVED", url, "11111111-1111-4111-8111-111111111111")
    await expect(client.registerEventCallback("CREDIT_USED", url, "rid-2")).resolves.toBeUndefined()
  })

  it("a refused registration throws", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE).post("/api/v1/events/callbacks").query(true).reply(400, { message: "type must be one of ..." })
    await expect(client.registerEventCallback("NOPE", "https://x.example", "rid")).rejects.toMatchObject({
      status: 400,
    })
  })

  it("fetches an event bare or wrapped, unknown fields and types passing; 404 is null", async () => {
    const { client } = makeClient()
    mockToken()
    nock(BASE)
      .get(`/api/v1/events/${encodeURIComponent(TOKEN)}`)
      .reply(200, { type: "INVOICE_PAYMENT_RECEIVED", payload: { invoiceNumber: 1001 }, extra: true })
    nock(BASE)
      .get("/api/v1/events/wrapped-token")
      .reply(200, { event: { type: "SOMETHING_NEW", payload: { a: 1 } } })
    nock(BASE).get("/api/v1/events/forged-token").reply(404, { message: "Event not found" })
    expect(await client.getEvent(TOKEN)).toEqual({ type: "INVOICE_PAYMENT_RECEIVED", payload: { invoiceNumber: 1001 } })
    expect(await client.getEvent("wrapped-token")).toEqual({ type: "SOMETHING_NEW", payload: { a: 1 } })
    expect(await client.getEvent("forged-token")).toBeNull()
  })

  it("an answer without an event, or an outage, throws without the token in the message or the log", async () => {
    const { client, debug } = makeClient({ maxRetries: 1 })
    mockToken()
    nock(BASE).get("/api/v1/events/secret-token-1").reply(200, { hello: "world" })
    nock(BASE).get("/api/v1/events/secret-token-2").times(2).reply(503)
    const empty = await client.getEvent("secret-token-1").catch((e) => e)
    expect(empty).toBeInstanceOf(PayerApiError)
    const outage = await client.getEvent("secret-token-2").catch((e) => e)
    expect(outage).toMatchObject({ status: 503 })
    for (const text of [empty.message, outage.message, ...debug]) expect(text).not.toMatch(/secret-token/)
    expect(outage.message).toContain("/api/v1/events/{token}")
  })

  it("acknowledges with a GET; a 404 is done, a 5xx throws", async () => {
    const { client } = makeClient({ maxRetries: 0 })
    mockToken()
    const ack = nock(BASE).get("/api/v1/events/tok-aaaaaa/ack").reply(200)
    nock(BASE).get("/api/v1/events/tok-bbbbbb/ack").reply(404)
    nock(BASE).get("/api/v1/events/tok-cccccc/ack").reply(502)
    await client.acknowledgeEvent("tok-aaaaaa")
    expect(ack.isDone()).toBe(true)
    await expect(client.acknowledgeEvent("tok-bbbbbb")).resolves.toBeUndefined()
    await expect(client.acknowledgeEvent("tok-cccccc")).rejects.toMatchObject({ status: 502 })
  })
})

describe("event readers", () => {
  it("token shape", () => {
    expect(eventTokenOf(TOKEN)).toBe(TOKEN)
    expect(eventTokenOf([TOKEN, "x"])).toBe(TOKEN)
    for (const bad of [undefined, "", "short", "has space in it", "a".repeat(513), "x'; drop table--", 12345678]) {
      expect(eventTokenOf(bad)).toBeNull()
    }
  })

  it("envelope and payload numbers", () => {
    expect(eventFromAnswer({ type: " CREDIT_USED ", payload: [1] })).toEqual({ type: "CREDIT_USED", payload: {} })
    expect(eventFromAnswer({ payload: {} })).toBeNull()
    expect(eventFromAnswer("text")).toBeNull()
    expect(payloadNumber("50001234456")).toBe(50001234456)
    expect(payloadNumber(1001)).toBe(1001)
    for (const bad of [0, -1, 1.5, "12a", null, "99999999999999999"]) expect(payloadNumber(bad)).toBeNull()
  })

  it("CREDIT_USED's reference names the paid invoice only when used as payment", () => {
    expect(creditUsedPaidInvoice({ creditUsedType: "USED_AS_PAYMENT", reference: "1003" })).toBe(1003)
    expect(creditUsedPaidInvoice({ creditUsedType: "PAID_OUT", reference: "1003" })).toBeNull()
    expect(creditUsedPaidInvoice({ creditUsedType: "USED_AS_PAYMENT", reference: "job-1" })).toBeNull()
  })
})
