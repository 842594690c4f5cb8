/**
 * The lock the PayEx workflows take (Medusa's locking module: in-memory or Redis, see README "Several
 * server instances"). One lock per Medusa payment for everything the plugin captures or reverses on it, so
 * two fulfillments created back to back, or a capture and a reversal, never race on one PayEx payment.
 */
export const payexPaymentLockKey = (paymentId: string) => `payex-capture:${paymentId}`
