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
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { PaymentModuleRecords, type PaymentProviderCradle } from "../lib/medusa/payment-records"
import { fromMinorUnits, toMinorUnits } from "../lib/money"
import { payeeReferenceFor } from "../lib/payex"
import { payexToMedusaError } from "../lib/payex-invoice/medusa-errors"
import type { PendingCapture, PendingReversal } from "../lib/payex-invoice/payex-session-data"
import { plantedKeysMessage, trustedHandover } from "../lib/payex-invoice/session-trust"
import { isAuthorized, isPaymentOrderId, statusOf, SwedbankPayClient } from "../lib/swedbankpay"
import { createPaymentOrder } from "../lib/swedbankpay-invoice/payment-order-creation"
import { captureOrder, refundOrder } from "../lib/swedbankpay-invoice/payment-order-money"
import { offers, readOrder, transactOnce } from "../lib/swedbankpay-invoice/order-transactions"
import {
  SWEDBANKPAY_DEFAULT_BASE_URL,
  SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER,
  swedbankPayOptionProblems,
  type SwedbankPayInvoiceOptions,
} from "../lib/swedbankpay-invoice/provider-options"
import { type SwedbankPaySessionData, trustedOrder, withoutPlantedKeys } from "../lib/swedbankpay-invoice/session-data"

/**
 * Swedbank Pay invoice through the Payment Order API v3.1 (instruments Invoice-PayExFinancingSe/No) as a Medusa
 * payment provider. The shopper completes the invoice on Swedbank Pay's own page (redirect or seamless view); the
 * provider creates the payment order, reads its state at cart completion, and captures, cancels and reverses with
 * orderItems. HTTP lives in lib/swedbankpay, lines in lib/mapping, the rest in lib/swedbankpay-invoice.
 */
export class SwedbankPayInvoiceProviderService extends AbstractPaymentProvider<SwedbankPayInvoiceOptions> {
  static identifier = SWEDBANKPAY_INVOICE_PROVIDER_IDENTIFIER

  protected readonly client: SwedbankPayClient
  protected readonly records: PaymentModuleRecords
  protected readonly logger?: Logger

  static validateOptions(options: Record<string, unknown>): void {
    const problems = swedbankPayOptionProblems(options as Partial<SwedbankPayInvoiceOptions>)
    if (problems.length)
      throw new Error(`swedbankpay-invoice provider options are invalid:\n- ${problems.join("\n- ")}`)
  }

  constructor(
    cradle: PaymentProviderCradle,
    protected readonly options: SwedbankPayInvoiceOptions,
  ) {
    super(cradle, options)
    this.logger = cradle.logger
    this.records = new PaymentModuleRecords(cradle)
    this.client = new SwedbankPayClient({
      token: options.token,
      baseUrl: options.baseUrl ?? SWEDBANKPAY_DEFAULT_BASE_URL,
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      logger: { debug: (m) => this.logger?.debug(m), warn: (m) => this.logger?.warn(m) },
    })
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const result = await createPaymentOrder(this.client, this.records, this.options, input)
    // Medusa stores {...storefront data, ...this}: only an explicit null removes what the storefront sent.
    const { planted } = withoutPlantedKeys((input.data ?? {}) as Record<string, unknown>)
    const cleared = Object.fromEntries([...planted, "email", "msisdn"].map((k) => [k, null]))
    this.warnPlanted("session creation", planted)
    return { ...result, data: { ...cleared, ...result.data } }
  }

  async updatePayment({ data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const { rest, planted } = withoutPlantedKeys((data ?? {}) as Record<string, unknown>)
    this.warnPlanted("session update", planted)
    return { data: rest }
  }

  /** Cart completion: authorized when the shopper completed the invoice on Swedbank Pay's page. */
  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const { rest, planted } = withoutPlantedKeys((data ?? {}) as Record<string, unknown>)
    this.warnPlanted("authorization", planted)
    const trusted = this.trusted(data)
    const { paymentOrder } = await readOrder(this.client, trusted.order_id)
    if (isAuthorized(paymentOrder)) return { status: PaymentSessionStatus.AUTHORIZED, data: rest }
    const status = statusOf(paymentOrder)
    if (status === "aborted" || status === "cancelled") return { status: PaymentSessionStatus.CANCELED, data: rest }
    if (status === "failed") return { status: PaymentSessionStatus.ERROR, data: rest }
    // Initialized: the shopper has not completed Swedbank Pay's page yet (or a status the plugin does not know).
    return { status: PaymentSessionStatus.REQUIRES_MORE, data: rest }
  }

  async capturePayment({ data, context }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const d = data as SwedbankPaySessionData
    const captureId = context?.idempotency_key
    if (!captureId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "capturePayment needs the Medusa capture id")
    const handover = (paymentId: string) =>
      trustedHandover(this.options.token, "pending_capture", paymentId, d.pending_capture as PendingCapture, (m) =>
        this.logger?.warn(m),
      )
    const captured = await captureOrder(this.client, this.records, this.trusted(d).order_id, d, captureId, handover)
    // Medusa merges payment data on update: only an explicit null removes the hand-over (it serves one capture).
    return { data: { ...d, pending_capture: null, captures: { ...(d.captures ?? {}), ...captured } } }
  }

  async refundPayment({ data, amount, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const d = data as SwedbankPaySessionData
    const refundId = context?.idempotency_key
    if (!refundId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "refundPayment needs the Medusa refund id")
    const orderId = this.trusted(d).order_id
    const { payment_id } = await this.records.refund(refundId)
    const pending = trustedHandover(
      this.options.token,
      "pending_refund",
      payment_id,
      d.pending_refund as PendingReversal | null | undefined,
      (m) => this.logger?.warn(m),
    )
    await refundOrder(this.client, this.records, orderId, d, {
      refundId,
      amount: toMinorUnits(amount, d.currency_code!),
      pending,
    })
    // A hand-over serves one refund only (Medusa merges data on update: only null removes it).
    return { data: d.pending_refund === undefined ? d : { ...d, pending_refund: null } }
  }

  /** Releases what is not captured; nothing to do when Swedbank Pay offers no cancel (all captured or released). */
  async cancelPayment({ data, context }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const d = data as SwedbankPaySessionData
    const trusted = this.trusted(d)
    const order = await readOrder(this.client, trusted.order_id)
    if (offers(order, "cancel")) {
      const payeeReference = payeeReferenceFor("CN", String(context?.idempotency_key ?? trusted.session_id))
      await transactOnce(this.client, order, "cancel", {
        transaction: { description: "Order canceled", payeeReference },
      })
    }
    return { data: d }
  }

  /** A deleted session: its payment order is aborted while Swedbank Pay allows that, else canceled. */
  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const d = (data ?? {}) as SwedbankPaySessionData
    const trusted = trustedOrder(this.options.token, d)
    if (!trusted) return { data: d }
    const order = await readOrder(this.client, trusted.order_id)
    if (offers(order, "abort")) {
      await this.client
        .perform(order, "abort", { paymentorder: { operation: "Abort", abortReason: "CancelledByConsumer" } })
        .catch(async (e) => {
          // An earlier attempt may have aborted it and lost the answer: an aborted order is what was asked for.
          const now = await readOrder(this.client, trusted.order_id).catch(() => undefined)
          if (statusOf(now?.paymentOrder) !== "aborted") throw payexToMedusaError(e)
        })
    } else if (offers(order, "cancel")) {
      const payeeReference = payeeReferenceFor("CN", trusted.session_id)
      await transactOnce(this.client, order, "cancel", {
        transaction: { description: "Session removed", payeeReference },
      })
    }
    return { data: d }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const { paymentOrder } = await readOrder(this.client, this.trusted(data).order_id)
    const status = statusOf(paymentOrder)
    if (isAuthorized(paymentOrder)) return { status: PaymentSessionStatus.AUTHORIZED, data }
    if (status === "aborted" || status === "cancelled") return { status: PaymentSessionStatus.CANCELED, data }
    return { status: status === "failed" ? PaymentSessionStatus.ERROR : PaymentSessionStatus.PENDING, data }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const { paymentOrder } = await readOrder(this.client, this.trusted(data).order_id)
    return { data: { ...(data as SwedbankPaySessionData), swedbankpay_status: paymentOrder.status ?? null } }
  }

  /**
   * Callbacks (v3.1: `{ orderReference, paymentOrder: { id, instrument, number } }`) are unsigned hints: only the
   * payment order read back from Swedbank Pay counts, and only its authorization changes anything in Medusa (the
   * session named by the orderReference the plugin itself sent at creation, read back from Swedbank Pay).
   */
  async getWebhookActionAndData({ data }: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const notSupported = { action: PaymentActions.NOT_SUPPORTED }
    const body = data as { paymentOrder?: { id?: unknown }; paymentorder?: { id?: unknown } } | undefined
    const orderId = (body?.paymentOrder ?? body?.paymentorder)?.id
    if (!isPaymentOrderId(orderId)) return notSupported
    try {
      const answer = await this.client.getPaymentOrder(orderId, ["paid", "payeeinfo"])
      const order = answer.paymentOrder as typeof answer.paymentOrder & { payeeInfo?: { orderReference?: unknown } }
      const sessionId = order.payeeInfo?.orderReference
      if (!isAuthorized(order) || typeof sessionId !== "string" || !sessionId.startsWith("payses_")) return notSupported
      const session = await this.records.session(sessionId)
      if (session?.data?.swedbankpay_order_id !== orderId) return notSupported
      const amount = fromMinorUnits(Number(order.paid?.amount ?? order.amount ?? 0), session.currency_code)
      return { action: PaymentActions.AUTHORIZED, data: { session_id: sessionId, amount } }
    } catch (e) {
      this.logger?.warn(`Swedbank Pay callback for ${orderId} could not be verified: ${(e as Error).message}`)
      return notSupported
    }
  }

  /** The session's payment order when the provider wrote it; a storefront's planted id is refused without a call. */
  private trusted(data: unknown): { session_id: string; order_id: string } {
    const trusted = trustedOrder(this.options.token, data as Record<string, unknown>)
    if (!trusted) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This payment session has no Swedbank Pay payment order the plugin created; create the payment session again",
      )
    }
    return trusted
  }

  private warnPlanted(where: string, keys: string[]) {
    if (keys.length) this.logger?.warn(`Swedbank Pay ${where}: ${plantedKeysMessage(keys)}`)
  }
}

export default SwedbankPayInvoiceProviderService
