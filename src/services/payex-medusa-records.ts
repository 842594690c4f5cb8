import { container as appContainer } from "@medusajs/framework"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { OrderLike } from "../lib/mapping/order-lines"
import { orderIdOfPaymentCollection } from "./medusa-order-lookup"

/**
 * The few Medusa records the PayEx provider must read that Medusa does not pass to a provider:
 * the amount of the capture it is asked to make, and the order lines to describe it with.
 * The cradle is the payment module's own container (its internal services); the order lives
 * elsewhere, so it is read through the application's `query`.
 */
export class PayexMedusaRecords {
  constructor(private readonly cradle: Record<string, any>) {}

  /** The capture row Medusa created before calling `capturePayment` (its id is the idempotency key). */
  async capture(captureId: string): Promise<{ amount: unknown; payment_id: string; payment_collection_id: string; currency_code: string }> {
    const capture = await this.cradle.captureService.retrieve(captureId, { relations: ["payment"] })
    return {
      amount: capture.raw_amount ?? capture.amount,
      payment_id: capture.payment_id ?? capture.payment?.id,
      payment_collection_id: capture.payment?.payment_collection_id,
      currency_code: capture.payment?.currency_code,
    }
  }

  /** The Medusa payment a refund row belongs to (Medusa creates the row before calling `refundPayment`). */
  async refund(refundId: string): Promise<{ payment_id: string }> {
    const refund = await this.cradle.refundService.retrieve(refundId, { select: ["id", "payment_id"] })
    return { payment_id: refund.payment_id }
  }

  /** Sum of the captures Medusa has recorded on the payment of a session, except `exceptCaptureId`. */
  async capturedTotal(filter: { id?: string; payment_session_id?: string }, exceptCaptureId?: string) {
    const [payment] = await this.cradle.paymentService.list(filter, { relations: ["captures"], take: 1 })
    if (!payment) return { payment: null, total: MathBN.convert(0) }
    const total = (payment.captures ?? [])
      .filter((c: any) => c.id !== exceptCaptureId)
      .reduce((sum: any, c: any) => MathBN.add(sum, c.raw_amount ?? c.amount), MathBN.convert(0))
    return { payment, total }
  }

  /** The order a payment collection pays for, with what invoice lines need. */
  async orderOfPaymentCollection(paymentCollectionId: string): Promise<OrderLike | null> {
    const orderId = await orderIdOfPaymentCollection(paymentCollectionId)
    if (!orderId) return null
    const query = appContainer.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ORDER_LINE_FIELDS,
      filters: { id: orderId },
    })
    return (orders[0] as unknown as OrderLike) ?? null
  }
}

// Totals are computed by the order module, and only when the order's own `total` and the base fields
// ("items.*") are asked for beside "items.total".
export const ORDER_LINE_FIELDS = [
  "id",
  "currency_code",
  "total",
  "items.*",
  "items.total",
  "items.tax_lines.rate",
  "shipping_methods.*",
  "shipping_methods.total",
  "shipping_methods.tax_lines.rate",
]
