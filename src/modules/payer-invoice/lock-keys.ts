/**
 * The lock keys that serialise work on Payer records, spelled once: renaming one in a single place would
 * silently stop serialising invoices against credits. Workflows take them with acquireLockStep, the payer-b2b
 * provider with the locking module.
 */

/** Every Payer workflow takes this before it writes captures or refunds of a payment. */
export function payerPaymentLockKey(paymentId: string): string {
  return `payer-payment:${paymentId}`
}

/** Credits of one order are planned and issued one at a time, so two of them never spend the same remainder. */
export function payerCreditsLockKey(orderId: string): string {
  return `payer-credits:${orderId}`
}

/** One keyed admin operation (pay-with-credit, payout) on a credit invoice at a time. */
export function payerAdminCreditLockKey(creditId: string): string {
  return `payer-admin-credit:${creditId}`
}

/** One status sync at a time across every server instance that shares the locking provider. */
export const PAYER_SYNC_LOCK_KEY = "payer-invoice-sync"
