import { PaymentSessionStatus } from "@medusajs/framework/utils"
import type { PayexPaymentResponse, PayexTransaction } from "../payex"

/**
 * Medusa's status of a session from what PayEx holds: an aborted payment is canceled; otherwise the
 * furthest completed transaction decides (capture, then cancellation, then authorization); a failed
 * payment without one is an error, anything else still pending.
 */
export function sessionStatusOf(payment: PayexPaymentResponse, transactions: PayexTransaction[]): PaymentSessionStatus {
  const completed = transactions.filter((t) => t.state === "Completed")
  const has = (type: string) => completed.some((t) => t.type === type)
  return payment.payment.state === "Aborted"
    ? PaymentSessionStatus.CANCELED
    : has("Capture")
      ? PaymentSessionStatus.CAPTURED
      : has("Cancellation")
        ? PaymentSessionStatus.CANCELED
        : has("Authorization")
          ? PaymentSessionStatus.AUTHORIZED
          : payment.payment.state === "Failed"
            ? PaymentSessionStatus.ERROR
            : PaymentSessionStatus.PENDING
}
