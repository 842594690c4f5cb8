import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { payexAdminSummary, type PayexAdminSummary } from "../../../../../lib/mapping/payex-admin-summary"
import { orderWithLivePayment } from "../../../../../lib/medusa/order-lookups"
import { paymentProviderOptions } from "../../../../../lib/medusa/payment-provider-options"
import { PayexClient, PayexProblemError } from "../../../../../lib/payex"
import { payexToMedusaError } from "../../../../../lib/payex-invoice/medusa-errors"
import type { PayexSessionData } from "../../../../../lib/payex-invoice/payex-session-data"
import {
  PAYEX_DEFAULT_BASE_URL,
  PAYEX_INVOICE_PROVIDER_IDENTIFIER,
  type PayexInvoiceOptions,
} from "../../../../../lib/payex-invoice/provider-options"
import { isPayexPaymentId } from "../../../../../lib/payex-invoice/session-trust"

type Logger = { debug?: (message: string) => void; warn?: (message: string) => void }

/** The order's live PayEx payment, with what reading it at PayEx needs. */
export interface OrderPayexPayment {
  order_id: string
  payment_id: string
  provider_id: string
  currency_code: string
  payex_payment_id: string
  stored_legal_address: unknown
}

/** 404 naming the order when it does not exist or has no live PayEx invoice payment. */
export async function orderPayexPayment(scope: MedusaContainer, orderId: string): Promise<OrderPayexPayment> {
  const { order, payment } = await orderWithLivePayment(scope, {
    order_id: orderId,
    identifier: PAYEX_INVOICE_PROVIDER_IDENTIFIER,
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  const stored = (payment?.data ?? {}) as PayexSessionData
  if (!payment?.provider_id || !isPayexPaymentId(stored.payex_payment_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order.id} has no PayEx invoice payment`)
  }
  return {
    order_id: order.id,
    payment_id: payment.id,
    provider_id: payment.provider_id,
    currency_code: String(payment.currency_code ?? order.currency_code ?? stored.currency_code ?? ""),
    payex_payment_id: stored.payex_payment_id,
    stored_legal_address: stored.legal_address,
  }
}

/** A PayEx client with the options the host gave the provider the payment was made with. */
export function payexClientFor(scope: MedusaContainer, providerId: string, logger?: Logger): PayexClient {
  const options = paymentProviderOptions(scope, PAYEX_INVOICE_PROVIDER_IDENTIFIER, providerId) as
    Partial<PayexInvoiceOptions> | undefined
  if (typeof options?.token !== "string" || !options.token) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `No PayEx provider options found for ${providerId} in the payment module's configuration`,
    )
  }
  return new PayexClient({
    token: options.token,
    baseUrl: options.baseUrl ?? PAYEX_DEFAULT_BASE_URL,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    logger,
  })
}

/**
 * Reads the payment, its transactions and its legal address at PayEx and summarises them. A failure to read
 * the payment or its transactions is a Medusa error keeping PayEx's problem text. The legal address only names
 * the addressee, so when PayEx cannot give it (none yet, or PayEx is briefly unreachable) the address the
 * provider stored at authorization stands in rather than the whole card failing.
 */
export async function readPayexSummary(client: PayexClient, payment: OrderPayexPayment): Promise<PayexAdminSummary> {
  try {
    const document = await client.getPayment(payment.payex_payment_id)
    const transactions = await client.listTransactions(document.payment)
    const legalAddress = await client
      .request<unknown>({
        method: "GET",
        url: `${payment.payex_payment_id}/legaladdress`,
        operation: "get-legal-address",
      })
      .catch((error: unknown) => {
        if (error instanceof PayexProblemError) return storedAddressDocument(payment.stored_legal_address)
        throw error
      })
    return payexAdminSummary({ payment: document, transactions, legalAddress, currencyCode: payment.currency_code })
  } catch (error) {
    throw payexToMedusaError(error)
  }
}

/** The provider's stored address (snake_case) in the shape of PayEx's document, for the summary's reader. */
function storedAddressDocument(stored: unknown): unknown {
  const address = stored && typeof stored === "object" ? (stored as { addressee?: unknown; city?: unknown }) : {}
  return { legalAddress: { addressee: address.addressee, city: address.city } }
}
