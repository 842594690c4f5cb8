import {
  AbstractPaymentProvider,
  MathBN,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
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
import { buildCaptureRequest, buildReversalRequest, mergeVatSummaries } from "../lib/mapping/payex-transactions"
import { grossLinesForOrder } from "../lib/mapping/order-lines"
import { PaymentModuleRecords, type PaymentProviderCradle } from "../lib/medusa/payment-records"
import { fromMinorUnits, toMinorUnits } from "../lib/money"
import {
  isOwnPayeeReference,
  PayexClient,
  PayexPaymentResponse,
  PayexProblemError,
  payeeReferenceFor,
} from "../lib/payex"
import { payexToMedusaError } from "../lib/payex-invoice/medusa-errors"
import {
  createPaymentRequest,
  PAYEX_CURRENCIES,
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
import {
  completedCaptureTotal,
  completedOfType,
  reverseFulfillmentCapture,
  withReplayRecovery,
} from "../lib/payex-invoice/replayable-transactions"
import {
  isPayexPaymentId,
  isPayexTransactionOf,
  plantedKeysMessage,
  signPayment,
  trustedHandover,
  trustedPayment,
} from "../lib/payex-invoice/session-trust"

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
    const result = await this.createPayexPayment(input, "")
    // Medusa stores {...storefront data, ...this}: only an explicit null removes what the storefront sent.
    const planted = nullPlantedKeys(
      input.data as Record<string, unknown> | undefined,
      result.data as Record<string, unknown>,
    )
    this.warnPlanted("session creation", planted)
    return result
  }

  /**
   * Creates the PayEx payment of a session. `referenceSuffix` tells apart the payments that replace an
   * earlier one of the same session (PayEx refuses a payeeReference it has seen).
   */
  private async createPayexPayment(
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
    const sessionId = String(
      (data as Record<string, unknown> | undefined)?.session_id ?? context?.idempotency_key ?? "",
    )
    const amountMinor = toMinorUnits(amount, currency_code)
    const sent = (data as Record<string, unknown> | undefined)?.user_agent
    const userAgent = typeof sent === "string" && sent ? sent : "medusa-plugin-payex-payer"
    const body = (payeeReference: string) =>
      createPaymentRequest(this.options, { currency_code, amountMinor, userAgent, sessionId, payeeReference })
    let created: PayexPaymentResponse
    try {
      created = await this.client.createPayment(body(payeeReferenceFor("PS", sessionId, referenceSuffix)))
    } catch (e) {
      // A lost answer to a create: an unauthorized PayEx payment moves no money, so a second one with a
      // derived reference is safe (the first simply expires).
      if (!(e instanceof PayexProblemError && e.isPayeeReferenceReplay)) throw payexToMedusaError(e)
      created = await this.client
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
      payex_signature: signPayment(this.options.token, sessionId, created.payment.id),
      currency_code: currency_code.toLowerCase(),
      amount_minor: amountMinor,
      capture_on: this.options.captureOn ?? "fulfillment",
    }
    return { id: created.payment.id, data: stored, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment({ data, amount, currency_code, context }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const d = (data ?? {}) as PayexSessionData
    // Only the provider's own keys stay; anything else in session data (planted, or left by an older
    // version: an action, a hand-over, a personal number) is removed with an explicit null.
    const rest: PayexSessionData = { ...d }
    const planted = Object.keys(d).filter((k) => !SESSION_KEYS.includes(k) && d[k] !== null)
    for (const k of planted) rest[k] = null
    this.warnPlanted("session update", planted)
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
      const replaced = await this.createPayexPayment(
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
    const { transactions } = await this.paymentAndTransactions(d)
    const [auth] = completedOfType(transactions, "Authorization")
    if (!auth) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The shopper is not authorized by PayEx yet: call POST /store/payex/authorize before completing the cart",
      )
    }
    return { status: PaymentSessionStatus.AUTHORIZED, data: { ...d, authorization_transaction_number: auth.number } }
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

    const { payment, transactions } = await this.paymentAndTransactions(d)
    // Money PayEx holds as captured but Medusa has not recorded (an earlier attempt that crashed after
    // PayEx answered, or a capture made in PayEx's portal) is recorded now instead of captured again.
    const payexCaptured = completedCaptureTotal(transactions)
    const { total } = await this.records.capturedTotal({ id: capture.payment_id }, captureId)
    if (payexCaptured - toMinorUnits(total, d.currency_code!) >= amount) return { data: d }

    const fromFulfillment = pending && pending.amount_minor === amount ? pending : undefined
    const lines = fromFulfillment ? fromFulfillment.lines : await this.orderLines(capture.payment_collection_id)
    const payeeReference = fromFulfillment
      ? payeeReferenceFor("FC", fromFulfillment.fulfillment_id)
      : payeeReferenceFor("CP", captureId)
    const request = buildCaptureRequest({
      lines,
      amount,
      payeeReference,
      description: fromFulfillment ? "Capture of a shipment" : "Capture",
    })
    const tx = await withReplayRecovery(this.client, payment, "create-capture", request, "Capture")
    return {
      data: { ...d, captures: { ...(d.captures ?? {}), [payeeReference]: { number: tx.number, amount: tx.amount } } },
    }
  }

  async refundPayment({ data, amount, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const d = { ...(data as PayexSessionData) }
    const refundId = context?.idempotency_key
    if (!refundId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "refundPayment needs the Medusa refund id")
    const amountMinor = toMinorUnits(amount, d.currency_code!)
    const pending = d.pending_refund
      ? trustedHandover(
          this.options.token,
          "pending_refund",
          (await this.records.refund(refundId)).payment_id,
          d.pending_refund,
          this.warn,
        )
      : undefined
    if (d.pending_refund !== undefined) d.pending_refund = null // a hand-over serves one refund only
    const { payment, transactions } = await this.paymentAndTransactions(d)
    const captures = completedOfType(transactions, "Capture")
    if (pending && pending.amount_minor === amountMinor) {
      // A canceled fulfillment: reverse exactly its capture (its amount and VAT), referenced by the fulfillment.
      const tx = await reverseFulfillmentCapture(this.client, payment, captures, pending)
      const reference = payeeReferenceFor("FR", pending.fulfillment_id)
      return {
        data: { ...d, reversals: { ...(d.reversals ?? {}), [reference]: { number: tx.number, amount: tx.amount } } },
      }
    }
    const summaries = await Promise.all(
      captures.map((c) => this.client.getItemDescriptions(c.id).then((r) => r.itemDescriptions.vatSummary)),
    )
    const request = buildReversalRequest({
      amount: amountMinor,
      captured: mergeVatSummaries(summaries),
      payeeReference: payeeReferenceFor("RF", refundId),
      description: "Refund",
    })
    await withReplayRecovery(this.client, payment, "create-reversal", request, "Reversal")
    return { data: d }
  }

  async cancelPayment({ data, context }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const d = data as PayexSessionData
    const payment = await this.fetchPayment(d)
    if (!payment.operations.some((o) => o.rel === "create-cancellation")) return { data: d } // nothing left to release
    await this.cancelAuthorization(payment, payeeReferenceFor("CN", String(context?.idempotency_key ?? d.session_id)))
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
    const payment = await this.fetchPayment(d)
    if (payment.operations.some((o) => o.rel === "update-payment-abort")) {
      await this.client
        .perform(payment.operations, "update-payment-abort", {
          payment: { operation: "Abort", abortReason: "CancelledByConsumer" },
        })
        .catch((e) => {
          throw payexToMedusaError(e)
        })
    } else if (payment.operations.some((o) => o.rel === "create-cancellation")) {
      await this.cancelAuthorization(payment, payeeReferenceFor("CN", trusted.session_id))
    }
    return { data: d }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const d = data as PayexSessionData
    const { payment, transactions } = await this.paymentAndTransactions(d)
    return { status: sessionStatusOf(payment, transactions), data: d }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const payment = await this.fetchPayment(data as PayexSessionData)
    return { data: { ...(data as PayexSessionData), payex_state: payment.payment.state } }
  }

  /**
   * PayEx callbacks are unsigned: the body only says which transaction to look at. The transaction is
   * read back from PayEx, and only a completed authorization, or a completed capture Medusa has not
   * recorded yet, changes anything in Medusa.
   */
  async getWebhookActionAndData({ data }: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    const notSupported = { action: PaymentActions.NOT_SUPPORTED }
    const body = data as { payment?: { id?: unknown }; transaction?: { id?: unknown } } | undefined
    const paymentId = body?.payment?.id
    const transactionId = body?.transaction?.id
    // Exactly `<payment>/transactions/<uuid>`: a "../" or a query would make the GET read another resource.
    if (!isPayexTransactionOf(paymentId, transactionId) || typeof transactionId !== "string") return notSupported
    try {
      const { transaction: tx } = await this.client.getTransaction(transactionId)
      const payment = await this.client.getPayment(paymentId)
      const { payeeInfo } = await this.client.getPayeeInfo(payment.payment)
      const sessionId = payeeInfo.orderReference
      if (!sessionId || tx.state !== "Completed") return notSupported
      const amount = fromMinorUnits(tx.amount, payment.payment.currency)
      if (tx.type === "Authorization")
        return { action: PaymentActions.AUTHORIZED, data: { session_id: sessionId, amount } }
      if (tx.type !== "Capture" || isOwnPayeeReference(tx.payeeReference, ["CP", "FC"])) return notSupported
      const { payment: medusaPayment, total } = await this.records.capturedTotal({ payment_session_id: sessionId })
      const payexCaptured = completedCaptureTotal(await this.client.listTransactions(payment.payment))
      if (!medusaPayment || MathBN.gte(total, fromMinorUnits(payexCaptured, payment.payment.currency)))
        return notSupported
      return { action: PaymentActions.SUCCESSFUL, data: { session_id: sessionId, amount } }
    } catch (e) {
      this.logger?.warn(`PayEx callback for ${paymentId} could not be verified: ${(e as Error).message}`)
      return notSupported
    }
  }

  private async fetchPayment(d: PayexSessionData): Promise<PayexPaymentResponse> {
    if (!d?.payex_payment_id)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment has no PayEx payment id")
    // Never a URL or a path elsewhere: only the shape PayEx gives its invoice payments (lib/payex-invoice/session-trust.ts).
    if (!isPayexPaymentId(d.payex_payment_id))
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "This payment's payex_payment_id is not a PayEx invoice payment id",
      )
    return this.client.getPayment(d.payex_payment_id).catch((e) => {
      throw payexToMedusaError(e)
    })
  }

  /** The session's PayEx payment and all its transactions: what authorize, capture, refund and status decide on. */
  private async paymentAndTransactions(d: PayexSessionData) {
    const payment = await this.fetchPayment(d)
    return { payment, transactions: await this.client.listTransactions(payment.payment) }
  }

  private async cancelAuthorization(payment: PayexPaymentResponse, payeeReference: string) {
    await withReplayRecovery(
      this.client,
      payment,
      "create-cancellation",
      {
        transaction: { activity: "FinancingConsumer", payeeReference, description: "Order canceled" },
      },
      "Cancellation",
    )
  }

  private warnPlanted(where: string, keys: string[]) {
    if (keys.length) this.logger?.warn(`PayEx ${where}: ${plantedKeysMessage(keys)}`)
  }

  private async orderLines(paymentCollectionId: string) {
    const order = await this.records.orderOfPaymentCollection(paymentCollectionId)
    if (!order)
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        "No order found for this payment; PayEx needs the order lines to capture",
      )
    return grossLinesForOrder(order)
  }
}

export default PayexInvoiceProviderService
