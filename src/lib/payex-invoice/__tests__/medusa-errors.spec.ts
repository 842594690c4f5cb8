import { upstreamOutageStatus } from "../../http/upstream-outage"
import { MedusaError } from "@medusajs/framework/utils"
import { PayexProblemError } from "../../payex"
import { payexToMedusaError, scrub } from "../medusa-errors"

const TYPE = "https://api.payex.com/psp/errordetail/invoice/"
const SSN = "600307-1161"
const SECRETS = [SSN, "6003071161", "196003071161"]

const httpError = (
  kind: string,
  status: number,
  detail: string,
  problems: Array<{ name: string; description: string }> = [],
) =>
  new PayexProblemError(
    "create-authorization",
    "http",
    { type: TYPE + kind, title: kind, status, detail, problems },
    status,
  )

describe("payexToMedusaError", () => {
  it("turns credit not approved into not_allowed with a reason a shopper can read", () => {
    const error = payexToMedusaError(httpError("creditnotapproved", 403, "Credit check failed"))
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toBe(
      "PayEx did not approve credit for this shopper; choose another payment method. " +
        `PayEx create-authorization failed (403): Credit check failed (${TYPE}creditnotapproved)`,
    )
  })

  it("turns an input error into invalid_data naming PayEx's fields", () => {
    const error = payexToMedusaError(
      httpError("inputerror", 400, "Invalid data", [{ name: "consumer.msisdn", description: "Not a mobile number" }]),
    )
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toBe(
      `PayEx refused the request. PayEx create-authorization failed (400): Invalid data [consumer.msisdn: Not a mobile number] (${TYPE}inputerror)`,
    )
  })

  it("turns not found into not_found", () => {
    expect(payexToMedusaError(httpError("notfound", 404, "No such payment")).type).toBe(MedusaError.Types.NOT_FOUND)
  })

  it.each([
    ["forbidden", 403],
    ["systemerror", 500],
    ["externalerror", 502],
  ])("turns %s into unexpected_state", (kind, status) => {
    expect(payexToMedusaError(httpError(kind, status, "x")).type).toBe(MedusaError.Types.UNEXPECTED_STATE)
  })

  it.each([
    [
      "a refused connection",
      "network",
      "ECONNREFUSED",
      undefined,
      503,
      "PayEx could not be reached; nothing was changed, try again.",
    ],
    ["PayEx's 503", "http", undefined, 503, 503, "PayEx is unavailable; nothing was changed, try again."],
    [
      "a timeout",
      "timeout",
      undefined,
      undefined,
      502,
      "PayEx did not answer in time; the request may have reached PayEx. Try again",
    ],
    [
      "a connection lost on the way",
      "network",
      "ECONNRESET",
      undefined,
      502,
      "The connection to PayEx was lost; the request may have reached PayEx. Try again",
    ],
    ["PayEx's 500", "http", undefined, 500, 502, "PayEx failed to answer the request. Try again"],
  ] as const)(
    "marks %s as an outage answered %s, saying what happened and to try again",
    (_what, code, cause, status, outage, lead) => {
      const error = payexToMedusaError(new PayexProblemError("create-capture", code, {}, status, cause))
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message.startsWith(lead)).toBe(true)
      expect(upstreamOutageStatus(error)).toBe(outage)
    },
  )

  it("keeps the outage mark when a personal number is cut out of the message", () => {
    const first = payexToMedusaError(
      new PayexProblemError("create-authorization", "timeout", {}, undefined, `for ${SSN}`),
    )
    const again = payexToMedusaError(first, [SSN])
    expect(upstreamOutageStatus(again)).toBe(502)
  })

  it("a refusal is no outage", () => {
    expect(upstreamOutageStatus(payexToMedusaError(httpError("forbidden", 403, "x")))).toBeUndefined()
    expect(upstreamOutageStatus(payexToMedusaError(httpError("inputerror", 400, "x")))).toBeUndefined()
  })

  it("keeps PayEx's problem details for the merchant", () => {
    const error = payexToMedusaError(
      httpError("inputerror", 400, "Invalid data", [{ name: "transaction.amount", description: "Too large" }]),
    )
    expect((error as any).payex).toEqual({
      status: 400,
      type: `${TYPE}inputerror`,
      title: "inputerror",
      detail: "Invalid data",
      problems: [{ name: "transaction.amount", description: "Too large" }],
    })
  })

  it("cuts a personal number PayEx echoed in detail and problems out of the error", () => {
    const error = payexToMedusaError(
      httpError("inputerror", 400, `socialSecurityNumber ${SSN} is not valid`, [
        { name: "consumer.socialSecurityNumber", description: `196003071161 and 6003071161 are unknown, ${SSN}` },
      ]),
      SECRETS,
    )
    const everything = JSON.stringify({ message: error.message, payex: (error as any).payex })
    for (const s of SECRETS) expect(everything).not.toContain(s)
    expect(everything).not.toMatch(/1161/)
    expect(error.message).toContain("socialSecurityNumber [personal number] is not valid")
    expect((error as any).payex.problems[0]).toEqual({
      name: "consumer.socialSecurityNumber",
      description: "[personal number] and [personal number] are unknown, [personal number]",
    })
  })

  it("scrubs a MedusaError and keeps its type; returns it unchanged when there is nothing to scrub", () => {
    const original = new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `PayEx did not complete the authorization (Failed: ${SSN} rejected)`,
    )
    const scrubbed = payexToMedusaError(original, SECRETS)
    expect(scrubbed).not.toBe(original)
    expect(scrubbed.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(scrubbed.message).toBe("PayEx did not complete the authorization (Failed: [personal number] rejected)")
    const clean = new MedusaError(MedusaError.Types.INVALID_DATA, "msisdn: must be a mobile number")
    expect(payexToMedusaError(clean, SECRETS)).toBe(clean)
  })

  it("wraps anything else as unexpected_state, scrubbed", () => {
    const error = payexToMedusaError(new TypeError(`cannot read ${SSN}`), SECRETS)
    expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(error.message).toBe("PayEx request failed: cannot read [personal number]")
    expect(payexToMedusaError("boom").message).toBe("PayEx request failed: boom")
  })
})

describe("scrub", () => {
  it("replaces every occurrence of every secret", () => {
    expect(scrub("a 1234 b 1234 c 5678", ["1234", "5678"])).toBe(
      "a [personal number] b [personal number] c [personal number]",
    )
  })

  it("ignores empty and very short secrets (they would cut ordinary text)", () => {
    expect(scrub("status 400 for 12", ["", "12", "400"])).toBe("status 400 for 12")
  })
})

describe("scrubbing every field of a PayEx problem, in every spelling", () => {
  // What helper B's parser passes for 600307-1161 (session-actions.ts: 10 or 12 digits; -, + or none).
  const SPELLINGS = ["600307-1161", "6003071161", "196003071161", "600307+1161", "19600307-1161"]
  const ECHOES = [
    "600307-1161",
    "600307+1161",
    "6003071161",
    "196003071161",
    "19600307-1161",
    "19600307+1161",
    "600307 1161",
    "19 600307-1161",
    "6003 0711 61",
  ]

  it.each(ECHOES)("cuts %s out of type, title, detail and every problem's name and description", (echo) => {
    const error = payexToMedusaError(
      new PayexProblemError(
        "create-authorization",
        "http",
        {
          type: `${TYPE}inputerror/${echo}`,
          title: `Bad person ${echo}`,
          status: 400,
          detail: `socialSecurityNumber ${echo} is not valid`,
          problems: [{ name: `consumer[${echo}]`, description: `unknown: ${echo}.` }],
        },
        400,
      ),
      SPELLINGS,
    )
    const payex = (error as any).payex
    const everything = JSON.stringify({ message: error.message, payex })
    expect(everything).not.toMatch(/1161|0307/)
    expect(payex.title).toBe("Bad person [personal number]")
    expect(payex.detail).toBe("socialSecurityNumber [personal number] is not valid")
    expect(payex.type).toBe(`${TYPE}inputerror/[personal number]`)
    expect(payex.problems).toEqual([
      { name: "consumer[[personal number]]", description: "unknown: [personal number]." },
    ])
  })

  it("cuts a spelling the caller did not list, from the last 10 digits of one it did", () => {
    expect(scrub("echo 19600307 1161 and 600307-1161", ["6003071161"])).toBe(
      "echo [personal number] and [personal number]",
    )
  })

  it("leaves amounts and other numbers alone", () => {
    expect(scrub("amount 24899 of payment 1234567890 at 2500", SPELLINGS)).toBe(
      "amount 24899 of payment 1234567890 at 2500",
    )
  })

  it("scrubs the payex details of a MedusaError passed through again", () => {
    const first = payexToMedusaError(
      new PayexProblemError(
        "create-authorization",
        "http",
        { type: `${TYPE}inputerror`, title: "x", detail: "6003071161" },
        400,
      ),
    )
    const again = payexToMedusaError(first, SPELLINGS)
    expect(JSON.stringify({ m: again.message, p: (again as any).payex })).not.toMatch(/1161/)
  })
})
