// Moved to lib/medusa/order-lookups.ts; this re-export serves the Payer files until their imports point there.
export { livePaymentOf, orderIdOfPaymentCollection } from "../lib/medusa/order-lookups"
