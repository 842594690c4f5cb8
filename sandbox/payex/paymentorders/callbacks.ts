/**
 * v3.1 callbacks: POST `{ orderReference?, paymentOrder: { id, instrument, number } }` to urls.callbackUrl after each
 * authorization, capture, cancellation, reversal and abort, `callbackDelayMs` later. Delivered and recorded by the
 * invoice sandbox's CallbackDispatcher (one attempt, no retries; `payex.callbacks`).
 */
import type { PaymentOrderContext } from "./context"
import type { PaymentOrderRecord } from "./state"
import { orderPath } from "./state"

export function paymentOrderCallbackBody(o: PaymentOrderRecord, number: number): Record<string, unknown> {
  return {
    ...(o.payeeInfo.orderReference !== undefined ? { orderReference: o.payeeInfo.orderReference } : {}),
    paymentOrder: { id: orderPath(o), instrument: "Invoice", number },
  }
}

/** Schedules the callback for the transaction (or abort) numbered `number` when the order has a callbackUrl. */
export function notifyPaymentOrder(ctx: PaymentOrderContext, o: PaymentOrderRecord, number: number): void {
  if (o.urls.callbackUrl) ctx.callbacks.schedule(o.urls.callbackUrl, paymentOrderCallbackBody(o, number))
}
