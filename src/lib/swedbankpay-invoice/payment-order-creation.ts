import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { InitiatePaymentInput, InitiatePaymentOutput } from "@medusajs/framework/types"
import { grossLinesForOrder } from "../mapping/order-lines"
import type { PaymentModuleRecords } from "../medusa/payment-records"
import { sumAmounts, toMinorUnits } from "../money"
import { payeeReferenceFor, PayexProblemError } from "../payex"
import { payexToMedusaError } from "../payex-invoice/medusa-errors"
import type { SwedbankPayClient, SwedbankPayPaymentOrderResponse } from "../swedbankpay"
import { createPaymentOrderRequest, payerPrefill } from "./payment-order-request"
import { SWEDBANKPAY_CURRENCIES, type SwedbankPayInvoiceOptions } from "./provider-options"
import { signOrder, type SwedbankPaySessionData } from "./session-data"

/**
 * Creates the payment order of a session with the cart's lines as orderItems. A lost answer to the creation makes
 * the retry meet "payeeReference already in use": a second order under a derived reference is safe then (an order
 * the shopper never completes moves no money and expires at Swedbank Pay).
 */
export async function createPaymentOrder(
  client: SwedbankPayClient,
  records: PaymentModuleRecords,
  options: SwedbankPayInvoiceOptions,
  { amount, currency_code, data, context }: InitiatePaymentInput,
): Promise<InitiatePaymentOutput> {
  if (!SWEDBANKPAY_CURRENCIES[String(currency_code).toLowerCase()]) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Swedbank Pay invoice supports SEK and NOK, not ${String(currency_code).toUpperCase()}`,
    )
  }
  const sent = (data ?? {}) as Record<string, unknown>
  // Medusa writes session_id after the storefront's data, so it is Medusa's own.
  const sessionId = String(sent.session_id ?? context?.idempotency_key ?? "")
  const amountMinor = toMinorUnits(amount, currency_code)
  const cart = await records.cartOfSession(sessionId)
  const lines = cart ? grossLinesForOrder(cart) : []
  if (!lines.length || sumAmounts(lines) !== amountMinor) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The cart's lines (${lines.length ? sumAmounts(lines) : "none"}) do not add up to the payment amount (${amountMinor} minor units); refresh the cart and create the payment session again`,
    )
  }
  const userAgent =
    typeof sent.user_agent === "string" && sent.user_agent ? sent.user_agent : "medusa-plugin-payex-payer"
  const body = (payeeReference: string) =>
    createPaymentOrderRequest(options, {
      currency_code,
      lines,
      userAgent,
      sessionId,
      payeeReference,
      payer: payerPrefill(sent),
    })
  let created: SwedbankPayPaymentOrderResponse
  try {
    created = await client.createPaymentOrder(body(payeeReferenceFor("PS", sessionId)))
  } catch (e) {
    if (!(e instanceof PayexProblemError && e.isPayeeReferenceReplay)) throw payexToMedusaError(e)
    created = await client.createPaymentOrder(body(payeeReferenceFor("PS", sessionId, "R"))).catch((err) => {
      throw payexToMedusaError(err)
    })
  }
  const orderId = created.paymentOrder.id
  const href = (rel: string) => created.operations.find((o) => o.rel === rel)?.href ?? null
  const stored: SwedbankPaySessionData = {
    session_id: sessionId,
    swedbankpay_order_id: orderId,
    swedbankpay_signature: signOrder(options.token, sessionId, orderId),
    currency_code: currency_code.toLowerCase(),
    amount_minor: amountMinor,
    capture_on: options.captureOn ?? "fulfillment",
    redirect_url: href("redirect-checkout"),
    view_url: href("view-checkout"),
  }
  return { id: orderId, data: stored, status: PaymentSessionStatus.PENDING }
}
