import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { captureServerOutput } from "../helpers/capture-output"
import { useSandboxes } from "../helpers/environment"
import { seedSwedishStore, SeededStore } from "../helpers/seed"
import { cartWithPaymentSession, failing, storeHeaders } from "../helpers/store"

/**
 * The two store routes that take a personal number, used the way an attacker with only a publishable key
 * would: as a people-search, as an oracle for "does this number exist", and to get a number echoed back.
 */
const PROVIDER = "pp_payex-invoice_payex"
const SSN = "600307-1161" // sandbox test person, zip 19792
const UNKNOWN_SSN = "811218-9876" // valid check digit, not a sandbox person
const DIGITS = ["600307", "071161", "196003"]

// A low per-client budget for this file (the default is 20 per 10 minutes); set before Medusa loads its config.
const previousLimit = process.env.PAYEX_LEGAL_ADDRESS_RATE_LIMIT
process.env.PAYEX_LEGAL_ADDRESS_RATE_LIMIT = JSON.stringify({ max: 8, windowSeconds: 600 })
afterAll(() => {
  if (previousLimit === undefined) delete process.env.PAYEX_LEGAL_ADDRESS_RATE_LIMIT
  else process.env.PAYEX_LEGAL_ADDRESS_RATE_LIMIT = previousLimit
})

const sandboxes = useSandboxes()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeededStore

    beforeAll(async () => {
      const admin = await createAdminHeaders(getContainer())
      seed = await seedSwedishStore(api, admin, PROVIDER)
    })

    // Medusa trusts one proxy (`trust proxy` 1), so X-Forwarded-For stands for the client's address: each test
    // is its own client, and its budget is its own.
    const as = (ip: string) => ({ headers: { ...storeHeaders(seed).headers, "x-forwarded-for": ip } })

    async function newSession() {
      const { session } = await cartWithPaymentSession(
        api,
        seed,
        [{ variant_id: seed.bookVariantId, quantity: 1 }],
        PROVIDER,
      )
      return session.id as string
    }

    const lookup = (
      ip: string,
      payment_session_id: string,
      social_security_number: unknown = SSN,
      zip_code = "19792",
    ) =>
      api.post("/store/payex/legal-address", { payment_session_id, social_security_number, zip_code }, as(ip)).then(
        (r) => ({ status: r.status, data: r.data, headers: r.headers }),
        (e) => {
          if (!e.response) throw e
          return { status: e.response.status as number, data: e.response.data, headers: e.response.headers }
        },
      )

    const payexCalls = (pathEnd: RegExp) => sandboxes.payex.requests.filter((r) => pathEnd.test(r.path)).length
    /**
     * What the store routes sent PayEx: its POSTs (lookups, authorizations). Medusa verifies a callback of an earlier
     * test about 5 s after it arrives, with GETs that may land during a later test; they are not this test's.
     */
    const storeRouteCalls = () => sandboxes.payex.requests.filter((r) => r.method !== "GET").length

    it("caps legal-address lookups at 5 per payment session: the 6th is 429 and never reaches PayEx; mistyped numbers cost nothing", async () => {
      const session = await newSession()
      sandboxes.payex.clearRequests()
      // Two typos first: refused locally, PayEx not asked, the session's five lookups untouched.
      for (const typo of ["600307-1162", "600307-116"]) {
        const res = await lookup("198.51.100.1", session, typo)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/^social_security_number: /)
      }
      expect(storeRouteCalls()).toBe(0)

      for (let i = 1; i <= 5; i++) {
        const res = await lookup("198.51.100.1", session)
        expect(res.status).toBe(200)
        expect(res.data.legal_address).toMatchObject({ zip_code: "19792", country_code: "SE" })
      }
      expect(payexCalls(/\/approvedlegaladdress$/)).toBe(5)
      const before = storeRouteCalls()

      const sixth = await lookup("198.51.100.1", session)
      expect(sixth.status).toBe(429)
      expect(sixth.data).toEqual({
        type: "too_many_requests",
        message: "Too many address lookups for this checkout; enter your address or choose another payment method.",
      })
      expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0)
      expect(storeRouteCalls()).toBe(before)
      expect(payexCalls(/\/approvedlegaladdress$/)).toBe(5)
    })

    it("caps authorization attempts at 3 per payment session: the 4th is 429 and never reaches PayEx", async () => {
      const session = await newSession()
      sandboxes.payex.clearRequests()
      const attempt = () =>
        failing(
          api.post(
            "/store/payex/authorize",
            {
              payment_session_id: session,
              social_security_number: "121212-1212",
              msisdn: "+46739000001",
              legal_address: {
                addressee: "Tolvan Tolvansson",
                street_address: "Tolvgatan 12",
                zip_code: "12345",
                city: "Stockholm",
                country_code: "SE",
              },
            },
            as("198.51.100.2"),
          ),
        )
      const first3 = [await attempt(), await attempt(), await attempt()]
      // Tolvan is refused credit; afterwards PayEx no longer offers an authorization on that payment (the plugin
      // reads the payment from PayEx and says so). Each attempt is refused, none by the cap.
      expect(first3.map((r) => r.status)).toEqual([400, 400, 400])
      expect(first3[0].data.message).toMatch(/did not approve credit/)
      for (const r of first3.slice(1)) {
        expect(r.data.message).toBe(
          "This PayEx payment can no longer be authorized (PayEx payment state: Failed); start the payment again or choose another payment method.",
        )
      }
      expect(payexCalls(/\/authorizations$/)).toBe(1)
      expect(sandboxes.payex.requests.length).toBeGreaterThanOrEqual(3) // the two later attempts read the payment
      const before = storeRouteCalls()

      const fourth = await attempt()
      expect(fourth.status).toBe(429)
      expect(fourth.data.message).toBe(
        "Too many attempts to pay by invoice for this checkout; choose another payment method.",
      )
      expect(storeRouteCalls()).toBe(before)
    })

    it("limits one client across sessions (legalAddressRateLimit, both routes count) while another client is unaffected", async () => {
      const [a, b, c] = [await newSession(), await newSession(), await newSession()]
      sandboxes.payex.clearRequests()
      const ip = "198.51.100.3"
      for (const s of [a, a, a, b, b, b]) expect((await lookup(ip, s)).status).toBe(200)
      // A mistyped mobile number: refused locally, but it is a request of this client all the same.
      const badMsisdn = await failing(
        api.post(
          "/store/payex/authorize",
          { payment_session_id: c, social_security_number: SSN, msisdn: "08-123" },
          as(ip),
        ),
      )
      expect(badMsisdn.status).toBe(400)
      expect((await lookup(ip, c)).status).toBe(200) // the 8th request of this client: the last one allowed
      const calls = storeRouteCalls()

      const ninth = await lookup(ip, c)
      expect(ninth.status).toBe(429)
      expect(ninth.data.message).toBe(
        "Too many requests from your network; try again later or choose another payment method.",
      )
      const ninthAuthorize = await failing(
        api.post(
          "/store/payex/authorize",
          { payment_session_id: c, social_security_number: SSN, msisdn: "+46739000001" },
          as(ip),
        ),
      )
      expect(ninthAuthorize.status).toBe(429)
      expect(storeRouteCalls()).toBe(calls)

      expect((await lookup("198.51.100.4", c)).status).toBe(200)
    })

    it("answers an unknown person and a postal code that does not match with the same status and body", async () => {
      const session = await newSession()
      sandboxes.payex.clearRequests()
      const unknown = await lookup("198.51.100.5", session, UNKNOWN_SSN, "19792")
      const wrongZip = await lookup("198.51.100.5", session, SSN, "11122")
      // Both reached PayEx, which told them apart (404 notfound, 400 inputerror)...
      expect(
        sandboxes.payex.requests.filter((r) => /\/approvedlegaladdress$/.test(r.path)).map((r) => r.status),
      ).toEqual([404, 400])
      // ...the shopper cannot.
      expect(unknown.status).toBe(400)
      expect({ status: wrongZip.status, data: wrongZip.data }).toEqual({ status: unknown.status, data: unknown.data })
      expect(unknown.data.message).toBe(
        "No address was found for this personal number and postal code. Check both, or enter your address or choose another payment method.",
      )
    })

    it("refuses a personal number of the wrong JSON type with a 400 naming the field, echoing its digits neither in the answer nor in the log", async () => {
      const session = await newSession()
      const logger = getContainer().resolve("logger")
      const wrongTypes: unknown[] = [196003071161, [196003071161], ["600307-1161"], { n: "600307-1161" }, true]
      for (const value of wrongTypes) {
        for (const [route, body] of [
          [
            "/store/payex/legal-address",
            { payment_session_id: session, social_security_number: value, zip_code: "19792" },
          ],
          [
            "/store/payex/authorize",
            { payment_session_id: session, social_security_number: value, msisdn: "+46739000001" },
          ],
        ] as const) {
          const { result, output } = await captureServerOutput(logger, () =>
            failing(api.post(route, body, as("198.51.100.6"))),
          )
          expect(result.status).toBe(400)
          expect(result.data.message).toMatch(/^social_security_number: must be a string$/)
          // The capture does see what Medusa's error handler logs for a 4xx (its message, at info).
          expect(output).toContain("social_security_number: must be a string")
          for (const d of DIGITS) {
            expect(JSON.stringify(result.data)).not.toContain(d)
            expect(output).not.toContain(d)
          }
        }
      }
      // The same for msisdn, and a personal number planted as a field name is not echoed either.
      const { result, output } = await captureServerOutput(logger, () =>
        failing(
          api.post(
            "/store/payex/authorize",
            { payment_session_id: session, social_security_number: SSN, msisdn: 46739000001, "196003071161": 1 },
            as("198.51.100.6"),
          ),
        ),
      )
      expect(result.status).toBe(400)
      expect(result.data.message).toContain("msisdn: must be a string")
      for (const d of [...DIGITS, "46739000001"]) {
        expect(JSON.stringify(result.data)).not.toContain(d)
        expect(output).not.toContain(d)
      }
    })

    it("refuses malformed JSON with a fixed 400, without any excerpt of the body in the answer or the log", async () => {
      const session = await newSession()
      const logger = getContainer().resolve("logger")
      const url = `${api.defaults.baseURL}/store/payex/legal-address`
      for (const raw of [
        `{"payment_session_id":"${session}","social_security_number": x196003071161}`,
        `x{"social_security_number":"600307-1161"}`,
        `{"social_security_number":"600307-1161"`,
      ]) {
        const { result, output } = await captureServerOutput(logger, async () => {
          const res = await fetch(url, {
            method: "POST",
            headers: { ...as("198.51.100.7").headers, "content-type": "application/json" },
            body: raw,
          })
          return { status: res.status, text: await res.text() }
        })
        expect(result.status).toBe(400)
        expect(JSON.parse(result.text)).toEqual({ type: "invalid_data", message: "The request body is not valid JSON" })
        expect(output).toContain("The request body is not valid JSON")
        for (const d of [...DIGITS, "social_"]) expect(output).not.toContain(d)
      }
    })
  },
})
