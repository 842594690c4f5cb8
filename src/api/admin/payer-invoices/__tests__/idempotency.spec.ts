import { MedusaError } from "@medusajs/framework/utils"
import { optionalIdempotencyKey, requireIdempotencyKey } from "../idempotency"
import { findStoredRequest, withStoredRequest } from "../../../../modules/payer-invoice/records/stored-requests"

const req = (value?: string | string[]) => ({ headers: value === undefined ? {} : { "idempotency-key": value } }) as any

function refusal(fn: () => unknown): MedusaError {
  try {
    fn()
  } catch (e) {
    return e as MedusaError
  }
  throw new Error("expected a refusal")
}

describe("requireIdempotencyKey", () => {
  it("answers the header as sent", () => {
    expect(requireIdempotencyKey(req("rabatt-1"))).toBe("rabatt-1")
    expect(requireIdempotencyKey(req("x".repeat(100)))).toBe("x".repeat(100))
  })

  it.each([[undefined], [""], ["x".repeat(101)], [" "], ["a b"], ["tab\t"], ["ny\u00e5"], [["a", "b"]]])(
    "refuses %j with a 400 naming Idempotency-Key",
    (value) => {
      const error = refusal(() => requireIdempotencyKey(req(value as any)))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/^Idempotency-Key: /)
    },
  )

  it("is optional where no money moves, but still checked when sent", () => {
    expect(optionalIdempotencyKey(req())).toBeUndefined()
    expect(optionalIdempotencyKey(req("k1"))).toBe("k1")
    expect(refusal(() => optionalIdempotencyKey(req("a b"))).type).toBe(MedusaError.Types.INVALID_DATA)
  })
})

describe("stored requests", () => {
  it("finds a key's result, keeps other metadata, and refuses the key for other params", () => {
    const metadata = withStoredRequest({ credit: { type: "full" } }, "payout", "k1", {
      params: { amount: 1 },
      result: { ok: true },
    })
    expect(metadata.credit).toEqual({ type: "full" })
    expect(findStoredRequest(metadata, "payout", "k1", { amount: 1 })?.result).toEqual({ ok: true })
    expect(findStoredRequest(metadata, "payout", "k2", { amount: 1 })).toBeUndefined()
    expect(findStoredRequest(metadata, "pay-with-credit", "k1", { amount: 1 })).toBeUndefined()
    expect(refusal(() => findStoredRequest(metadata, "payout", "k1", { amount: 2 })).type).toBe(
      MedusaError.Types.DUPLICATE_ERROR,
    )
  })

  it("compares params whatever order the database gives their keys back in (jsonb sorts them)", () => {
    const metadata = withStoredRequest({}, "pay-with-credit", "k1", {
      params: { to_invoice_number: "1001", amount: 1000 },
      result: {},
    })
    const fromJsonb = JSON.parse(
      JSON.stringify({
        admin_requests: { "pay-with-credit:k1": { params: { amount: 1000, to_invoice_number: "1001" }, result: {} } },
      }),
    )
    expect(
      findStoredRequest(fromJsonb, "pay-with-credit", "k1", { to_invoice_number: "1001", amount: 1000 }),
    ).toBeDefined()
    expect(
      findStoredRequest(metadata, "pay-with-credit", "k1", { amount: 1000, to_invoice_number: "1001" }),
    ).toBeDefined()
  })
})
