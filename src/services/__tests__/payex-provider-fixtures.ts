import { payeeReferenceForNth } from "../../lib/payex"

// Medusa ids the PayEx provider specs share (the session, its capture, refund, payment and fulfillment).
export const ULID = "01JQ3ZK8V6X9T2M4N5P7R8S9TB"
export const SESSION_ID = `payses_${ULID}`
export const CAPTURE_ID = "capt_01JQ40000000000000000000CA"
export const REFUND_ID = "ref_01JQ40000000000000000000RF"
export const PAYMENT_MEDUSA_ID = "pay_01JQ40000000000000000000PY"
export const FULFILLMENT_ID = "ful_01JQ40000000000000000000FU"

/** The reference of the payment's first admin capture of `amountMinor` (payeeReferenceForNth). */
export const captureRef = (amountMinor: number, place = 0) =>
  payeeReferenceForNth("CP", PAYMENT_MEDUSA_ID, place, amountMinor)
/** The reference of the payment's first refund of `amountMinor`. */
export const refundRef = (amountMinor: number, place = 0) =>
  payeeReferenceForNth("RF", PAYMENT_MEDUSA_ID, place, amountMinor)
/** The first admin capture of 100.00 and the first refund of 50.00, which most cases make. */
export const CAPTURE_REF = captureRef(10000)
export const REFUND_REF = refundRef(5000)
