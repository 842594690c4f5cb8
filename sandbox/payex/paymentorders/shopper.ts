/**
 * What the shopper does on the payment page, shared by the HTML page, the view-checkout stub and the test helpers
 * (`payex.approvePaymentOrder`, `declinePaymentOrder`, `cancelPaymentOrder`). The personal number typed on the page
 * is checked and then forgotten (only the order's prefilled last 4 digits are kept).
 */
import { parseNorwegian, parseSwedishLong, parseSwedishShort } from "../identity"
import { PayexProblemError, invalidField, operationNotAvailable } from "../problems"
import { now } from "../state"
import { findTestPerson } from "../test-data"
import { notifyPaymentOrder } from "./callbacks"
import type { PaymentOrderContext } from "./context"
import { loadOrder } from "./context"
import type { PaymentOrderRecord } from "./state"
import { instrumentOf } from "./state"

export interface ApproveOptions {
  /** the payer's personal number: a test person whose credit is not approved declines (SE 121212-1212) */
  ssn?: string
  /** "Redirect" (the page, default) or "HostedView" (the view-checkout stub) */
  integration?: "Redirect" | "HostedView"
}

export type ShopperOutcome = { order: PaymentOrderRecord; outcome: "paid" | "declined" | "aborted" }

function assertInitialized(o: PaymentOrderRecord, what: string): void {
  if (o.status !== "Initialized") throw operationNotAvailable(what, `the payment order is ${o.status}`)
}

function creditApproved(o: PaymentOrderRecord, ssn: string | undefined): boolean {
  if (ssn === undefined || ssn === "") return o.payer?.creditApproved !== false
  const country = o.currency === "NOK" ? "NO" : "SE"
  const key = country === "NO" ? parseNorwegian(ssn) : (parseSwedishShort(ssn) ?? parseSwedishLong(ssn))
  if (!key) throw invalidField("ssn", "not a valid personal number for the payment order's country")
  return findTestPerson(country, key)?.creditApproved !== false
}

/** The payer declines or is refused: a failed attempt is recorded and the order stays Initialized. */
export function declinePaymentOrder(ctx: PaymentOrderContext, id: string, integration?: string): ShopperOutcome {
  const o = loadOrder(ctx, id)
  assertInitialized(o, "decline")
  if (integration === "Redirect" || integration === "HostedView") o.integration = integration
  const number = ctx.orders.shared.number()
  o.failedAttempts.push({
    created: now(),
    instrument: "Invoice",
    number,
    status: "Failed",
    problem: {
      type: "https://api.payex.com/psp/errordetail/invoice/CreditNotApproved",
      title: "Credit not approved",
      status: 403,
      detail: "The credit check of the payer was not approved",
    },
  })
  ctx.orders.history(o, { name: "PaymentAttemptFailed", instrument: "Invoice", number, initiatedBy: "Payer" })
  o.updated = now()
  return { order: o, outcome: "declined" }
}

/** The payer approves the invoice: Paid, an Authorization financial transaction, a callback. */
export function approvePaymentOrder(ctx: PaymentOrderContext, id: string, opts: ApproveOptions = {}): ShopperOutcome {
  const o = loadOrder(ctx, id)
  assertInitialized(o, "approve")
  if (!creditApproved(o, opts.ssn)) return declinePaymentOrder(ctx, id, opts.integration ?? "Redirect")
  o.integration = opts.integration ?? "Redirect"
  o.instrument = instrumentOf(o)
  ctx.orders.history(o, { name: "PaymentInstrumentSelected", instrument: "Invoice", initiatedBy: "Payer" })
  const tx = ctx.orders.addTransaction(o, {
    type: "Authorization",
    amount: o.amount,
    vatAmount: o.vatAmount,
    description: o.description,
    payeeReference: o.payeeInfo.payeeReference,
    orderItems: o.orderItems,
  })
  o.status = "Paid"
  o.remainingCaptureAmount = o.amount
  o.remainingCancellationAmount = o.amount
  o.remainingReversalAmount = 0
  ctx.orders.history(o, {
    name: "PaymentPaid",
    instrument: "Invoice",
    number: tx.number,
    amount: o.amount,
    initiatedBy: "Payer",
  })
  notifyPaymentOrder(ctx, o, tx.number)
  return { order: o, outcome: "paid" }
}

/** Abort: by the payer on the page (CancelledByConsumer) or by the merchant's PATCH. */
export function abortPaymentOrder(
  ctx: PaymentOrderContext,
  id: string,
  abortReason: string,
  initiatedBy: "Payer" | "Payee",
): ShopperOutcome {
  const o = loadOrder(ctx, id)
  if (o.status !== "Initialized") {
    throw new PayexProblemError(
      "inputerror",
      `The operation abort is not available: the payment order is ${o.status}`,
      [{ name: "abort", description: `the payment order is ${o.status}` }],
    )
  }
  const number = ctx.orders.shared.number()
  o.status = "Aborted"
  o.abortReason = abortReason
  o.updated = now()
  ctx.orders.history(o, { name: "PaymentAborted", number, initiatedBy })
  notifyPaymentOrder(ctx, o, number)
  return { order: o, outcome: "aborted" }
}
