/** Payer-Request-ID handling and order body validation over HTTP. */
import { expectSpringError, orderBody, startSandbox, uuid, type PayerSandbox } from "./helpers"
import type { PayerTestClient } from "./helpers"

let sandbox: PayerSandbox
let api: PayerTestClient

beforeAll(async () => {
  ;({ sandbox, api } = await startSandbox())
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.reset()
  api.token = null
})

describe("Payer-Request-ID", () => {
  it("answers 409 to a replayed id without creating a second order", async () => {
    const id = uuid()
    const first = await api.post("/api/v2/orders", orderBody("ref-replay"), id)
    expect(first.status).toBe(200)
    const second = await api.post("/api/v2/orders", orderBody("ref-replay-2"), id)
    expectSpringError(second, 409, `Request ${id} has already been handled`, "/api/v2/orders")
    expect(sandbox.state.orders.size).toBe(1)
    // the id is global: another endpoint with the same id is a replay too
    expect((await api.put(`/api/v2/orders/${first.body.orderId}/approve`, undefined, id)).status).toBe(409)
    expect(sandbox.state.orders.get(first.body.orderId)!.status).toBe("CREATED")
    // case-insensitive
    expect((await api.post("/api/v2/orders", orderBody("ref-replay-3"), id.toUpperCase())).status).toBe(409)
  })

  it("rejects an id that is not a UUID with 400 and does nothing", async () => {
    const res = await api.post("/api/v2/orders", orderBody("ref-bad-id"), "not-a-uuid")
    expectSpringError(res, 400, "Payer-Request-ID must be a UUID")
    expect(sandbox.state.orders.size).toBe(0)
  })

  it("does not consume the id of a request that failed validation", async () => {
    const id = uuid()
    const bad = await api.post("/api/v2/orders", orderBody("ref-v", { currencyCode: "XYZ" }), id)
    expect(bad.status).toBe(400)
    const good = await api.post("/api/v2/orders", orderBody("ref-v"), id)
    expect(good.status).toBe(200)
    expect(sandbox.state.handledRequestIds.has(id)).toBe(true)
  })

  it("is ignored on GET requests and optional on others", async () => {
    expect((await api.call("GET", "/api/v2/orders/invoices/batch", { requestId: "whatever" })).status).toBe(200)
    expect((await api.post("/api/v2/orders", orderBody("ref-no-id"))).status).toBe(200)
    expect((await api.post("/api/v2/orders", orderBody("ref-no-id-2"))).status).toBe(200)
    expect(sandbox.state.orders.size).toBe(2)
  })
})

describe("order validation", () => {
  const post = (body: unknown) => api.post("/api/v2/orders", body)
  const items = () => orderBody("x").items as any[]

  it("rejects a subtotal that is not unitPrice * quantity", async () => {
    const body = orderBody("ref-sub", { items: [{ ...items()[0], subtotalPrice: 24999 }] })
    expectSpringError(
      await post(body),
      400,
      "items[0].subtotalPrice must equal unitPrice * quantity (12500 * 2 = 25000, got 24999)",
    )
  })

  it("rejects duplicate positions", async () => {
    const [a, b] = items()
    expectSpringError(
      await post(orderBody("ref-dup", { items: [a, { ...b, position: 1 }] })),
      400,
      "items[1].position 1 is used more than once",
    )
  })

  it("rejects unsupported currencies and other wrong fields, naming each", async () => {
    expectSpringError(
      await post(orderBody("ref-cur", { currencyCode: "JPY" })),
      400,
      'currencyCode must be one of DKK, EUR, GBP, NOK, SEK, USD, CHF (got "JPY")',
    )
    const bad = await post(
      orderBody("r".repeat(65), {
        purchaseChannel: "POS",
        items: [
          {
            ...items()[0],
            itemType: "ARTICLE",
            quantity: 0,
            vatPercentage: 10001,
            description: "",
            unitPrice: "12500",
          },
          { ...items()[1], position: 0, articleNumber: "A".repeat(65) },
        ],
      }),
    )
    expect(bad.status).toBe(400)
    for (const part of [
      "referenceId must be at most 64 characters",
      "purchaseChannel must be one of ECOMMERCE",
      "items[0].itemType must be FREEFORM",
      "items[0].quantity must be a number > 0",
      "items[0].vatPercentage must be <= 10000",
      "items[0].description must not be blank",
      'items[0].unitPrice must be an integer (got "12500")',
      "items[1].position must be >= 1",
      "items[1].articleNumber must be at most 64 characters",
    ]) {
      expect(bad.body.message).toContain(part)
    }
    expect(sandbox.state.orders.size).toBe(0)
  })

  it("validates the customer and the items list", async () => {
    const res = await post({ currencyCode: "SEK", purchaseChannel: "ECOMMERCE", referenceId: "r", items: [] })
    expectSpringError(res, 400, "invoiceCustomer is required")
    expect(res.body.message).toContain("items is required and must be a non-empty array")
    const person = orderBody("ref-person")
    person.invoiceCustomer = {
      customerType: "PERSON",
      regNumber: "19800101-1234",
      address: { streetAddress1: "Gatan 2", zipCode: "12345", city: "Lund", countryCode: "se" },
    }
    const p = await post(person)
    for (const part of [
      "invoiceCustomer.address.firstName is required",
      "invoiceCustomer.address.lastName is required",
      "invoiceCustomer.address.countryCode must be an ISO 3166-1 alpha-2 code",
    ]) {
      expect(p.body.message).toContain(part)
    }
    expectSpringError(
      await post(
        orderBody("ref-org", { invoiceCustomer: { ...orderBody("x").invoiceCustomer, regNumber: undefined } }),
      ),
      400,
      "invoiceCustomer.regNumber is required",
    )
  })

  it("accepts decimal quantities whose subtotal is exact, and an optional deliveryCustomer", async () => {
    const body = orderBody("ref-dec", {
      items: [
        {
          itemType: "FREEFORM",
          position: 5,
          description: "Cable",
          quantity: 2.5,
          unit: "m",
          unitPrice: 1990,
          subtotalPrice: 4975,
          vatPercentage: 2500,
        },
      ],
      deliveryCustomer: {
        address: {
          companyName: "Lager AB",
          streetAddress1: "Hamnen 3",
          zipCode: "41101",
          city: "Göteborg",
          countryCode: "SE",
        },
      },
    })
    expect((await post(body)).status).toBe(200)
    expect(
      (
        await post(
          orderBody("ref-dec-2", {
            deliveryCustomer: { address: { streetAddress1: "x", zipCode: "1", city: "c", countryCode: "SE" } },
          }),
        )
      ).status,
    ).toBe(400)
  })

  it("requires a JSON body with a JSON content type", async () => {
    expectSpringError(
      await api.call("POST", "/api/v2/orders", {
        rawBody: "referenceId=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      415,
      "use application/json",
    )
    expectSpringError(
      await api.call("POST", "/api/v2/orders", {
        rawBody: "{not json",
        headers: { "content-type": "application/json" },
      }),
      400,
      "Malformed JSON",
    )
    expectSpringError(await api.call("POST", "/api/v2/orders", {}), 400, "Required request body is missing")
  })
})
