import type { BigNumberInput, Logger } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { OrderLike } from "../mapping/order-lines"
import { cartWithLinesOfPaymentCollection, orderWithLinesOfPaymentCollection } from "./order-lookups"

/** The columns of the payment module's rows a provider reads (Medusa passes a provider none of them). */
export interface CaptureRecord {
  id: string
  amount: BigNumberInput
  raw_amount?: BigNumberInput | null
  payment_id: string
  /** The admin user who asked for the capture (Medusa's admin route); empty for a callback's or a workflow's. */
  created_by?: string | null
  /** Loaded: `capture()` asks for the relation. */
  payment: { id: string; payment_collection_id: string; currency_code: string }
}
export interface RefundRecord {
  id: string
  payment_id: string
  /** Loaded when asked for (`relations: ["payment"]`). */
  payment?: { id: string; payment_collection_id: string } | null
}
export interface PaymentSessionRecord {
  id: string
  currency_code: string
  payment_collection_id?: string | null
  data?: Record<string, unknown> | null
}
type PaymentRow = { id: string; created_at?: Date | string | null }
export interface PaymentRecord {
  id: string
  captures?: Array<PaymentRow & { amount: BigNumberInput; raw_amount?: BigNumberInput | null }> | null
  refunds?: PaymentRow[] | null
}

/**
 * What Medusa hands a payment provider's constructor: the payment module's container. Medusa types it as
 * `Record<string, any>`; the providers read only the logger from it directly, the rest through
 * PaymentModuleRecords below.
 */
export type PaymentProviderCradle = Record<string, unknown> & { logger?: Logger }

/**
 * The payment module's internal services a provider's cradle holds. Medusa types a provider's cradle as
 * `Record<string, any>`; this names the four calls the plugin makes, so the cast is made once, here.
 */
export interface PaymentModuleCradle {
  captureService: { retrieve(id: string, config: { relations: string[] }): Promise<CaptureRecord> }
  refundService: { retrieve(id: string, config: { relations: string[] }): Promise<RefundRecord> }
  paymentSessionService: {
    list(filter: { id: string }, config: { select: string[]; take: number }): Promise<PaymentSessionRecord[]>
  }
  paymentService: {
    list(
      filter: { id?: string; payment_session_id?: string },
      config: { relations: string[]; take: number },
    ): Promise<PaymentRecord[]>
  }
}

/**
 * The few Medusa records a payment provider must read that Medusa does not pass to it: the amount of the
 * capture it is asked to make, the payment of a refund, what is already captured, and the order lines to
 * describe a capture with. The cradle is the payment module's own container (its internal services); the
 * order lives elsewhere, so it is read through the application's `query` (lib/medusa/order-lookups.ts).
 */
export class PaymentModuleRecords {
  private readonly cradle: PaymentModuleCradle

  constructor(cradle: Record<string, unknown>) {
    this.cradle = cradle as unknown as PaymentModuleCradle
  }

  /** The capture row Medusa created before calling `capturePayment` (its id is the idempotency key). */
  async capture(captureId: string): Promise<{
    amount: BigNumberInput
    payment_id: string
    payment_collection_id: string
    currency_code: string
    created_by: string | null
  }> {
    const capture = await this.cradle.captureService.retrieve(captureId, { relations: ["payment"] })
    return {
      amount: capture.raw_amount ?? capture.amount,
      created_by: capture.created_by ?? null,
      payment_id: capture.payment_id ?? capture.payment?.id,
      payment_collection_id: capture.payment?.payment_collection_id,
      currency_code: capture.payment?.currency_code,
    }
  }

  /** The Medusa payment a refund row belongs to (Medusa creates the row before calling `refundPayment`). */
  async refund(refundId: string): Promise<{ payment_id: string; payment_collection_id: string | null }> {
    const refund = await this.cradle.refundService.retrieve(refundId, { relations: ["payment"] })
    return {
      payment_id: refund.payment_id ?? refund.payment?.id,
      payment_collection_id: refund.payment?.payment_collection_id ?? null,
    }
  }

  /** A payment session by id (its currency and data), or null when there is none. */
  async session(sessionId: string): Promise<PaymentSessionRecord | null> {
    const [session] = await this.cradle.paymentSessionService.list(
      { id: sessionId },
      { select: ["id", "currency_code", "data"], take: 1 },
    )
    return session ?? null
  }

  /** Sum of the captures Medusa has recorded on the payment of a session, except `exceptCaptureId`. */
  async capturedTotal(filter: { id?: string; payment_session_id?: string }, exceptCaptureId?: string) {
    const [payment] = await this.cradle.paymentService.list(filter, { relations: ["captures"], take: 1 })
    if (!payment) return { payment: null, total: MathBN.convert(0) }
    const total = (payment.captures ?? [])
      .filter((c) => c.id !== exceptCaptureId)
      .reduce((sum, c) => MathBN.add(sum, c.raw_amount ?? c.amount), MathBN.convert(0))
    return { payment, total }
  }

  /**
   * How many captures (or refunds) of the payment Medusa recorded before the row `rowId`: 0 for the first. Rows of
   * failed calls are deleted by Medusa, so a retry after one takes the same place.
   */
  async placeOf(kind: "captures" | "refunds", paymentId: string, rowId: string): Promise<number> {
    const [payment] = (await this.cradle.paymentService.list({ id: paymentId }, { relations: [kind], take: 1 })) ?? []
    const rows: PaymentRow[] = payment?.[kind] ?? []
    const row = rows.find((r) => r.id === rowId)
    if (!row) return rows.length
    const key = (r: PaymentRow) => [new Date(r.created_at ?? 0).getTime(), r.id] as const
    const [at, id] = key(row)
    return rows.filter((r) => r.id !== rowId && (key(r)[0] < at || (key(r)[0] === at && r.id < id))).length
  }

  /** The cart a payment session pays for, with its lines (a payment order lists them at checkout). */
  async cartOfSession(sessionId: string): Promise<OrderLike | null> {
    const [session] = await this.cradle.paymentSessionService.list(
      { id: sessionId },
      { select: ["id", "currency_code", "payment_collection_id"], take: 1 },
    )
    return session?.payment_collection_id ? cartWithLinesOfPaymentCollection(session.payment_collection_id) : null
  }

  /** The order a payment collection pays for, with what invoice lines need. */
  orderOfPaymentCollection(paymentCollectionId: string): Promise<OrderLike | null> {
    return orderWithLinesOfPaymentCollection(paymentCollectionId)
  }
}
