import { MedusaError } from "@medusajs/framework/utils"
import { asUpstreamOutage } from "../../lib/http/upstream-outage"
import { upstreamErrorHandler } from "../upstream-error-handler"

function call(error: unknown) {
  const logger = { warn: jest.fn(), error: jest.fn(), info: jest.fn() }
  const req = { path: "/store/carts/cart_1/complete", scope: { resolve: () => logger } }
  const res = { statusCode: 0, body: undefined as unknown }
  const api = {
    status: (code: number) => ((res.statusCode = code), api),
    json: (body: unknown) => ((res.body = body), api),
  }
  upstreamErrorHandler(error, req as any, api as any, jest.fn())
  return { ...res, logger }
}

describe("upstreamErrorHandler", () => {
  it("answers a PSP outage with its 503 and the message that says to try again", () => {
    const error = asUpstreamOutage(
      new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "PayEx could not be reached; nothing was changed, try again.",
      ),
      "PayEx",
      503,
    )
    const { statusCode, body, logger } = call(error)
    expect(statusCode).toBe(503)
    expect(body).toEqual({
      type: "upstream_unavailable",
      upstream: "PayEx",
      message: "PayEx could not be reached; nothing was changed, try again.",
    })
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("answered 503"))
  })

  it("answers a lost answer with 502", () => {
    const error = asUpstreamOutage(new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Payer timed out"), "Payer", 502)
    expect(call(error)).toMatchObject({ statusCode: 502, body: { type: "upstream_error", upstream: "Payer" } })
  })

  it("leaves every other error to Medusa's own handler: a refusal keeps its 4xx, an unknown error its 500", () => {
    expect(call(new MedusaError(MedusaError.Types.NOT_ALLOWED, "PayEx refused the request."))).toMatchObject({
      statusCode: 400,
      body: { type: MedusaError.Types.NOT_ALLOWED, message: "PayEx refused the request." },
    })
    expect(call(new Error("boom"))).toMatchObject({ statusCode: 500 })
  })
})
