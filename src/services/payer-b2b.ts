import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { toMinorUnits } from "../lib/money"
import type { PaymentProviderCradle } from "../lib/medusa/payment-records"
import { PAYER_B2B_PROVIDER_IDENTIFIER } from "../modules/payer-invoice/names"
import { PAYER_CURRENCIES } from "../modules/payer-invoice/options"
import { allowlistedSessionData, B2B_PROVIDER_FIELDS, parseB2BCustomer } from "../lib/payer-b2b/session-data"
import { creditRefundThroughPayer, pendingRefundVerdict } from "../lib/payer-b2b/refund-credits"

export type { PendingPayerRefund } from "../lib/mapping/payer-refund-marker"

/**
 * Payer B2B invoice as a Medusa payment provider. Authorization moves no money: the invoice issued per
 * fulfillment is the capture (recorded by the plugin's workflow, not through this class), and a refund
 * becomes a Payer credit invoice. Credentials live in the plugin's `payer` option, not here.
 */
export class PayerB2BProviderService extends AbstractPaymentProvider<Record<string, never>> {
  static identifier = PAYER_B2B_PROVIDER_IDENTIFIER

  constructor(
    protected readonly cradle: PaymentProviderCradle,
    options: Record<string, never>,
  ) {
    super(cradle, options)
  }

  /** Only the documented fields survive; the rest is set to null (see allowlistedSessionData). */
  private allowlisted(
    input: Record<string, unknown> | undefined,
    written: Record<string, unknown>,
  ): Record<string, unknown> {
    const { data, dropped } = allowlistedSessionData(input, written)
    if (dropped.length)
      this.cradle.logger?.warn?.(`payer-b2b: ignored session data the storefront may not set: ${dropped.join(", ")}`)
    return data
  }

  async initiatePayment({ amount, currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    if (!PAYER_CURRENCIES.includes(String(currency_code).toLowerCase())) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Payer B2B invoices support ${PAYER_CURRENCIES.join(", ").toUpperCase()}, not ${String(currency_code).toUpperCase()}`,
      )
    }
    const customer = parseB2BCustomer(data as Record<string, unknown>)
    return {
      id: `payer_${String((data as Record<string, unknown> | undefined)?.session_id ?? Date.now())}`,
      data: this.allowlisted(data as Record<string, unknown>, {
        ...customer,
        currency_code: currency_code.toLowerCase(),
        amount_minor: toMinorUnits(amount, currency_code),
      }),
      status: PaymentSessionStatus.PENDING,
    }
  }

  async updatePayment({ data, amount, currency_code }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const customer = parseB2BCustomer(data as Record<string, unknown>)
    return {
      data: this.allowlisted(data as Record<string, unknown>, {
        ...customer,
        currency_code: String(currency_code).toLowerCase(),
        amount_minor: toMinorUnits(amount, currency_code),
      }),
    }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const d = (data ?? {}) as Record<string, unknown>
    const customer = parseB2BCustomer(d)
    // The payment's data starts from this answer: only what the provider knows to be its own goes on.
    return {
      status: PaymentSessionStatus.AUTHORIZED,
      data: this.allowlisted(d, {
        ...customer,
        ...Object.fromEntries(B2B_PROVIDER_FIELDS.filter((key) => d[key] != null).map((key) => [key, d[key]])),
      }),
    }
  }

  async capturePayment(_: CapturePaymentInput): Promise<CapturePaymentOutput> {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Payer B2B payments are captured by the invoice issued for each fulfillment; create a fulfillment instead of capturing",
    )
  }

  async refundPayment({ data, amount, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const d: Record<string, unknown> = { ...(data ?? {}) }
    const amountMinor = toMinorUnits(amount, String(d.currency_code))
    const refundId = context?.idempotency_key
    if (!refundId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "refundPayment needs the Medusa refund id")
    if (d.pending_refund != null) {
      const problem = await pendingRefundVerdict(this.cradle, {
        marker: d.pending_refund,
        refund_id: refundId,
        amount_minor: amountMinor,
      })
      // The plugin already issued this credit at Payer (its credit workflows): only Medusa's books change.
      // null, not delete: Medusa merges payment data, so a missing key would leave the marker behind.
      if (!problem) return { data: { ...d, pending_refund: null } }
      // Left in place: it may be the plugin's hand-over for the refund it is recording right now.
      this.cradle.logger?.warn?.(
        `payer-b2b: a pending_refund marker in the payment data is not for this refund (${problem}); the refund is credited at Payer`,
      )
    }
    await creditRefundThroughPayer(this.cradle, { refund_id: refundId, amount_minor: amountMinor })
    return { data: d }
  }

  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: data ?? {} } // nothing was charged; invoiced amounts are credited through refunds
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: data ?? {} }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: PaymentSessionStatus.AUTHORIZED, data: data ?? {} }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: data ?? {} }
  }

  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED } // Payer has no public invoice webhook; a job polls instead
  }
}

export default PayerB2BProviderService
