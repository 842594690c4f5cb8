import { truncateDescription, type GrossLine } from "../money"
import { orderItemsFor } from "../mapping/swedbankpay-order-items"
import type { SwedbankPayCreateRequest, SwedbankPayPayerPrefill } from "../swedbankpay"
import { SWEDBANKPAY_CURRENCIES, type SwedbankPayInvoiceOptions } from "./provider-options"

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/
const MSISDN = /^\+[1-9]\d{7,14}$/

/**
 * The prefill of Swedbank Pay's page from what the storefront sent: an email and a phone number in their exact
 * shapes, nothing else (a personal number is typed on Swedbank Pay's page, never sent through Medusa, which would
 * store it with the session).
 */
export function payerPrefill(data: Record<string, unknown> | undefined): SwedbankPayPayerPrefill | undefined {
  const email = typeof data?.email === "string" && EMAIL.test(data.email) ? data.email : undefined
  const msisdn = typeof data?.msisdn === "string" && MSISDN.test(data.msisdn) ? data.msisdn : undefined
  return email || msisdn ? { ...(email ? { email } : {}), ...(msisdn ? { msisdn } : {}) } : undefined
}

/** The body that creates the payment order of a session: the cart's lines as orderItems, exact sums. */
export function createPaymentOrderRequest(
  options: SwedbankPayInvoiceOptions,
  input: {
    currency_code: string
    lines: GrossLine[]
    userAgent: string
    sessionId: string
    payeeReference: string
    payer?: SwedbankPayPayerPrefill
  },
): SwedbankPayCreateRequest {
  const currency = SWEDBANKPAY_CURRENCIES[input.currency_code.toLowerCase()]
  const { items, vatAmount } = orderItemsFor(input.lines)
  const amount = items.reduce((sum, i) => sum + i.amount, 0)
  return {
    paymentorder: {
      operation: "Purchase",
      currency: input.currency_code.toUpperCase(),
      amount,
      vatAmount,
      description: truncateDescription(`Purchase from ${options.payeeName ?? "our store"}`, 40),
      userAgent: input.userAgent,
      language: options.language ?? currency.language,
      instrument: currency.instrument,
      urls: {
        hostUrls: options.hostUrls,
        completeUrl: options.completeUrl,
        cancelUrl: options.cancelUrl,
        termsOfServiceUrl: options.termsOfServiceUrl,
        ...(options.paymentUrl ? { paymentUrl: options.paymentUrl } : {}),
        ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
      },
      payeeInfo: {
        payeeId: options.payeeId,
        payeeReference: input.payeeReference,
        ...(options.payeeName ? { payeeName: options.payeeName } : {}),
        orderReference: input.sessionId,
      },
      ...(input.payer ? { payer: input.payer } : {}),
      orderItems: items,
    },
  }
}
