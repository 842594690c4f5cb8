import { MedusaError } from "@medusajs/framework/utils"
import nock from "nock"
import {
  BASE,
  makeClient,
  PAYMENT_ID,
  paymentResponse,
  problem,
  PROBLEM_HEADERS,
  setupNock,
  transaction,
  watchUnmatched,
} from "../../payex/__tests__/helpers"
import {
  NO_LEGAL_ADDRESS_MESSAGE,
  parsePersonalNumber,
  personalNumberSpellings,
  prepareSessionAction,
  runSessionAction,
} from "../session-actions"
import type { PayexAddressInput, PayexSessionAction, PayexSessionData } from "../payex-session-data"

setupNock()

const SE_SSN = "600307-1161"
const SE_SPELLINGS = ["600307-1161", "6003071161", "196003071161", "19600307-1161", "600307"]
const NO_SSN = "26026708248"
const FI_SSN = "131052-308T"

const session = (currency = "sek", overrides: Partial<PayexSessionData> = {}): PayexSessionData => ({
  session_id: "payses_01JQ3ZK8V6X9T2M4N5P7R8S9TB",
  payex_payment_id: PAYMENT_ID,
  payex_payment_number: 1234567890,
  currency_code: currency,
  amount_minor: 24899,
  capture_on: "fulfillment",
  ...overrides,
})

const SE_ADDRESS: PayexAddressInput = {
  addressee: "Leo Andersson",
  co_address: null,
  street_address: "Helgestavägen 9",
  zip_code: "19792",
  city: "Bro",
  country_code: "se",
}

const authorize = (
  overrides: Partial<Extract<PayexSessionAction, { type: "authorize" }>> = {},
): PayexSessionAction => ({
  type: "authorize",
  social_security_number: SE_SSN,
  msisdn: "+46739000001",
  email: "leo@example.com",
  ip: "203.0.113.7",
  legal_address: SE_ADDRESS,
  ...overrides,
})

const PAYMENT_OPS = ["update-payment-abort", "create-authorization", "create-approved-legal-address"]

/** The GET of the payment every action starts with. */
const mockPayment = (rels = PAYMENT_OPS) => nock(BASE).get(PAYMENT_ID).reply(200, paymentResponse({}, rels))

const approvedAddress = {
  id: `${PAYMENT_ID}/approvedlegaladdress`,
  addressee: "Leo Andersson",
  coAddress: "",
  streetAddress: "Helgestavägen 9",
  zipCode: "19792",
  city: "Bro",
  countryCode: "SE",
}

/** Runs an action that must fail before PayEx is asked anything. */
async function refusedWithoutHttp(data: PayexSessionData, action: PayexSessionAction): Promise<MedusaError> {
  const { client, debug } = makeClient()
  const unmatched = watchUnmatched()
  try {
    const error = await runSessionAction(client, data, action).then(
      () => {
        throw new Error("expected the action to be refused")
      },
      (e) => e,
    )
    expect(error).toBeInstanceOf(MedusaError)
    return error
  } finally {
    unmatched.stop()
    expect(unmatched.seen).toEqual([])
    expect(debug).toEqual([])
  }
}

function expectNoPersonalNumber(value: unknown, spellings: string[]) {
  const text = typeof value === "string" ? value : JSON.stringify(value)
  for (const s of spellings) expect(text).not.toContain(s)
}

describe("parsePersonalNumber", () => {
  it.each([
    ["600307-1161", "196003071161", "600307-1161"],
    ["6003071161", "196003071161", "600307-1161"],
    ["199710202392", "199710202392", "971020-2392"],
    ["19971020-2392", "199710202392", "971020-2392"],
    [" 971020-2392 ", "199710202392", "971020-2392"],
  ])("reads the Swedish number %p in the forms PayEx wants", (input, forLegalAddress, forAuthorization) => {
    expect(parsePersonalNumber(input, "SE")).toMatchObject({ forLegalAddress, forAuthorization })
  })

  it("reads Norwegian and Finnish numbers", () => {
    expect(parsePersonalNumber(NO_SSN, "NO")).toMatchObject({ forLegalAddress: NO_SSN, forAuthorization: NO_SSN })
    expect(parsePersonalNumber("260267 08248", "NO")).toMatchObject({ forAuthorization: NO_SSN })
    expect(parsePersonalNumber("131052-308t", "FI")).toMatchObject({
      forLegalAddress: FI_SSN,
      forAuthorization: FI_SSN,
    })
  })

  it("lists every spelling PayEx could echo back, so they can be scrubbed", () => {
    const { spellings, forLegalAddress, forAuthorization } = parsePersonalNumber("600307-1161", "SE")
    expect(spellings).toEqual(
      expect.arrayContaining(["600307-1161", "6003071161", "196003071161", forLegalAddress, forAuthorization]),
    )
  })

  // 10 or 12 digits, with "-", "+", a space or no separator, whatever form the shopper typed.
  const SWEDISH_FORMS = [
    "196003071161",
    "19600307-1161",
    "19600307+1161",
    "19600307 1161",
    "6003071161",
    "600307-1161",
    "600307+1161",
    "600307 1161",
  ]
  it.each(["196003071161", "19600307-1161", "6003071161", "600307-1161", " 600307-1161 "])(
    "lists every Swedish spelling whichever form the shopper typed (%p)",
    (typed) => {
      expect(parsePersonalNumber(typed, "SE").spellings).toEqual(expect.arrayContaining(SWEDISH_FORMS))
    },
  )

  it("lists the spellings of someone over 100 (YYMMDD+NNNN) and of a coordination number", () => {
    expect(parsePersonalNumber("121212+1212", "SE").spellings).toEqual(
      expect.arrayContaining(["121212+1212", "121212-1212", "1212121212", "191212121212", "19121212-1212"]),
    )
    // Samordningsnummer: day + 60.
    const coordination = parsePersonalNumber("701063-2391", "SE").spellings
    expect(coordination).toEqual(
      expect.arrayContaining(["7010632391", "701063-2391", "701063+2391", "197010632391", "19701063-2391"]),
    )
  })

  it("lists the Norwegian and Finnish spellings", () => {
    expect(parsePersonalNumber("26026708248", "NO").spellings).toEqual(
      expect.arrayContaining(["26026708248", "260267-08248", "260267+08248", "260267 08248"]),
    )
    expect(parsePersonalNumber("131052-308t", "FI").spellings).toEqual(
      expect.arrayContaining([
        "131052-308T",
        "131052-308t",
        "131052A308T",
        "131052+308T",
        "131052308T",
        "131052 308T",
        "131052-308T".toLowerCase(),
      ]),
    )
  })

  it("every spelling of a number PayEx echoes is cut from its error, whichever form was typed", () => {
    for (const typed of ["600307-1161", "196003071161"]) {
      const { spellings } = parsePersonalNumber(typed, "SE")
      for (const echoed of SWEDISH_FORMS) expect(spellings).toContain(echoed)
    }
    expect(personalNumberSpellings("", "SE", "196003071161")).not.toContain("")
  })

  it.each<[string, unknown, string]>([
    [
      "SE",
      "600307-1162",
      "social_security_number: not a valid Swedish personal identity number (YYMMDD-NNNN or YYYYMMDDNNNN)",
    ], // Luhn
    [
      "SE",
      "601307-1161",
      "social_security_number: not a valid Swedish personal identity number (YYMMDD-NNNN or YYYYMMDDNNNN)",
    ], // month 13
    [
      "SE",
      NO_SSN,
      "social_security_number: not a valid Swedish personal identity number (YYMMDD-NNNN or YYYYMMDDNNNN)",
    ],
    ["NO", "26026708249", "social_security_number: not a valid Norwegian national identity number (11 digits)"], // mod 11
    ["NO", SE_SSN, "social_security_number: not a valid Norwegian national identity number (11 digits)"],
    ["FI", "131052-308U", "social_security_number: not a valid Finnish personal identity code (DDMMYYCZZZQ)"],
    ["FI", SE_SSN, "social_security_number: not a valid Finnish personal identity code (DDMMYYCZZZQ)"],
    ["SE", "", "social_security_number: not a valid Swedish personal identity number (YYMMDD-NNNN or YYYYMMDDNNNN)"],
    [
      "SE",
      6003071161,
      "social_security_number: not a valid Swedish personal identity number (YYMMDD-NNNN or YYYYMMDDNNNN)",
    ],
    ["NO", undefined, "social_security_number: not a valid Norwegian national identity number (11 digits)"],
  ])("refuses for %s the number %p as invalid_data without echoing it", (country, input, message) => {
    let error: MedusaError | undefined
    try {
      parsePersonalNumber(input, country)
    } catch (e) {
      error = e as MedusaError
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect(error!.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error!.message).toBe(message)
    if (typeof input === "string" && input) expect(error!.message).not.toContain(input)
  })
})

describe("runSessionAction: checks before any HTTP call", () => {
  it("refuses a session without a PayEx payment or with a currency PayEx does not serve", async () => {
    for (const data of [
      session("sek", { payex_payment_id: undefined }),
      session("usd"),
      session("sek", { currency_code: undefined }),
    ]) {
      const error = await refusedWithoutHttp(data, {
        type: "legal-address",
        social_security_number: SE_SSN,
        zip_code: "19792",
      })
      expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
      expect(error.message).toBe(
        "payment_session_id: this session has no PayEx payment; create the payment session again",
      )
    }
  })

  it.each([
    ["sek", "600307-1162"],
    ["sek", "26026708248"],
    ["nok", "26026708249"],
    ["eur", "131052-308U"],
  ])("validates the personal number of a %s payment (%s) before PayEx sees it", async (currency, ssn) => {
    for (const action of [
      { type: "legal-address", social_security_number: ssn, zip_code: "19792" } as PayexSessionAction,
      authorize({ social_security_number: ssn }),
    ]) {
      const error = await refusedWithoutHttp(session(currency), action)
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/^social_security_number: not a valid /)
      expect(error.message).not.toContain(ssn)
    }
  })

  it("refuses a bad zip code for the legal address", async () => {
    for (const zip of ["1979", "197922", "abcde", undefined]) {
      const error = await refusedWithoutHttp(session(), {
        type: "legal-address",
        social_security_number: SE_SSN,
        zip_code: zip as any,
      })
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toBe("zip_code: must be a Swedish postal code of 5 digits")
    }
  })

  it("offers the approved legal address in Sweden only", async () => {
    const error = await refusedWithoutHttp(session("nok"), {
      type: "legal-address",
      social_security_number: NO_SSN,
      zip_code: "0150",
    })
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toBe(
      "PayEx offers the approved legal address in Sweden only; send legal_address with the authorization instead",
    )
  })

  it.each<[string, Partial<Extract<PayexSessionAction, { type: "authorize" }>>, string]>([
    ["a missing mobile number", { msisdn: undefined as any }, "msisdn: must be a mobile number, e.g. +46739000001"],
    ["a landline", { msisdn: "08-123 456 78" }, "msisdn: must be a mobile number, e.g. +46739000001"],
    [
      "a mobile number of another country",
      { msisdn: "+15551234567" },
      "msisdn: must be a mobile number, e.g. +46739000001",
    ],
    ["a bad e-mail", { email: "leo@" }, "email: is not a valid e-mail address"],
    ["no legal address", { legal_address: undefined }, "legal_address: is required"],
    [
      "a legal address without addressee",
      { legal_address: { ...SE_ADDRESS, addressee: " " } },
      "legal_address.addressee: is required",
    ],
    [
      "a legal address without zip code",
      { legal_address: { ...SE_ADDRESS, zip_code: "" } },
      "legal_address.zip_code: is required",
    ],
    [
      "a legal address without city",
      { legal_address: { ...SE_ADDRESS, city: undefined as any } },
      "legal_address.city: is required",
    ],
    [
      "a legal address without country",
      { legal_address: { ...SE_ADDRESS, country_code: "" } },
      "legal_address.country_code: is required",
    ],
    [
      "a legal address in another country",
      { legal_address: { ...SE_ADDRESS, country_code: "NO" } },
      "legal_address.country_code: must be SE for a payment in this currency",
    ],
    [
      "a billing address without city",
      { billing_address: { ...SE_ADDRESS, city: "" } },
      "billing_address.city: is required",
    ],
  ])("refuses %s as invalid_data naming the field", async (_what, override, message) => {
    const error = await refusedWithoutHttp(session(), authorize(override))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toBe(message)
    expectNoPersonalNumber(error.message, SE_SPELLINGS)
  })

  it("requires a Norwegian legal address for a NOK payment", async () => {
    const error = await refusedWithoutHttp(
      session("nok"),
      authorize({ social_security_number: NO_SSN, msisdn: "+4798765432", legal_address: SE_ADDRESS }),
    )
    expect(error.message).toBe("legal_address.country_code: must be NO for a payment in this currency")
  })
})

describe("prepareSessionAction: the checks the store routes run before counting an attempt", () => {
  it("returns what PayEx will be sent for a valid lookup and a valid authorization", () => {
    expect(
      prepareSessionAction(session(), { type: "legal-address", social_security_number: SE_SSN, zip_code: "197 92" }),
    ).toMatchObject({
      type: "legal-address",
      zipCode: "19792",
      ssn: { forLegalAddress: "196003071161" },
    })
    expect(prepareSessionAction(session(), authorize({ msisdn: "073-900 00 01" }))).toMatchObject({
      type: "authorize",
      msisdn: "+46739000001",
      ssn: { forAuthorization: "600307-1161" },
      legal: SE_ADDRESS,
    })
  })

  it("refuses a mistyped number or zip code without any HTTP call", () => {
    expect(() =>
      prepareSessionAction(session(), {
        type: "legal-address",
        social_security_number: "600307-1162",
        zip_code: "19792",
      }),
    ).toThrow(/^social_security_number: not a valid Swedish/)
    expect(() =>
      prepareSessionAction(session(), { type: "legal-address", social_security_number: SE_SSN, zip_code: "1979" }),
    ).toThrow(/^zip_code: /)
    expect(() => prepareSessionAction(session(), authorize({ msisdn: "08-123 456 78" }))).toThrow(/^msisdn: /)
  })
})

describe("runSessionAction: legal address", () => {
  it("asks PayEx for the approved legal address with the 12-digit number and returns it without the number", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(`${PAYMENT_ID}/approvedlegaladdress`, {
        addressee: { socialSecurityNumber: "196003071161", zipCode: "19792" },
      })
      .reply(200, { payment: PAYMENT_ID, approvedLegalAddress: approvedAddress })
    const data = await runSessionAction(client, session(), {
      type: "legal-address",
      social_security_number: SE_SSN,
      zip_code: "197 92",
    })
    expect(data).toEqual({
      ...session(),
      legal_address: {
        addressee: "Leo Andersson",
        co_address: null,
        street_address: "Helgestavägen 9",
        zip_code: "19792",
        city: "Bro",
        country_code: "SE",
      },
    })
    expectNoPersonalNumber(data, SE_SPELLINGS)
  })

  it("takes a plain legal address when PayEx answers with that", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(`${PAYMENT_ID}/approvedlegaladdress`)
      .reply(200, { payment: PAYMENT_ID, legalAddress: { ...approvedAddress, city: "Järfälla" } })
    const data = await runSessionAction(client, session(), {
      type: "legal-address",
      social_security_number: SE_SSN,
      zip_code: "19792",
    })
    expect(data.legal_address).toMatchObject({ city: "Järfälla" })
  })

  it("fails when PayEx answers without an address", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE).post(`${PAYMENT_ID}/approvedlegaladdress`).reply(200, { payment: PAYMENT_ID })
    await expect(
      runSessionAction(client, session(), { type: "legal-address", social_security_number: SE_SSN, zip_code: "19792" }),
    ).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: "PayEx answered without an approved legal address",
    })
  })

  it("keeps the personal number out of the error when PayEx echoes it", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(`${PAYMENT_ID}/approvedlegaladdress`)
      .reply(
        500,
        problem(
          "systemerror",
          "Lookup of socialSecurityNumber 196003071161 failed",
          [{ name: "addressee.socialSecurityNumber", description: "196003071161 (600307-1161) could not be read" }],
          500,
        ),
        PROBLEM_HEADERS,
      )
    const error = await runSessionAction(client, session(), {
      type: "legal-address",
      social_security_number: SE_SSN,
      zip_code: "19792",
    }).catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toContain("Lookup of socialSecurityNumber [personal number] failed")
    expectNoPersonalNumber(error.message, SE_SPELLINGS)
    expectNoPersonalNumber((error as any).payex, SE_SPELLINGS)
    expect(error.message).not.toMatch(/19\[personal number\]/)
  })

  // What the PayEx sandbox answers: an unknown person is a 404 notfound, a postal code that does not match a 400
  // inputerror. Both must read the same, or the lookup confirms that a number exists and lets its postal code be guessed.
  const unknownPerson = () =>
    nock(BASE)
      .post(`${PAYMENT_ID}/approvedlegaladdress`)
      .reply(
        404,
        problem(
          "notfound",
          "No registered address was found for the personal number",
          [
            {
              name: "addressee.socialSecurityNumber",
              description: "no registered address was found for this personal number",
            },
          ],
          404,
        ),
        PROBLEM_HEADERS,
      )
  const wrongZip = () =>
    nock(BASE)
      .post(`${PAYMENT_ID}/approvedlegaladdress`)
      .reply(
        400,
        problem("inputerror", "The zip code does not match the registered address", [
          {
            name: "addressee.zipCode",
            description: "zipCode does not match the registered address of the personal number",
          },
        ]),
        PROBLEM_HEADERS,
      )

  it("answers an unknown person and a postal code that does not match with one type and one message, and no PayEx detail", async () => {
    const seen = []
    for (const reply of [unknownPerson, wrongZip]) {
      const { client } = makeClient()
      mockPayment()
      reply()
      const error = await runSessionAction(client, session(), {
        type: "legal-address",
        social_security_number: SE_SSN,
        zip_code: "19792",
      }).catch((e) => e)
      expect(error).toBeInstanceOf(MedusaError)
      seen.push({
        type: error.type,
        message: error.message,
        payex: (error as any).payex,
        keys: Object.keys(error).sort(),
      })
    }
    expect(seen[0]).toEqual(seen[1])
    expect(seen[0]).toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: NO_LEGAL_ADDRESS_MESSAGE,
      payex: undefined,
    })
    expect(NO_LEGAL_ADDRESS_MESSAGE).not.toMatch(/zip|postnummer|not found|registered/i)
  })

  it("keeps other PayEx failures of the lookup as they are (not a shopper's mismatch)", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(`${PAYMENT_ID}/approvedlegaladdress`)
      .reply(403, problem("forbidden", "Merchant not allowed", [], 403), PROBLEM_HEADERS)
    const error = await runSessionAction(client, session(), {
      type: "legal-address",
      social_security_number: SE_SSN,
      zip_code: "19792",
    }).catch((e) => e)
    expect(error.message).not.toBe(NO_LEGAL_ADDRESS_MESSAGE)
    expect(error.message).toContain("Merchant not allowed")
  })

  it("refuses when the payment no longer offers the legal address operation", async () => {
    const { client } = makeClient()
    mockPayment(["create-capture"])
    const error = await runSessionAction(client, session(), {
      type: "legal-address",
      social_security_number: SE_SSN,
      zip_code: "19792",
    }).catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toMatch(
      /^PayEx no longer offers the legal address for this payment \(PayEx payment state: \w+\); start the payment again or choose another payment method\.$/,
    )
  })
})

describe("runSessionAction: authorization", () => {
  const completed = (number = 77) => ({
    payment: PAYMENT_ID,
    authorization: { transaction: transaction({ number, state: "Completed" }) },
  })

  it("authorizes with the short number, an E.164 msisdn and the addresses PayEx wants", async () => {
    const { client } = makeClient()
    mockPayment()
    const billing = {
      ...SE_ADDRESS,
      addressee: "Acme AB",
      co_address: "Leo Andersson",
      street_address: "Box 1",
      zip_code: "17674",
      city: "Järfälla",
    }
    nock(BASE)
      .post(`${PAYMENT_ID}/authorizations`, {
        transaction: { activity: "FinancingConsumer" },
        consumer: {
          socialSecurityNumber: "600307-1161",
          email: "leo@example.com",
          msisdn: "+46739000001",
          ip: "203.0.113.7",
        },
        legalAddress: {
          addressee: "Leo Andersson",
          streetAddress: "Helgestavägen 9",
          zipCode: "19792",
          city: "Bro",
          countryCode: "SE",
        },
        billingAddress: {
          addressee: "Acme AB",
          coAddress: "Leo Andersson",
          streetAddress: "Box 1",
          zipCode: "17674",
          city: "Järfälla",
          countryCode: "SE",
        },
      })
      .reply(200, completed(77))
    const data = await runSessionAction(
      client,
      session(),
      authorize({ msisdn: "073-900 00 01", billing_address: billing }),
    )
    expect(data).toEqual({
      ...session(),
      legal_address: {
        addressee: "Leo Andersson",
        co_address: null,
        street_address: "Helgestavägen 9",
        zip_code: "19792",
        city: "Bro",
        country_code: "SE",
      },
      authorization_transaction_number: 77,
      payex_operations: null, // authorized: what the creation offered is spent
    })
    expectNoPersonalNumber(data, SE_SPELLINGS)
  })

  it("uses the legal address stored by the earlier legal-address step", async () => {
    const { client } = makeClient()
    mockPayment()
    const stored = {
      addressee: "Leo Andersson",
      co_address: null,
      street_address: "Helgestavägen 9",
      zip_code: "19792",
      city: "Bro",
      country_code: "SE",
    }
    nock(BASE)
      .post(
        `${PAYMENT_ID}/authorizations`,
        (body) =>
          body.legalAddress.city === "Bro" && body.billingAddress === undefined && body.consumer.email === undefined,
      )
      .reply(200, completed(78))
    const data = await runSessionAction(
      client,
      session("sek", { legal_address: stored }),
      authorize({ legal_address: undefined, email: undefined }),
    )
    expect(data.authorization_transaction_number).toBe(78)
  })

  it("authorizes a Norwegian payment with the 11-digit number", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(
        `${PAYMENT_ID}/authorizations`,
        (body) =>
          body.consumer.socialSecurityNumber === NO_SSN &&
          body.consumer.msisdn === "+4798765432" &&
          body.legalAddress.countryCode === "NO",
      )
      .reply(200, completed(79))
    const data = await runSessionAction(
      client,
      session("nok"),
      authorize({
        social_security_number: "260267 08248",
        msisdn: "987 65 432",
        legal_address: { ...SE_ADDRESS, zip_code: "0150", city: "Oslo", country_code: "NO" },
      }),
    )
    expect(data.authorization_transaction_number).toBe(79)
    expectNoPersonalNumber(data, [NO_SSN, "260267"])
  })

  it("authorizes a Finnish payment with the identity code", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(
        `${PAYMENT_ID}/authorizations`,
        (body) => body.consumer.socialSecurityNumber === FI_SSN && body.consumer.msisdn === "+358401234567",
      )
      .reply(200, completed(80))
    const data = await runSessionAction(
      client,
      session("eur"),
      authorize({
        social_security_number: "131052-308t",
        msisdn: "040 123 4567",
        legal_address: { ...SE_ADDRESS, zip_code: "00100", city: "Helsinki", country_code: "FI" },
      }),
    )
    expect(data.authorization_transaction_number).toBe(80)
    expectNoPersonalNumber(data, [FI_SSN, "131052"])
  })

  it("after a lost answer, finds the authorization PayEx made and answers as if the first attempt had succeeded", async () => {
    const { client } = makeClient({ maxRetries: 0 })
    mockPayment()
    // PayEx authorized, and the connection was lost before its answer arrived
    nock(BASE).post(`${PAYMENT_ID}/authorizations`).replyWithError("socket hang up")
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, {
        transactions: { transactionList: [transaction({ type: "Authorization", state: "Completed", number: 91 })] },
      })
    const data = await runSessionAction(client, session(), authorize())
    expect(data).toMatchObject({ authorization_transaction_number: 91, payex_operations: null })
  })

  it("a shopper's retry of an authorization PayEx already made answers authorized", async () => {
    const { client } = makeClient()
    mockPayment(["create-capture", "create-cancellation"]) // the retry reads the payment first: no authorization
    nock(BASE)
      .get(`${PAYMENT_ID}/transactions`)
      .reply(200, {
        transactions: { transactionList: [transaction({ type: "Authorization", state: "Completed", number: 92 })] },
      })
    const data = await runSessionAction(client, session(), authorize({ attempt: 2 }))
    expect(data.authorization_transaction_number).toBe(92)
  })

  it("credit not approved is PayEx's answer: the transactions are not read", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(`${PAYMENT_ID}/authorizations`)
      .reply(403, problem("creditnotapproved", "Credit not approved", [], 403), PROBLEM_HEADERS)
    const error = await runSessionAction(client, session(), authorize()).catch((e) => e)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
  })

  it("turns credit not approved into not_allowed with readable text and no personal number", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(`${PAYMENT_ID}/authorizations`)
      .reply(
        403,
        problem(
          "creditnotapproved",
          "Credit not approved for 600307-1161",
          [{ name: "consumer.socialSecurityNumber", description: "6003071161 has payment remarks" }],
          403,
        ),
        PROBLEM_HEADERS,
      )
    const error = await runSessionAction(client, session(), authorize()).catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(
      error.message.startsWith("PayEx did not approve credit for this shopper; choose another payment method."),
    ).toBe(true)
    expectNoPersonalNumber(error.message, SE_SPELLINGS)
    expectNoPersonalNumber((error as any).payex, SE_SPELLINGS)
    expect(error.message).toContain("Credit not approved for [personal number]")
  })

  it("keeps the number out when PayEx echoes the form it was sent for someone over 100 (YYMMDD+NNNN)", async () => {
    const { client } = makeClient()
    mockPayment()
    // Tolvan Tolvansson, 19121212-1212: over 100, so the short form is written with "+".
    let sent: string | undefined
    nock(BASE)
      .post(`${PAYMENT_ID}/authorizations`, (body) => {
        sent = body.consumer.socialSecurityNumber
        return true
      })
      .reply(400, (_uri, body: any) =>
        problem("inputerror", `socialSecurityNumber ${body.consumer.socialSecurityNumber} is not valid`, [
          { name: "consumer.socialSecurityNumber", description: `${body.consumer.socialSecurityNumber} is not valid` },
        ]),
      )
    const error = await runSessionAction(client, session(), authorize({ social_security_number: "121212+1212" })).catch(
      (e) => e,
    )
    expect(sent).toMatch(/^121212[-+]1212$/)
    expect(error).toBeInstanceOf(MedusaError)
    expectNoPersonalNumber(error.message, ["121212-1212", "121212+1212", "1212121212", "191212121212"])
    expectNoPersonalNumber((error as any).payex, ["121212-1212", "121212+1212", "1212121212"])
  })

  it("refuses an authorization PayEx did not complete, scrubbing its reason", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE)
      .post(`${PAYMENT_ID}/authorizations`)
      .reply(200, {
        payment: PAYMENT_ID,
        authorization: { transaction: transaction({ state: "Failed", failedReason: "Rejected 600307-1161" }) },
      })
    const error = await runSessionAction(client, session(), authorize()).catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toBe("PayEx did not complete the authorization (Failed: Rejected [personal number])")
  })

  it("refuses an answer without a transaction", async () => {
    const { client } = makeClient()
    mockPayment()
    nock(BASE).post(`${PAYMENT_ID}/authorizations`).reply(200, { payment: PAYMENT_ID })
    await expect(runSessionAction(client, session(), authorize())).rejects.toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
      message: "PayEx did not complete the authorization (no transaction)",
    })
  })

  it("refuses when the payment does not offer create-authorization any more", async () => {
    const { client } = makeClient()
    mockPayment(["create-capture", "create-cancellation"])
    const error = await runSessionAction(client, session(), authorize()).catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toMatch(
      /^This PayEx payment can no longer be authorized \(PayEx payment state: \w+\); start the payment again or choose another payment method\.$/,
    )
  })
})
