/** The keys and progress values written on invoice records, spelled once for the workflows and the admin routes. */

/** The unique `source` of the invoice of a fulfillment: a duplicate event finds the same record. */
export function fulfillmentSource(fulfillmentId: string): string {
  return `fulfillment:${fulfillmentId}`
}

/** How far issuing got; each value is written right after the Payer call that reached it. */
export const ISSUE_STEPS = {
  orderCreated: "order_created",
  approved: "approved",
  invoiced: "invoiced",
  recorded: "recorded",
} as const

/** `refund:<id>` for the first credit of a Medusa refund, `refund:<id>:2`... for the next ones. */
export function refundSource(refundId: string, index = 0): string {
  return index === 0 ? `refund:${refundId}` : `refund:${refundId}:${index + 1}`
}

/** The source of an admin credit: one per invoice and Idempotency-Key. */
export function adminCreditSource(originalId: string, key: string): string {
  return `credit:${originalId}:${key}`
}

/** What every credit of one return starts with; the n-th received part is `<prefix><n>`. */
export function returnCreditSourcePrefix(returnId: string): string {
  return `return:${returnId}:`
}

/** Credits the plugin made on its own (admin credits, returns): recorded as Medusa refunds once they are issued. */
export function isAdminOrReturnCreditSource(source: string): boolean {
  return source.startsWith("credit:") || source.startsWith("return:")
}

/** Marks the Medusa capture that stands for one Payer invoice (capture.created_by), so it is made once. */
export function captureMarker(recordId: string): string {
  return `payer-invoice:${recordId}`
}

/** Tags the Medusa refund that stands for a credit invoice (refund.note), so a retry after a crash finds it. */
export function refundNote(invoiceNumber: string | null | undefined): string {
  return `Payer credit invoice ${invoiceNumber}`
}
