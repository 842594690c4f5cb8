import Medusa, { FetchError } from "@medusajs/js-sdk"
import {
  authorizePayexInvoice,
  describePayexError,
  lookUpLegalAddress,
  payerCompanySessionData,
  payexInvoiceSessionData,
  StorefrontSdk,
} from ".."

const SSN = "600307-1161"
const SESSION = "payses_01JTEST"
const LEGAL = {
  addressee: "Sven Svensson",
  co_address: null,
  street_address: "Gatan 1",
  zip_code: "19792",
  city: "Bro",
  country_code: "SE",
}

/** A stand-in for `new Medusa(...)`: records every client.fetch call and answers from `answers`. */
function fakeSdk(answers: unknown[] = []) {
  const calls: Array<{ input: string; init: any }> = []
  const sdk: StorefrontSdk = {
    client: {
      fetch: (async (input: string, init?: any) => {
        calls.push({ input, init })
        const answer = answers.shift()
        if (answer instanceof Error) throw answer
        return answer
      }) as StorefrontSdk["client"]["fetch"],
    },
  }
  return { sdk, calls }
}

/** Everything of a call except its body, where the personal number must not appear. */
function outsideBody(call: { input: string; init: any }) {
  const { body: _body, ...rest } = call.init ?? {}
  return JSON.stringify({ input: call.input, rest })
}

const digits = (s: string) => s.replace(/\D/g, "")

describe("lookUpLegalAddress", () => {
  it("POSTs the session, personal number and postal code to /store/payex/legal-address and answers the address", async () => {
    const { sdk, calls } = fakeSdk([{ legal_address: LEGAL }])
    const address = await lookUpLegalAddress(sdk, {
      paymentSessionId: SESSION,
      socialSecurityNumber: SSN,
      zipCode: "197 92",
    })
    expect(address).toEqual(LEGAL)
    expect(calls).toEqual([
      {
        input: "/store/payex/legal-address",
        init: {
          method: "POST",
          body: { payment_session_id: SESSION, social_security_number: SSN, zip_code: "197 92" },
        },
      },
    ])
    expect(outsideBody(calls[0])).not.toContain(digits(SSN).slice(0, 6))
    expect(calls[0].init.query).toBeUndefined()
  })

  it("passes extra headers through, without the personal number in them", async () => {
    const { sdk, calls } = fakeSdk([{ legal_address: LEGAL }])
    await lookUpLegalAddress(
      sdk,
      { paymentSessionId: SESSION, socialSecurityNumber: SSN, zipCode: "19792" },
      { headers: { authorization: "Bearer t" } },
    )
    expect(calls[0].init.headers).toEqual({ authorization: "Bearer t" })
    expect(outsideBody(calls[0])).not.toContain(digits(SSN).slice(0, 6))
  })

  it("lets the sdk's error through unchanged, for describePayexError", async () => {
    const refusal = new FetchError(
      "Too many address lookups for this checkout; enter your address or choose another payment method.",
      "Too Many Requests",
      429,
    )
    const { sdk } = fakeSdk([refusal])
    const error = await lookUpLegalAddress(sdk, {
      paymentSessionId: SESSION,
      socialSecurityNumber: SSN,
      zipCode: "19792",
    }).catch((e) => e)
    expect(error).toBe(refusal)
    expect(describePayexError(error)).toMatchObject({ kind: "too_many_attempts", enterAddressInstead: true })
  })
})

describe("authorizePayexInvoice", () => {
  it("POSTs only the fields the route takes to /store/payex/authorize (Sweden: the looked-up address stays on the server)", async () => {
    const { sdk, calls } = fakeSdk([{ status: "authorized" }])
    const res = await authorizePayexInvoice(sdk, {
      paymentSessionId: SESSION,
      socialSecurityNumber: SSN,
      msisdn: "070-123 45 67",
      email: " sven@example.com ",
    })
    expect(res).toEqual({ status: "authorized" })
    expect(calls).toEqual([
      {
        input: "/store/payex/authorize",
        init: {
          method: "POST",
          body: {
            payment_session_id: SESSION,
            social_security_number: SSN,
            msisdn: "070-123 45 67",
            email: "sven@example.com",
          },
        },
      },
    ])
    expect(outsideBody(calls[0])).not.toContain(digits(SSN).slice(0, 6))
  })

  it("sends a typed legal and billing address (Norway, Finland) and leaves empty optional fields out", async () => {
    const { sdk, calls } = fakeSdk([{ status: "authorized" }])
    const oslo = {
      addressee: "Ola Nordmann",
      co_address: "",
      street_address: "Gate 1",
      zip_code: "0150",
      city: "Oslo",
      country_code: "NO",
    }
    await authorizePayexInvoice(sdk, {
      paymentSessionId: SESSION,
      socialSecurityNumber: "01010150000",
      msisdn: "+4791234567",
      email: "",
      legalAddress: oslo,
      billingAddress: { ...oslo, street_address: null, co_address: "c/o Kari" },
    })
    expect(calls[0].init.body).toEqual({
      payment_session_id: SESSION,
      social_security_number: "01010150000",
      msisdn: "+4791234567",
      legal_address: {
        addressee: "Ola Nordmann",
        street_address: "Gate 1",
        zip_code: "0150",
        city: "Oslo",
        country_code: "NO",
      },
      billing_address: {
        addressee: "Ola Nordmann",
        co_address: "c/o Kari",
        zip_code: "0150",
        city: "Oslo",
        country_code: "NO",
      },
    })
    expect(outsideBody(calls[0])).not.toContain("0101015")
  })
})

describe("the personal number outside the two routes", () => {
  it("has no place in either provider's session data", () => {
    expect(payexInvoiceSessionData("Mozilla/5.0")).toEqual({ user_agent: "Mozilla/5.0" })
    expect(payexInvoiceSessionData(undefined)).toEqual({})
    const payer = payerCompanySessionData({ companyName: "Ekbacken AB", orgNumber: "5560360793", email: "f@e.se" })
    expect(Object.keys(payer).sort()).toEqual(["company_name", "email", "org_number"])
  })
})

describe("with the real js-sdk client", () => {
  const realFetch = globalThis.fetch
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  function medusa(status: number, answer: unknown) {
    const requests: Request[] = []
    globalThis.fetch = (async (input: URL, init: RequestInit) => {
      requests.push(new Request(input, init))
      return new Response(JSON.stringify(answer), { status, headers: { "content-type": "application/json" } })
    }) as typeof fetch
    return { sdk: new Medusa({ baseUrl: "http://medusa.test", publishableKey: "pk_test" }), requests }
  }

  it("sends the publishable key and a JSON body to the backend's route", async () => {
    const { sdk, requests } = medusa(200, { legal_address: LEGAL })
    await expect(
      lookUpLegalAddress(sdk, { paymentSessionId: SESSION, socialSecurityNumber: SSN, zipCode: "19792" }),
    ).resolves.toEqual(LEGAL)
    const [req] = requests
    expect(req.url).toBe("http://medusa.test/store/payex/legal-address")
    expect(req.method).toBe("POST")
    expect(req.headers.get("x-publishable-api-key")).toBe("pk_test")
    expect(req.headers.get("content-type")).toBe("application/json")
    expect(await req.json()).toEqual({ payment_session_id: SESSION, social_security_number: SSN, zip_code: "19792" })
    expect(req.url).not.toContain(digits(SSN).slice(0, 6))
    expect(JSON.stringify([...req.headers.entries()])).not.toContain(digits(SSN).slice(0, 6))
  })

  it("turns the route's refusal into a FetchError that describePayexError classifies", async () => {
    const { sdk } = medusa(400, {
      type: "not_allowed",
      message:
        "PayEx did not approve credit for this shopper; choose another payment method. PayEx create-authorization failed (403): x",
    })
    const error = await authorizePayexInvoice(sdk, {
      paymentSessionId: SESSION,
      socialSecurityNumber: SSN,
      msisdn: "+46739000001",
    }).catch((e) => e)
    expect(error).toBeInstanceOf(FetchError)
    expect(error.status).toBe(400)
    expect(describePayexError(error).kind).toBe("credit_not_approved")
  })
})

describe("the bodies against the routes' own validators", () => {
  // The routes refuse unknown fields and wrong types (strict-body.ts): every body the helper builds must pass.
  it("passes StorePayexLegalAddress and StorePayexAuthorize (strict)", async () => {
    const { StorePayexAuthorize, StorePayexLegalAddress } = await import("../../api/store/payex/store-payex-validators")
    const { sdk, calls } = fakeSdk([{ legal_address: LEGAL }, { status: "authorized" }, { status: "authorized" }])
    await lookUpLegalAddress(sdk, { paymentSessionId: SESSION, socialSecurityNumber: SSN, zipCode: "19792" })
    await authorizePayexInvoice(sdk, { paymentSessionId: SESSION, socialSecurityNumber: SSN, msisdn: "+46739000001" })
    await authorizePayexInvoice(sdk, {
      paymentSessionId: SESSION,
      socialSecurityNumber: SSN,
      msisdn: "+46739000001",
      email: "sven@example.com",
      legalAddress: LEGAL,
      billingAddress: { ...LEGAL, co_address: "c/o Anna" },
    })
    expect(StorePayexLegalAddress.strict().safeParse(calls[0].init.body).success).toBe(true)
    expect(StorePayexAuthorize.strict().safeParse(calls[1].init.body).success).toBe(true)
    expect(StorePayexAuthorize.strict().safeParse(calls[2].init.body).success).toBe(true)
  })
})
