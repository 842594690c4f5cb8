import { PayexProblemError } from "../payex-api-error"
import { PROBLEM_BASE, replayProblem } from "./helpers"

describe("PayexProblemError", () => {
  it("is an Error named PayexProblemError", () => {
    const error = new PayexProblemError("get-payment", "http", { detail: "x" }, 404)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe("PayexProblemError")
  })

  describe("message", () => {
    it("names the operation, the status, the detail and every problem", () => {
      const error = new PayexProblemError(
        "create-authorization",
        "http",
        {
          type: `${PROBLEM_BASE}inputerror`,
          title: "Error in input data",
          detail: "Invalid data",
          problems: [
            { name: "consumer.msisdn", description: "Invalid msisdn" },
            { name: "legalAddress.zipCode", description: "Required" },
          ],
        },
        400,
      )
      expect(error.message).toBe(
        "PayEx create-authorization failed (400): Invalid data [consumer.msisdn: Invalid msisdn; legalAddress.zipCode: Required]",
      )
    })

    it("falls back to the title, then the cause, then 'no details'", () => {
      expect(new PayexProblemError("op", "http", { title: "Forbidden" }, 403).message).toBe(
        "PayEx op failed (403): Forbidden",
      )
      expect(new PayexProblemError("op", "network", {}, undefined, "ECONNRESET").message).toBe(
        "PayEx op failed: ECONNRESET",
      )
      expect(new PayexProblemError("op", "http").message).toBe("PayEx op failed: no details")
    })
  })

  describe("errorType", () => {
    it.each([
      [`${PROBLEM_BASE}inputerror`, "inputerror"],
      [`${PROBLEM_BASE}creditnotapproved`, "creditnotapproved"],
      [`${PROBLEM_BASE}notfound/`, "notfound"],
      ["https://api.payex.com/psp/errordetail/forbidden", "forbidden"],
      ["externalerror", "externalerror"],
    ])("reads %s as %s", (type, errorType) => {
      expect(new PayexProblemError("op", "http", { type }, 400).errorType).toBe(errorType)
    })

    it("is undefined without a problem type", () => {
      expect(new PayexProblemError("op", "http", { detail: "x" }, 400).errorType).toBeUndefined()
      expect(new PayexProblemError("op", "timeout").errorType).toBeUndefined()
    })
  })

  describe("retryable", () => {
    it.each([502, 503, 504])("is true for a gateway error %i", (status) => {
      expect(new PayexProblemError("op", "http", {}, status).retryable).toBe(true)
    })

    it("is true for network errors and timeouts", () => {
      expect(new PayexProblemError("op", "network").retryable).toBe(true)
      expect(new PayexProblemError("op", "timeout").retryable).toBe(true)
    })

    it.each([400, 401, 403, 404, 409, 422, 429, 500, 501, undefined])("is false for an answer %p", (status) => {
      expect(new PayexProblemError("op", "http", {}, status).retryable).toBe(false)
    })
  })

  describe("isPayeeReferenceReplay", () => {
    it("recognises PayEx's answer to a payeeReference it has seen", () => {
      expect(
        new PayexProblemError("create-capture", "http", replayProblem("CP01ABC"), 400).isPayeeReferenceReplay,
      ).toBe(true)
    })

    it.each([
      [{ name: "transaction.payeeReference", description: "The payeeReference has already been used" }],
      [{ name: "PayeeReference", description: "ALREADY IN USE" }],
      [{ name: "payment.payeeInfo.payeeReference", description: "Already exists" }],
    ])("matches field names and texts case-insensitively: %j", (p) => {
      const error = new PayexProblemError(
        "op",
        "http",
        { type: `${PROBLEM_BASE}inputerror`, problems: [{ name: "other", description: "fine" }, p] },
        400,
      )
      expect(error.isPayeeReferenceReplay).toBe(true)
    })

    it.each<[string, object]>([
      ["another error type", { ...replayProblem("CP1"), type: `${PROBLEM_BASE}forbidden` }],
      ["no error type", { ...replayProblem("CP1"), type: undefined }],
      [
        "another field",
        { type: `${PROBLEM_BASE}inputerror`, problems: [{ name: "orderReference", description: "already in use" }] },
      ],
      [
        "another complaint about the reference",
        {
          type: `${PROBLEM_BASE}inputerror`,
          problems: [{ name: "payeeReference", description: "must match [A-Za-z0-9]" }],
        },
      ],
      ["no problems", { type: `${PROBLEM_BASE}inputerror`, detail: "payeeReference already in use" }],
    ])("is false for %s", (_why, problem) => {
      expect(new PayexProblemError("op", "http", problem, 400).isPayeeReferenceReplay).toBe(false)
    })

    it("is false for network errors", () => {
      expect(new PayexProblemError("op", "network").isPayeeReferenceReplay).toBe(false)
    })
  })
})
