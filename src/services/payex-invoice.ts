import { AbstractPaymentProvider, MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
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
import { buildCaptureRequest } from "../lib/mapping/payex-transactions"
import { PaymentModuleRecords, type PaymentProviderCradle } from "../lib/medusa/payment-records"
import { toMinorUnits } from "../lib/money"
import { PayexClient, payeeReferenceFor, payeeReferenceForNth } from "../lib/payex"
import { webhookActionFor } from "../lib/payex-invoice/callback-verification"
import { createPayexPayment } from "../lib/payex-invoice/payment-creation"
import { abortOrCancel, cancelAuthorization, cancelUncaptured } from "../lib/payex-invoice/payment-release"
import { captureAtPayex } from "../lib/payex-invoice/payment-capture"
import { refundAtPayex } from "../lib/payex-invoice/payment-reversal"
import { onKeptOrRead } from "../lib/payex-invoice/kept-payment"
import { operationsAfterAuthorization } from "../lib/payex-invoice/known-operations"
import { fetchPayment, orderLinesToCapture, paymentAndTransactions } from "../lib/payex-invoice/payment-reads"
import { payexToMedusaError } from "../lib/payex-invoice/medusa-errors"
import {
  PAYEX_DEFAULT_BASE_URL,
  PAYEX_INVOICE_PROVIDER_IDENTIFIER,
  PayexInvoiceOptions,
  payexOptionProblems,
} from "../lib/payex-invoice/provider-options"
import { sessionStatusOf } from "../lib/payex-invoice/payment-status"
import { runSessionAction } from "../lib/payex-invoice/session-actions"
import {
  nullPlantedKeys,
  PayexActionContext,
  PayexSessionData,
  SESSION_KEYS,
} from "../lib/payex-invoice/payex-session-data"
import { completedOfType } from "../lib/payex-invoice/replayable-transactions"
import { plantedKeysMessage, trustedHandover, trustedPayment } from "../lib/payex-invoice/session-trust"

/**
 * PayEx invoice (FinancingConsumer) as a Medusa payment provider: Medusa's session, authorize, capture,
 * cancel and refund calls mapped to PayEx operations. Nothing else lives here: HTTP is in lib/payex,
 * amounts and lines in lib/money and lib/mapping, options, session data, signatures, transactions and the
 * storefront's address/authorize steps in lib/payex-invoice, the Medusa records it reads in lib/medusa.
 */
export class PayexInvoiceProviderService extends AbstractPaymentProvider<PayexInvoiceOptions> {
  static identifier = PAYEX_INVOICE_PROVIDER_IDENTIFIER

  protected readonly client: PayexClient
  protected readonly records: PaymentModuleRecords
  protected readonly logger?: Logger
  private readonly warn = (message: string) => this.logger?.warn(message)

  static validateOptions(options: Record<string, unknown>): void {
    const problems = payexOptionProblems(options as Partial<PayexInvoiceOptions>)
    if (problems.length) throw new Error(`payex-invoice provider options are invalid:\n- ${problems.join("\n- ")}`)
  }

  constructor(
    cradle: PaymentProviderCradle,
    protected readonly options: PayexInvoiceOptions,
  ) {
    super(cradle, options)
    this.logger = cradle.logger
    this.records = new PaymentModuleRecords(cradle)
    this.client = new PayexClient({
      token: options.token,
      baseUrl: options.baseUrl ?? PAYEX_DEFAULT_BASE_URL,
      timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries,
      logger: { debug: (m) => this.logger?.debug(m), warn: (m) => this.logger?.warn(m) },
    })
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const result = await createPayexPayment(this.client, this.options, input, "")
    // Medusa stores {...storefront data, ...this}: only an explicit null removes what the storefront sent.
    const planted = nullPlantedKeys(
      input.data as Record<string, unknown> | undefined,
      result.data as Record<string, unknown>,
    )
    this.warnPlanted("session creation", planted)
    return result
  }

  async updatePayment({ data, amount, currency_code, context }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const d = (data ?? {}) as PayexSessionData
    const { rest, planted } = this.withoutPlantedKeys(d, "session update")
    const payex_action = (context as PayexActionContext | undefined)?.payex_action
    const amountChanged =
      amount !== undefined &&
      rest.amount_minor !== undefined &&
      toMinorUnits(amount, currency_code) !== rest.amount_minor
    if ((payex_action || amountChanged) && !trustedPayment(this.options.token, d)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "payment_session_id: this session has no PayEx payment the plugin created; create the payment session again",
      )
    }
    if (payex_action) return { data: await runSessionAction(this.client, rest, payex_action) }
    if (amountChanged) {
      // PayEx cannot change an amount: abort this payment and start a new one for the new amount. The new
      // one's payeeReference carries the number of the payment it replaces: unique, and the same on a retry.
      await this.deletePayment({ data: rest })
      const replaced = await createPayexPayment(
        this.client,
        this.options,
        { amount, currency_code, data: rest, context },
        `N${rest.payex_payment_number ?? ""}`,
      )
      return { ...replaced, data: { ...Object.fromEntries(planted.map((k) => [k, null])), ...replaced.data } }
    }
    return { data: rest }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const d = data as PayexSessionData
    // Session data may still be the storefront's raw input (its creation not finished): only a payment
    // this provider created for this session can authorize it.
    if (!trustedPayment(this.options.token, d)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This payment session has no PayEx payment the plugin created; create the payment session again",
      )
    }
    // One read: the transactions say whether PayEx authorized the shopper, and the payment's operations are
    // kept for the capture, cancellation and reversal to follow without reading it again.
    const { payment, transactions } = await this.client.getPaymentWithTransactions(d.payex_payment_id!).catch((e) => {
      throw payexToMedusaError(e)
    })
    const [auth] = completedOfType(transactions, "Authorization")
    if (!auth) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The shopper is not authorized by PayEx yet: call POST /store/payex/authorize before completing the cart",
      )
    }
    const payex_operations = operationsAfterAuthorization(this.client, d.payex_payment_id!, payment)
    // The session data becomes the payment's: keys planted before the provider could null them (captures with a
    // VAT summary, a hand-over) must not reach the capture and refund that read them.
    const { rest } = this.withoutPlantedKeys(d, "authorization")
    return {
      status: PaymentSessionStatus.AUTHORIZED,
      data: { ...rest, authorization_transaction_number: auth.number, payex_operations },
    }
  }

  async capturePayment({ data, context }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const d = { ...(data as PayexSessionData) }
    const captureId = context?.idempotency_key
    if (!captureId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "capturePayment needs the Medusa capture id")
    const capture = await this.records.capture(captureId)
    const amount = toMinorUnits(capture.amount, d.currency_code!)
    const pending = trustedHandover(
      this.options.token,
      "pending_capture",
      capture.payment_id,
      d.pending_capture,
      this.warn,
    )
    // Medusa merges payment data on update: only an explicit null removes the hand-over, so a later
    // capture of the same amount can never reuse this fulfillment's lines and payeeReference.
    d.pending_capture = null

    const fromFulfillment = pending && pending.amount_minor === amount ? pending : undefined
    const lines = fromFulfillment
      ? fromFulfillment.lines
      : await orderLinesToCapture(this.records, capture.payment_collection_id)
    const payeeReference = fromFulfillment
      ? payeeReferenceFor("FC", fromFulfillment.fulfillment_id)
      : payeeReferenceForNth(
          "CP",
          capture.payment_id,
          await this.records.placeOf("captures", capture.payment_id, captureId),
          amount,
        )
    const request = buildCaptureRequest({
      lines,
      amount,
      payeeReference,
      description: fromFulfillment ? "Capture of a shipment" : "Capture",
    })
    const tx = await captureAtPayex(this.client, this.records, d, {
      captureId,
      paymentId: capture.payment_id,
      amount,
      request,
      // Neither a fulfillment's nor asked for in the admin: Medusa recording a capture made in PayEx's portal.
      readFirst: !fromFulfillment && !capture.created_by,
    })
    if (!tx) return { data: d }
    const record = { number: tx.number, amount: tx.amount, vat_summary: request.transaction.vatSummary }
    return { data: { ...d, captures: { ...(d.captures ?? {}), [payeeReference]: record } } }
  }

  async refundPayment({ data, amount, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const d = { ...(data as PayexSessionData) }
    const refundId = context?.idempotency_key
    if (!refundId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "refundPayment needs the Medusa refund id")
    const { payment_id: paymentId } = await this.records.refund(refundId)
    const pending = d.pending_refund
      ? trustedHandover(this.options.token, "pending_refund", paymentId, d.pending_refund, this.warn)
      : undefined
    if (d.pending_refund !== undefined) d.pending_refund = null // a hand-over serves one refund only
    const amountMinor = toMinorUnits(amount, d.currency_code!)
    const { tx, payeeReference } = await refundAtPayex(this.client, this.records, d, {
      place: await this.records.placeOf("refunds", paymentId, refundId),
      paymentId,
      amount: amountMinor,
      pending,
    })
    // Reversals of canceled fulfillments are kept by reference: the fulfillment's workflow looks them up.
    if (!payeeReference.startsWith("FR")) return { data: d }
    const reversals = { ...(d.reversals ?? {}), [payeeReference]: { number: tx.number, amount: tx.amount } }
    return { data: { ...d, reversals } }
  }

  async cancelPayment({ data, context }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const d = data as PayexSessionData
    const payeeReference = payeeReferenceFor("CN", String(context?.idempotency_key ?? d.session_id))
    // The kept operation first (one request); a refusal means nothing may be left to release, which the read tells.
    await onKeptOrRead(
      d,
      "create-cancellation",
      (kept) => cancelAuthorization(this.client, kept, payeeReference),
      async () => cancelUncaptured(this.client, await fetchPayment(this.client, d), payeeReference),
    )
    return { data: d }
  }

  /**
   * A deleted session: its PayEx payment is aborted while PayEx still allows that, and an authorization
   * already made is canceled (it would otherwise hold the shopper's credit). Session data may be the
   * storefront's raw input here (Medusa deletes a session whose creation is still running when a second
   * one is created), so only a payment this provider created for this session is touched.
   */
  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    const d = (data ?? {}) as PayexSessionData
    const trusted = trustedPayment(this.options.token, d)
    if (!trusted) {
      if (d.payex_payment_id !== undefined)
        this.logger?.warn(
          "PayEx: a deleted session held a payex_payment_id the plugin did not write; PayEx was not called",
        )
      return { data: d }
    }
    await abortOrCancel(this.client, await fetchPayment(this.client, d), payeeReferenceFor("CN", trusted.session_id))
    return { data: d }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const d = data as PayexSessionData
    const { payment, transactions } = await paymentAndTransactions(this.client, d)
    return { status: sessionStatusOf(payment, transactions), data: d }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const payment = await fetchPayment(this.client, data as PayexSessionData)
    return { data: { ...(data as PayexSessionData), payex_state: payment.payment.state } }
  }

  /** Unsigned callbacks are hints: see lib/payex-invoice/callback-verification.ts. */
  async getWebhookActionAndData({ data }: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return webhookActionFor(this.client, this.records, data, this.logger)
  }

  /**
   * Only the provider's own keys stay; anything else in session data (planted, or left by an older version: an
   * action, a hand-over, a personal number) is removed with an explicit null (Medusa merges data on update).
   */
  private withoutPlantedKeys(d: PayexSessionData, where: string) {
    const rest: PayexSessionData = { ...d }
    const planted = Object.keys(d).filter((k) => !SESSION_KEYS.includes(k) && d[k] !== null)
    for (const k of planted) rest[k] = null
    this.warnPlanted(where, planted)
    return { rest, planted }
  }

  private warnPlanted(where: string, keys: string[]) {
    if (keys.length) this.logger?.warn(`PayEx ${where}: ${plantedKeysMessage(keys)}`)
  }
}

export default PayexInvoiceProviderService
