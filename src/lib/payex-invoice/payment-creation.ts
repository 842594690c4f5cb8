import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type { InitiatePaymentInput, InitiatePaymentOutput } from "@medusajs/framework/types"
import { toMinorUnits } from "../money"
import { PayexProblemError, payeeReferenceFor, type PayexClient, type PayexPaymentResponse } from "../payex"
import { operationsToKeep } from "./known-operations"
import { payexToMedusaError } from "./medusa-errors"
import type { PayexSessionData } from "./payex-session-data"
import { createPaymentRequest, PAYEX_CURRENCIES, type PayexInvoiceOptions } from "./provider-options"
import { isPayexPaymentId, signPayment } from "./session-trust"

/**
 * Creates the PayEx payment of a session. `referenceSuffix` tells apart the payments that replace an
 * earlier one of the same session (PayEx refuses a payeeReference it has seen).
 */
export async function createPayexPayment(
  client: PayexClient,
  options: PayexInvoiceOptions,
  { amount, currency_code, data, context }: InitiatePaymentInput,
  referenceSuffix: string,
): Promise<InitiatePaymentOutput> {
  const currency = PAYEX_CURRENCIES[String(currency_code).toLowerCase()]
  if (!currency) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `PayEx invoice supports SEK, NOK and EUR, not ${String(currency_code).toUpperCase()}`,
    )
  }
  // Medusa writes session_id after the storefront's data, so it is Medusa's own.
  const sessionId = String((data as Record<string, unknown> | undefined)?.session_id ?? context?.idempotency_key ?? "")
  const amountMinor = toMinorUnits(amount, currency_code)
  const sent = (data as Record<string, unknown> | undefined)?.user_agent
  const userAgent = typeof sent === "string" && sent ? sent : "medusa-plugin-payex-payer"
  const body = (payeeReference: string) =>
    createPaymentRequest(options, { currency_code, amountMinor, userAgent, sessionId, payeeReference })
  let created: PayexPaymentResponse
  try {
    created = await client.createPayment(body(payeeReferenceFor("PS", sessionId, referenceSuffix)))
  } catch (e) {
    // A lost answer to a create: an unauthorized PayEx payment moves no money, so a second one with a
    // derived reference is safe (the first simply expires).
    if (!(e instanceof PayexProblemError && e.isPayeeReferenceReplay)) throw payexToMedusaError(e)
    created = await client
      .createPayment(body(payeeReferenceFor("PS", sessionId, `${referenceSuffix}R`)))
      .catch((err) => {
        throw payexToMedusaError(err)
      })
  }
  if (!isPayexPaymentId(created?.payment?.id)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "PayEx answered the payment creation without a PayEx invoice payment id",
    )
  }
  const stored: PayexSessionData = {
    session_id: sessionId,
    payex_payment_id: created.payment.id,
    payex_payment_number: created.payment.number,
    payex_signature: signPayment(options.token, sessionId, created.payment.id),
    payex_operations: operationsToKeep(created.payment.id, created.operations),
    currency_code: currency_code.toLowerCase(),
    amount_minor: amountMinor,
    capture_on: options.captureOn ?? "fulfillment",
  }
  return { id: created.payment.id, data: stored, status: PaymentSessionStatus.PENDING }
}
