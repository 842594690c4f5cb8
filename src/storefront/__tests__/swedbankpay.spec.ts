import { readFileSync } from "node:fs"
import { getHttpResponseFromError } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { FetchError } from "@medusajs/js-sdk"
import { upstreamOutageStatus } from "../../lib/http/upstream-outage"
import { createPaymentOrder } from "../../lib/swedbankpay-invoice/payment-order-creation"
import { payerPrefill } from "../../lib/swedbankpay-invoice/payment-order-request"
import { SWEDBANKPAY_CURRENCIES } from "../../lib/swedbankpay-invoice/provider-options"
import { SWEDBANKPAY_STOREFRONT_KEYS } from "../../lib/swedbankpay-invoice/session-data"
import {
  completeSwedbankPayReturn,
  describeSwedbankPayError,
  isSwedbankPayInvoiceProvider,
  startSwedbankPayInvoice,
  StorefrontSdk,
  SWEDBANKPAY_ERROR_MESSAGES,
  SWEDBANKPAY_INVOICE_PROVIDER_ID,
  SwedbankPayCheckoutError,
  swedbankPayErrorKind,
  swedbankPayInvoiceCountry,
  swedbankPayInvoiceSessionData,
} from ".."

const REDIRECT = "https://ecom.externalintegration.payex.com/checkout/a8ff?_tc_tid=1"
const VIEW = "https://ecom.externalintegration.payex.com/checkout/core/client/checkout/a8ff"

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

const collection = (data: Record<string, unknown> | null, provider = SWEDBANKPAY_INVOICE_PROVIDER_ID) => ({
  payment_collection: { id: "pay_col_1", payment_sessions: [{ id: "payses_1", provider_id: provider, data }] },
})

/** What the sdk throws for an error a route threw: Medusa's status and body mapping (the plugin's for an outage). */
function asFetchError(error: unknown): FetchError {
  const outage = upstreamOutageStatus(error)
  if (outage) return new FetchError((error as MedusaError).message, "", outage)
  const { statusCode, body } = getHttpResponseFromError(error as MedusaError)
  return new FetchError(body.message as string, "", statusCode)
}

async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run()
  } catch (e) {
    return e
  }
  throw new Error("expected a throw")
}

describe("Swedbank Pay provider id and session data", () => {
  it('is the id of the registration `id: "swedbankpay"` and matches any registration id', () => {
    expect(SWEDBANKPAY_INVOICE_PROVIDER_ID).toBe("pp_swedbankpay-invoice_swedbankpay")
    expect(isSwedbankPayInvoiceProvider("pp_swedbankpay-invoice_nordic")).toBe(true)
    for (const other of ["pp_payex-invoice_payex", "swedbankpay-invoice_swedbankpay", "", null, undefined])
      expect(isSwedbankPayInvoiceProvider(other)).toBe(false)
  })

  it("offers the provider's currencies only", () => {
    expect(Object.keys(SWEDBANKPAY_CURRENCIES).map((c) => swedbankPayInvoiceCountry(c.toUpperCase()))).toEqual([
      "SE",
      "NO",
    ])
    expect(swedbankPayInvoiceCountry("eur")).toBeNull()
    expect(swedbankPayInvoiceCountry(undefined)).toBeNull()
  })

  it("sends only keys the provider keeps, and a prefill only in the shapes it keeps", () => {
    const data = swedbankPayInvoiceSessionData({
      userAgent: "UA",
      email: " lisa@example.com ",
      msisdn: "+46 739-000001",
    })
    expect(data).toEqual({ user_agent: "UA", email: "lisa@example.com", msisdn: "+46739000001" })
    for (const key of Object.keys(data)) expect(SWEDBANKPAY_STOREFRONT_KEYS).toContain(key)
    expect(payerPrefill(data)).toEqual({ email: "lisa@example.com", msisdn: "+46739000001" })
    expect(swedbankPayInvoiceSessionData({ email: "not an email", msisdn: "0739000001", userAgent: "" })).toEqual({})
    expect(swedbankPayInvoiceSessionData()).toEqual({})
  })
})

describe("startSwedbankPayInvoice", () => {
  it("finds the cart's payment collection, creates the session and answers Swedbank Pay's links", async () => {
    const { sdk, calls } = fakeSdk([
      { payment_collection: { id: "pay_col_1" } },
      collection({ redirect_url: REDIRECT, view_url: VIEW }),
    ])
    const answer = await startSwedbankPayInvoice(
      sdk,
      { cartId: "cart_1", email: "lisa@example.com", userAgent: "UA" },
      { headers: { authorization: "Bearer t" } },
    )
    expect(answer).toEqual({
      redirectUrl: REDIRECT,
      viewUrl: VIEW,
      paymentSessionId: "payses_1",
      paymentCollectionId: "pay_col_1",
    })
    expect(calls).toEqual([
      {
        input: "/store/payment-collections",
        init: { method: "POST", body: { cart_id: "cart_1" }, headers: { authorization: "Bearer t" } },
      },
      {
        input: "/store/payment-collections/pay_col_1/payment-sessions",
        init: {
          method: "POST",
          body: { provider_id: SWEDBANKPAY_INVOICE_PROVIDER_ID, data: { user_agent: "UA", email: "lisa@example.com" } },
          headers: { authorization: "Bearer t" },
        },
      },
    ])
  })

  it("uses a given payment collection and registration id directly", async () => {
    const provider = "pp_swedbankpay-invoice_nordic"
    const { sdk, calls } = fakeSdk([collection({ redirect_url: REDIRECT, view_url: null }, provider)])
    const answer = await startSwedbankPayInvoice(sdk, { paymentCollectionId: "pay_col_1", providerId: provider })
    expect(answer.viewUrl).toBeNull()
    expect(calls.map((c) => c.input)).toEqual(["/store/payment-collections/pay_col_1/payment-sessions"])
    expect(calls[0].init.body).toEqual({ provider_id: provider, data: {} })
  })

  it("fails clearly without a cart, without the session, or without a payment page", async () => {
    await expect(startSwedbankPayInvoice(fakeSdk().sdk, {})).rejects.toThrow(TypeError)
    const noSession = await thrown(() =>
      startSwedbankPayInvoice(fakeSdk([collection({}, "pp_system_default")]).sdk, { paymentCollectionId: "c" }),
    )
    expect(describeSwedbankPayError(noSession)).toMatchObject({ kind: "unknown" })
    const noLink = await thrown(() =>
      startSwedbankPayInvoice(fakeSdk([collection({ redirect_url: "javascript:alert(1)" })]).sdk, {
        paymentCollectionId: "c",
      }),
    )
    expect(describeSwedbankPayError(noLink)).toMatchObject({ kind: "unavailable", chooseAgain: true })
  })
})

describe("completeSwedbankPayReturn", () => {
  it("POSTs the cart's completion and answers the order", async () => {
    const order = { id: "order_1", display_id: 7 }
    const { sdk, calls } = fakeSdk([{ type: "order", order }])
    await expect(completeSwedbankPayReturn(sdk, "cart_1")).resolves.toEqual({ type: "order", order })
    expect(calls).toEqual([{ input: "/store/carts/cart_1/complete", init: { method: "POST", body: {} } }])
  })

  it("throws not_completed when Medusa answers the cart with a payment error", async () => {
    const { sdk } = fakeSdk([
      {
        type: "cart",
        cart: {},
        error: { message: "Payment authorization failed", type: "payment_authorization_error" },
      },
    ])
    const error = await thrown(() => completeSwedbankPayReturn(sdk, "cart_1"))
    expect(error).toBeInstanceOf(SwedbankPayCheckoutError)
    expect(describeSwedbankPayError(error)).toEqual({
      kind: "not_completed",
      message: SWEDBANKPAY_ERROR_MESSAGES.not_completed,
      chooseAgain: true,
      status: undefined,
    })
    expect(swedbankPayErrorKind(await thrown(() => completeSwedbankPayReturn(sdk, "")))).toBe("cart_not_found")
  })
})

describe("describeSwedbankPayError against the real answers", () => {
  it("not_completed for Medusa's 'not authorized' (the shopper has not finished, cancelled or was declined)", () => {
    // The payment module's own text, so an upgrade that changes it fails here.
    const moduleSource = readFileSync(require.resolve("@medusajs/payment/dist/services/payment-module.js"), "utf8")
    expect(moduleSource).toContain("was not authorized with the provider.")
    const error = new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Session: payses_01J was not authorized with the provider.",
    )
    expect(describeSwedbankPayError(asFetchError(error))).toMatchObject({ kind: "not_completed", status: 400 })
  })

  it("unsupported_currency and cart_changed for the provider's refusals to create the payment order", async () => {
    const noCart = { cartOfSession: async () => null } as any
    const options = { token: "t", payeeId: "p" } as any
    const eur = await thrown(() =>
      createPaymentOrder({} as any, noCart, options, {
        amount: 10,
        currency_code: "eur",
        data: {},
        context: {},
      } as any),
    )
    expect(describeSwedbankPayError(asFetchError(eur))).toMatchObject({ kind: "unsupported_currency", status: 400 })
    const lines = await thrown(() =>
      createPaymentOrder({} as any, noCart, options, {
        amount: 10,
        currency_code: "sek",
        data: {},
        context: {},
      } as any),
    )
    expect(describeSwedbankPayError(asFetchError(lines))).toMatchObject({ kind: "cart_changed", chooseAgain: true })
  })

  it("unavailable for outages and network failures, cart_not_found for 404, unknown otherwise", () => {
    expect(describeSwedbankPayError(new FetchError("Bad Gateway", "", 502)).kind).toBe("unavailable")
    expect(describeSwedbankPayError(new TypeError("Failed to fetch")).kind).toBe("unavailable")
    expect(describeSwedbankPayError(new FetchError("Cart id cart_1 not found", "", 404))).toMatchObject({
      kind: "cart_not_found",
      chooseAgain: false,
    })
    expect(describeSwedbankPayError(new FetchError("Cart is already being completed", "", 409)).kind).toBe("unknown")
    expect(describeSwedbankPayError("oops").kind).toBe("unknown")
  })

  it("answers the storefront's own message, never anything from the error", () => {
    const echo = new FetchError("<html>600307-1161 was not authorized with the provider", "", 400)
    expect(JSON.stringify(describeSwedbankPayError(echo))).not.toContain("600307")
  })
})
