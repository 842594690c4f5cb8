import { upstreamOutageStatus } from "../../lib/http/upstream-outage"
import { getHttpResponseFromError } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { FetchError } from "@medusajs/js-sdk"
import {
  TOO_MANY_AUTHORIZATIONS_MESSAGE,
  TOO_MANY_FROM_CLIENT_MESSAGE,
  TOO_MANY_LOOKUPS_MESSAGE,
} from "../../api/store/payex/limits"
import { loadPayexSession } from "../../api/store/payex/payex-session"
import { StorePayexAuthorize, StorePayexLegalAddress } from "../../api/store/payex/store-payex-validators"
import { strictJsonBody, validateStrictBody } from "../../api/store/payex/strict-body"
import { PayexProblemError } from "../../lib/payex"
import { payexToMedusaError } from "../../lib/payex-invoice/medusa-errors"
import { NO_LEGAL_ADDRESS_MESSAGE, runSessionAction } from "../../lib/payex-invoice/session-actions"
import { describePayexError, PAYEX_ERROR_MESSAGES, payexErrorKind, payexErrorMessage } from ".."

const SSN = "600307-1161"
const SESSION_DATA = { currency_code: "sek", payex_payment_id: "/psp/invoice/payments/0000", session_id: "payses_1" }
const TYPE = "https://api.payex.com/psp/errordetail/invoice/"

/** What the sdk throws for a MedusaError a route threw: Medusa's own status and body mapping, then FetchError. */
/** What the storefront's fetch throws for `error`: the plugin's error handler for an outage, else Medusa's. */
function asFetchError(error: unknown): FetchError {
  const outage = upstreamOutageStatus(error)
  if (outage) return new FetchError((error as MedusaError).message, "", outage)
  const { statusCode, body } = getHttpResponseFromError(error as MedusaError)
  return new FetchError(body.message as string, "", statusCode)
}

/** The sdk's error for a 429 the routes answer themselves (limits.ts refuseTooMany). */
const tooMany = (message: string) => new FetchError(message, "Too Many Requests", 429)

async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run()
  } catch (e) {
    return e
  }
  throw new Error("expected a throw")
}

/** The 400 strict-body.ts answers for a body (the routes' own validator middleware). */
async function bodyRefusal(schema: typeof StorePayexAuthorize, body: unknown): Promise<unknown> {
  let error: unknown
  await validateStrictBody(schema)({ body } as any, {} as any, (e?: unknown) => void (error = e))
  return error
}

const fakePayex = (payment: unknown, perform?: unknown) => ({
  getPayment: async () => payment,
  perform: async () => perform,
  // no authorization an earlier attempt made (an authorize that fails reads them)
  listTransactionsOf: async () => [],
})

describe("describePayexError against the routes' real answers", () => {
  it("too_many_attempts for each of the three caps; the lookup cap lets the shopper type the address", () => {
    expect(describePayexError(tooMany(TOO_MANY_LOOKUPS_MESSAGE))).toMatchObject({
      kind: "too_many_attempts",
      enterAddressInstead: true,
      status: 429,
    })
    expect(describePayexError(tooMany(TOO_MANY_AUTHORIZATIONS_MESSAGE))).toMatchObject({
      kind: "too_many_attempts",
      enterAddressInstead: false,
    })
    expect(describePayexError(tooMany(TOO_MANY_FROM_CLIENT_MESSAGE))).toMatchObject({
      kind: "too_many_attempts",
      enterAddressInstead: false,
    })
  })

  it("credit_not_approved for PayEx's creditnotapproved and for an authorization PayEx did not complete", async () => {
    const refusal = payexToMedusaError(
      new PayexProblemError(
        "create-authorization",
        "http",
        { type: TYPE + "creditnotapproved", detail: "Credit check failed" },
        403,
      ),
      [SSN],
    )
    expect(payexErrorKind(asFetchError(refusal))).toBe("credit_not_approved")
    const operations = [{ rel: "create-authorization", href: "x", method: "POST" }]
    const failed = await thrown(() =>
      runSessionAction(
        fakePayex(
          { payment: {}, operations },
          { authorization: { transaction: { state: "Failed", failedReason: "Declined" } } },
        ) as any,
        SESSION_DATA,
        {
          type: "authorize",
          social_security_number: SSN,
          msisdn: "+46739000001",
          ip: "127.0.0.1",
          legal_address: { addressee: "A", zip_code: "19792", city: "Bro", country_code: "SE" },
        },
      ),
    )
    expect(describePayexError(asFetchError(failed))).toMatchObject({ kind: "credit_not_approved", status: 400 })
  })

  it("invalid_personal_number for a failed check digit (SE, NO, FI) and for a personal number of the wrong JSON type", async () => {
    for (const [currency, ssn] of [
      ["sek", "600307-1162"],
      ["nok", "26026708249"],
      ["eur", "131052-308U"],
    ]) {
      const error = await thrown(() =>
        runSessionAction(
          {} as any,
          { ...SESSION_DATA, currency_code: currency },
          { type: "authorize", social_security_number: ssn, msisdn: "x", ip: "" },
        ),
      )
      expect(describePayexError(asFetchError(error))).toMatchObject({
        kind: "invalid_personal_number",
        field: "social_security_number",
      })
    }
    const wrongType = await bodyRefusal(StorePayexLegalAddress as any, {
      payment_session_id: "payses_1",
      social_security_number: 196003071161,
      zip_code: "19792",
    })
    expect((wrongType as Error).message).toBe("social_security_number: must be a string")
    expect(payexErrorKind(asFetchError(wrongType))).toBe("invalid_personal_number")
  })

  it("no_legal_address for the one answer to an unknown person or a postal code that does not match", () => {
    const error = asFetchError(new MedusaError(MedusaError.Types.INVALID_DATA, NO_LEGAL_ADDRESS_MESSAGE))
    expect(error.status).toBe(400)
    expect(describePayexError(error)).toMatchObject({ kind: "no_legal_address", enterAddressInstead: true })
  })

  it("invalid_input naming the field for a bad postal code, mobile number, missing field or address", async () => {
    const zip = await thrown(() =>
      runSessionAction({} as any, SESSION_DATA, {
        type: "legal-address",
        social_security_number: SSN,
        zip_code: "1979",
      }),
    )
    expect(describePayexError(asFetchError(zip))).toMatchObject({ kind: "invalid_input", field: "zip_code" })
    const msisdn = await thrown(() =>
      runSessionAction({} as any, SESSION_DATA, {
        type: "authorize",
        social_security_number: SSN,
        msisdn: "08-123",
        ip: "",
      }),
    )
    expect(describePayexError(asFetchError(msisdn))).toMatchObject({ kind: "invalid_input", field: "msisdn" })
    const noAddress = await thrown(() =>
      runSessionAction(
        {} as any,
        { ...SESSION_DATA, currency_code: "nok" },
        { type: "authorize", social_security_number: "26026708248", msisdn: "+4791234567", ip: "" },
      ),
    )
    expect(describePayexError(asFetchError(noAddress))).toMatchObject({ kind: "invalid_input", field: "legal_address" })
    const missing = await bodyRefusal(StorePayexAuthorize, {
      payment_session_id: "payses_1",
      social_security_number: SSN,
    })
    expect(describePayexError(asFetchError(missing))).toMatchObject({ kind: "invalid_input", field: "msisdn" })
    const refused = payexToMedusaError(
      new PayexProblemError(
        "create-authorization",
        "http",
        { type: TYPE + "inputerror", problems: [{ name: "consumer.msisdn", description: "bad" }] },
        400,
      ),
    )
    const refusedDescription = describePayexError(asFetchError(refused))
    expect(refusedDescription.kind).toBe("invalid_input")
    expect(refusedDescription.field).toBeUndefined() // PayEx's field names are not the form's
  })

  it("invalid_input for a body that is not JSON", async () => {
    let error: unknown
    const req: any = { is: () => false, headers: {} }
    await strictJsonBody()(req, {} as any, (e?: unknown) => void (error = e))
    expect(payexErrorKind(asFetchError(error))).toBe("invalid_input")
  })

  it("unavailable when PayEx cannot be reached or fails, when a proxy answers 502-504, and when fetch itself fails", () => {
    const network = payexToMedusaError(
      new PayexProblemError("create-authorization", "network", {}, undefined, "ECONNRESET"),
    )
    expect(network.message).toMatch(/^The connection to PayEx was lost/)
    expect(describePayexError(asFetchError(network))).toMatchObject({ kind: "unavailable", status: 502 })
    const payex500 = payexToMedusaError(
      new PayexProblemError("create-authorization", "http", { type: TYPE + "systemerror" }, 500),
    )
    expect(payexErrorKind(asFetchError(payex500))).toBe("unavailable")
    expect(payexErrorKind(new FetchError("Bad Gateway", "Bad Gateway", 502))).toBe("unavailable")
    expect(payexErrorKind(new TypeError("fetch failed"))).toBe("unavailable")
  })

  it("unknown for a session that is gone or finished at PayEx (the page needs a new payment session)", async () => {
    const scope: any = { resolve: () => ({ retrievePaymentSession: async () => Promise.reject(new Error("nope")) }) }
    const gone = await thrown(() => loadPayexSession(scope, "payses_gone"))
    expect(describePayexError(asFetchError(gone))).toMatchObject({ kind: "unknown", status: 404 })
    const over = await thrown(() =>
      runSessionAction(fakePayex({ payment: { state: "Failed" }, operations: [] }) as any, SESSION_DATA, {
        type: "authorize",
        social_security_number: SSN,
        msisdn: "+46739000001",
        ip: "",
        legal_address: { addressee: "A", zip_code: "19792", city: "Bro", country_code: "SE" },
      }),
    )
    expect((over as Error).message).toMatch(/^This PayEx payment can no longer be authorized/)
    expect(payexErrorKind(asFetchError(over))).toBe("unknown")
    const used = asFetchError(
      new MedusaError(MedusaError.Types.NOT_ALLOWED, "payment_session_id: the payment session is already authorized"),
    )
    expect(payexErrorKind(used)).toBe("unknown")
    expect(payexErrorKind("a string")).toBe("unknown")
    expect(payexErrorKind(new FetchError("Unauthorized", "Unauthorized", 401))).toBe("unknown")
  })

  it("answers the storefront's own message for the kind, never anything from the error", () => {
    const echo = new FetchError(`social_security_number: ${SSN} is not valid`, "", 400)
    expect(payexErrorMessage(echo)).toBe(PAYEX_ERROR_MESSAGES.invalid_personal_number)
    for (const message of Object.values(PAYEX_ERROR_MESSAGES)) expect(message).not.toMatch(/\d{4}/)
    expect(JSON.stringify(describePayexError(echo))).not.toContain("600307")
  })
})
