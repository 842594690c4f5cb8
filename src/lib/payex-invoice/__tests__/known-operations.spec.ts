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
} from "../../payex/__tests__/helpers"
import { operationsToKeep } from "../known-operations"
import type { PayexSessionAction, PayexSessionData } from "../payex-session-data"
import { runSessionAction } from "../session-actions"

// Issue 10: the shopper's two actions follow the operations PayEx named at creation, one request each.
setupNock()

const op = (rel: string, path: string, method = "POST") => ({ rel, method, href: `${BASE}${PAYMENT_ID}/${path}` })
const KEPT = [
  op("create-approved-legal-address", "approvedlegaladdress"),
  op("create-authorization", "authorizations"),
  op("update-payment-abort", "", "PATCH"),
]
const session = (overrides: Partial<PayexSessionData> = {}): PayexSessionData => ({
  session_id: "payses_01JQ3ZK8V6X9T2M4N5P7R8S9TB",
  payex_payment_id: PAYMENT_ID,
  currency_code: "sek",
  amount_minor: 24899,
  payex_operations: KEPT,
  ...overrides,
})
const lookup: PayexSessionAction = { type: "legal-address", social_security_number: "600307-1161", zip_code: "19792" }
const authorize: PayexSessionAction = {
  type: "authorize",
  social_security_number: "600307-1161",
  msisdn: "+46739000001",
  ip: "203.0.113.7",
  legal_address: {
    addressee: "Leo Andersson",
    street_address: "Storgatan 1",
    zip_code: "19792",
    city: "Bro",
    country_code: "se",
  },
}
const approved = {
  approvedLegalAddress: {
    addressee: "Leo Andersson",
    streetAddress: "Storgatan 1",
    zipCode: "19792",
    city: "Bro",
    countryCode: "SE",
  },
}

describe("operationsToKeep", () => {
  it("keeps rel, method and href of the payment's own actions only", () => {
    const answer = [
      ...KEPT.map((o) => ({ ...o, contentType: "application/json" })),
      op("redirect-authorization", "redirect", "GET"),
      {
        rel: "create-authorization",
        method: "POST",
        href: `${BASE}/psp/invoice/payments/99999999-0000-0000-0000-000000000000/authorizations`,
      },
      { rel: "create-authorization", method: "POST", href: "not a url" },
      null,
    ]
    expect(operationsToKeep(PAYMENT_ID, answer)).toEqual(KEPT)
    expect(operationsToKeep(PAYMENT_ID, undefined)).toEqual([])
  })
})

describe("storefront actions with kept operations", () => {
  it("looks the address up with one request, no read of the payment", async () => {
    const { client } = makeClient()
    nock(BASE).post(`${PAYMENT_ID}/approvedlegaladdress`).reply(200, approved)
    const data = await runSessionAction(client, session(), lookup)
    expect(data.legal_address).toMatchObject({ addressee: "Leo Andersson", zip_code: "19792" })
  })

  it("authorizes with one request and forgets the creation's operations afterwards", async () => {
    const { client } = makeClient()
    nock(BASE)
      .post(`${PAYMENT_ID}/authorizations`)
      .reply(200, {
        authorization: { transaction: transaction({ type: "Authorization", state: "Completed", number: 5 }) },
      })
    const data = await runSessionAction(client, session(), authorize)
    expect(data).toMatchObject({ authorization_transaction_number: 5, payex_operations: null })
  })

  it("reads the payment when a kept operation is refused, and says what the payment's state allows", async () => {
    const { client } = makeClient()
    nock(BASE)
      .post(`${PAYMENT_ID}/authorizations`)
      .reply(
        400,
        problem("inputerror", "The operation create-authorization is not available", [], 400),
        PROBLEM_HEADERS,
      )
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Aborted" }, []))
    const error = await runSessionAction(client, session(), authorize).catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toBe(
      "This PayEx payment can no longer be authorized (PayEx payment state: Aborted); start the payment again or choose another payment method.",
    )
  })

  it("follows nothing that points at another payment, reading this one instead", async () => {
    const { client } = makeClient()
    const planted = [
      {
        rel: "create-approved-legal-address",
        method: "POST",
        href: `${BASE}/psp/invoice/payments/99999999-0000-0000-0000-000000000000/approvedlegaladdress`,
      },
    ]
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({}, ["create-approved-legal-address"]))
    nock(BASE).post(`${PAYMENT_ID}/approvedlegaladdress`).reply(200, approved)
    const data = await runSessionAction(client, session({ payex_operations: planted }), lookup)
    expect(data.legal_address).toMatchObject({ city: "Bro" })
  })

  it("reads the payment first for a session created before operations were kept", async () => {
    const { client } = makeClient()
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({}, ["create-approved-legal-address"]))
    nock(BASE).post(`${PAYMENT_ID}/approvedlegaladdress`).reply(200, approved)
    const data = await runSessionAction(client, session({ payex_operations: undefined }), lookup)
    expect(data.legal_address).toMatchObject({ city: "Bro" })
  })
})

describe("a credit decision is the answer, not a stale operation", () => {
  it("passes PayEx's credit refusal on without reading the payment", async () => {
    const { client } = makeClient()
    nock(BASE)
      .post(`${PAYMENT_ID}/authorizations`)
      .reply(403, problem("creditnotapproved", "Credit not approved", [], 403), PROBLEM_HEADERS)
    const error = await runSessionAction(client, session(), authorize).catch((e) => e)
    expect(error.message).toMatch(/did not approve credit/)
  })
})

describe("a retry reads the payment first", () => {
  it("does not follow kept operations on a second attempt: a refused payment is not asked again", async () => {
    const { client } = makeClient()
    nock(BASE)
      .get(PAYMENT_ID)
      .reply(200, paymentResponse({ state: "Failed" }, []))
    const error = await runSessionAction(client, session(), { ...authorize, attempt: 2 }).catch((e) => e)
    expect(error.message).toBe(
      "This PayEx payment can no longer be authorized (PayEx payment state: Failed); start the payment again or choose another payment method.",
    )
  })
})
