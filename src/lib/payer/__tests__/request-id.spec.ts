import { PAYER_REQUEST_ID_NAMESPACE, externalInvoiceNumberFor, requestIdFor, uuidV5 } from "../request-id"

const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
const V5_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe("uuidV5", () => {
  // Expected values from an independent implementation: Python's uuid.uuid5.
  it("matches known RFC 4122 version 5 vectors", () => {
    expect(uuidV5("www.example.com", DNS_NAMESPACE)).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2")
    expect(uuidV5("python.org", DNS_NAMESPACE)).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d")
    expect(uuidV5("http://example.com/hello", URL_NAMESPACE)).toBe("3bbcee75-cecc-5b56-8031-b6641c1ed1f1")
    // Names are hashed as UTF-8.
    expect(uuidV5("räksmörgås.se", DNS_NAMESPACE)).toBe("ab29d133-bbca-531b-83ae-b72c0e13bd32")
  })

  it("rejects a malformed namespace", () => {
    expect(() => uuidV5("x", "not-a-uuid")).toThrow("Invalid namespace UUID")
  })
})

describe("requestIdFor", () => {
  it("is deterministic and a valid v5 UUID in the project namespace", () => {
    const id = requestIdFor("pay_01HX", "create-order")
    expect(id).toMatch(V5_PATTERN)
    expect(requestIdFor("pay_01HX", "create-order")).toBe(id)
    expect(id).toBe(uuidV5("pay_01HX:create-order", PAYER_REQUEST_ID_NAMESPACE))
  })

  it("differs per step and per object", () => {
    const steps = ["create-order", "approve-order", "create-invoice", "credit-full"].map((step) =>
      requestIdFor("pay_01HX", step),
    )
    expect(new Set(steps).size).toBe(steps.length)
    expect(requestIdFor("pay_01HY", "create-order")).not.toBe(steps[0])
  })

  it("refuses missing or empty parts instead of sharing an id between operations", () => {
    expect(() => requestIdFor()).toThrow("at least one part")
    expect(() => requestIdFor("pay_1", "")).toThrow("part 1 is empty")
    expect(() => requestIdFor(undefined as unknown as string, "create-order")).toThrow("part 0 is empty")
  })
})

describe("externalInvoiceNumberFor", () => {
  it("fits Payer's 36 characters, is deterministic and differs from the request id", () => {
    const external = externalInvoiceNumberFor("refund_1", "credit")
    expect(external).toHaveLength(36)
    expect(external).toMatch(V5_PATTERN)
    expect(externalInvoiceNumberFor("refund_1", "credit")).toBe(external)
    expect(external).not.toBe(requestIdFor("refund_1", "credit"))
    expect(externalInvoiceNumberFor("refund_2", "credit")).not.toBe(external)
  })
})
