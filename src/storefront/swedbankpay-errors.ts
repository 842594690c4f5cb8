/**
 * What went wrong in a Swedbank Pay checkout (startSwedbankPayInvoice, completeSwedbankPayReturn), for the shopper.
 *
 * The js-sdk throws a `FetchError` (`status`, `message` = the server's message). The texts classified here are
 * Medusa's own for a payment session the provider did not authorize (payment module and complete-cart workflow) and
 * the provider's for a session it cannot create (lib/swedbankpay-invoice/payment-order-creation.ts); the tests
 * produce them with those very modules. As in payex-errors.ts, the messages are the storefront's own and never
 * contain anything from the error.
 */

export type SwedbankPayErrorKind =
  "not_completed" | "unsupported_currency" | "cart_changed" | "cart_not_found" | "unavailable" | "unknown"

export const SWEDBANKPAY_ERROR_MESSAGES: Record<SwedbankPayErrorKind, string> = {
  not_completed:
    "The payment at Swedbank Pay was not completed, so no order was placed. Choose how to pay to try again.",
  unsupported_currency:
    "Invoice through Swedbank Pay is not available for this currency. Please choose another payment method.",
  cart_changed: "Your cart changed while you were paying. Review it and choose how to pay again.",
  cart_not_found: "We could not find your checkout any more. Please start again from the shop.",
  unavailable: "Swedbank Pay is not available right now. Please try again shortly or choose another method.",
  unknown:
    "Payment through Swedbank Pay could not be completed. Reload the page and try again, or choose another method.",
}

/** Thrown by the helper itself: Medusa answered 200 with the cart (not an order), or a session without a link. */
export class SwedbankPayCheckoutError extends Error {
  constructor(
    readonly kind: SwedbankPayErrorKind,
    message: string,
    /** Medusa's error type, when it answered one (`payment_authorization_error`, `payment_requires_more_error`). */
    readonly type?: string,
  ) {
    super(message)
    this.name = "SwedbankPayCheckoutError"
  }
}

export interface SwedbankPayErrorDescription {
  kind: SwedbankPayErrorKind
  /** SWEDBANKPAY_ERROR_MESSAGES[kind]. */
  message: string
  /** The shopper can choose a payment method again on the same cart (a new session). */
  chooseAgain: boolean
  /** HTTP status, when there was an answer. */
  status?: number
}

// Medusa's texts (payment module authorizePaymentSession; core-flows authorizePaymentSessionStep).
const NOT_AUTHORIZED = /was not authorized with the provider/
const MEDUSA_NOT_COMPLETED = /^(Payment authorization failed|More information is required for payment)/
// The provider's texts (payment-order-creation.ts).
const UNSUPPORTED_CURRENCY = /^Swedbank Pay invoice supports /
const LINES_DO_NOT_ADD_UP = /do not add up to the payment amount/

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === "number" ? status : undefined
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === "string" ? message : ""
}

const CHOOSE_AGAIN: SwedbankPayErrorKind[] = ["not_completed", "unsupported_currency", "cart_changed", "unavailable"]

function describe(kind: SwedbankPayErrorKind, status?: number): SwedbankPayErrorDescription {
  return { kind, message: SWEDBANKPAY_ERROR_MESSAGES[kind], chooseAgain: CHOOSE_AGAIN.includes(kind), status }
}

/** Kind and shopper message for an error thrown by startSwedbankPayInvoice / completeSwedbankPayReturn. */
export function describeSwedbankPayError(error: unknown): SwedbankPayErrorDescription {
  if (error instanceof SwedbankPayCheckoutError) return describe(error.kind)
  const status = statusOf(error)
  const message = messageOf(error)
  // fetch itself failed (offline, DNS, CORS): the backend was not reached.
  if (status === undefined) return describe(error instanceof Error ? "unavailable" : "unknown")
  // 502/503: Swedbank Pay is down or its answer was lost (the plugin's outage answers); 500: Medusa's own.
  if (status >= 500) return describe("unavailable", status)
  if (status === 404) return describe("cart_not_found", status)
  if (status === 400 || status === 409) {
    // The shopper has not finished (or cancelled, or was declined) on Swedbank Pay's page: the payment order is not
    // paid, so the provider did not authorize the session.
    if (NOT_AUTHORIZED.test(message) || MEDUSA_NOT_COMPLETED.test(message)) return describe("not_completed", status)
    if (UNSUPPORTED_CURRENCY.test(message)) return describe("unsupported_currency", status)
    if (LINES_DO_NOT_ADD_UP.test(message)) return describe("cart_changed", status)
  }
  return describe("unknown", status)
}

/** Only the kind (see describeSwedbankPayError). */
export function swedbankPayErrorKind(error: unknown): SwedbankPayErrorKind {
  return describeSwedbankPayError(error).kind
}
