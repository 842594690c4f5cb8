/** Sending copies, paying with a credit, paying a credit out, and the customer-side test helpers. */
import { randomUUID } from "node:crypto"
import { badRequest, notFound } from "../errors"
import type { DeliveryType, PayerStore, StoredInvoice } from "../state"
import type { ValidatedPayWithCredit } from "../validation-credits"
import { creditStatus, getInvoice, nowIso, paidStatus } from "./common"
import { raiseEvent } from "./events"

export function sendInvoice(store: PayerStore, invoiceNumber: number, deliveryType: DeliveryType): StoredInvoice {
  const invoice = getInvoice(store, invoiceNumber)
  invoice.sends.push({ deliveryType, at: nowIso() })
  return invoice
}

export function payWithCredit(store: PayerStore, req: ValidatedPayWithCredit): void {
  const credit = getInvoice(store, req.creditInvoiceNumber)
  if (credit.type !== "CREDIT") throw badRequest(`Invoice ${credit.invoiceNumber} is not a credit invoice`)
  if (req.toPayInvoiceAggregationId !== null) {
    throw notFound(
      `Invoice aggregation ${req.toPayInvoiceAggregationId} not found (the sandbox has no monthly invoice statements)`,
    )
  }
  const target = getInvoice(store, req.toPayInvoiceNumber!)
  if (target.type !== "NORMAL")
    throw badRequest(`Invoice ${target.invoiceNumber} is a credit invoice and can not be paid`)
  if (target.currencyCode !== credit.currencyCode) {
    throw badRequest(
      `Credit invoice ${credit.invoiceNumber} is in ${credit.currencyCode} but invoice ${target.invoiceNumber} is in ${target.currencyCode}`,
    )
  }
  if (req.amount > credit.outstandingAmount) {
    throw badRequest(
      `amount ${req.amount} exceeds the outstanding amount of credit invoice ${credit.invoiceNumber} (${credit.outstandingAmount})`,
    )
  }
  if (req.amount > target.outstandingAmount) {
    throw badRequest(
      `amount ${req.amount} exceeds the outstanding amount of invoice ${target.invoiceNumber} (${target.outstandingAmount})`,
    )
  }
  const at = nowIso()
  credit.outstandingAmount -= req.amount
  credit.status = creditStatus(credit)
  credit.payments.push({
    source: "CREDIT_INVOICE",
    amount: req.amount,
    at,
    counterpartInvoiceNumber: target.invoiceNumber,
  })
  target.outstandingAmount -= req.amount
  target.status = paidStatus(target)
  target.payments.push({
    source: "CREDIT_INVOICE",
    amount: req.amount,
    at,
    counterpartInvoiceNumber: credit.invoiceNumber,
  })
  // `reference` of CREDIT_USED is not described; the sandbox puts the invoice paid with the credit there
  raiseEvent(store, "CREDIT_USED", {
    creditInvoiceNumber: credit.invoiceNumber,
    amountInCents: req.amount,
    currencyCode: credit.currencyCode,
    creditUsedType: "USED_AS_PAYMENT",
    reference: String(target.invoiceNumber),
  })
}

export interface PayoutResult {
  amount: number
  currencyCode: string
  payoutJobId: string
  transactionMessage: string
  bankAccountPayout: { maskedAccountNumber: string }
}

export function payoutCredit(store: PayerStore, invoiceNumber: number): PayoutResult {
  const credit = getInvoice(store, invoiceNumber)
  if (credit.type !== "CREDIT") throw badRequest(`Invoice ${invoiceNumber} is not a credit invoice`)
  if (credit.outstandingAmount <= 0) throw badRequest(`Credit invoice ${invoiceNumber} has nothing left to pay out`)
  const amount = credit.outstandingAmount
  const payoutJobId = randomUUID()
  credit.outstandingAmount = 0
  credit.status = creditStatus(credit)
  credit.payments.push({ source: "PAYOUT", amount, at: nowIso(), payoutJobId })
  raiseEvent(store, "CREDIT_USED", {
    creditInvoiceNumber: credit.invoiceNumber,
    amountInCents: amount,
    currencyCode: credit.currencyCode,
    creditUsedType: "PAID_OUT",
    reference: payoutJobId,
  })
  return {
    amount,
    currencyCode: credit.currencyCode,
    payoutJobId,
    transactionMessage: `Payout of credit invoice ${invoiceNumber}`,
    bankAccountPayout: { maskedAccountNumber: "****1234" },
  }
}

/** Test helper: the customer pays `amount` (default: everything outstanding) of a NORMAL invoice. */
export function markPaid(store: PayerStore, invoiceNumber: number, amount?: number): StoredInvoice {
  const invoice = getInvoice(store, invoiceNumber)
  if (invoice.type !== "NORMAL")
    throw badRequest(`Invoice ${invoiceNumber} is a credit invoice; the customer pays NORMAL invoices`)
  if (invoice.outstandingAmount === 0) throw badRequest(`Invoice ${invoiceNumber} has nothing outstanding`)
  const paying = amount ?? invoice.outstandingAmount
  if (!Number.isSafeInteger(paying) || paying < 1 || paying > invoice.outstandingAmount) {
    throw badRequest(`amount must be an integer between 1 and ${invoice.outstandingAmount} (got ${paying})`)
  }
  invoice.outstandingAmount -= paying
  invoice.status = paidStatus(invoice)
  const at = nowIso()
  invoice.payments.push({ source: "CUSTOMER", amount: paying, at })
  raiseEvent(store, "INVOICE_PAYMENT_RECEIVED", {
    invoiceNumber: invoice.invoiceNumber,
    orderId: invoice.orderId,
    paymentDate: at.slice(0, 10),
    bookingDate: at.slice(0, 10),
    effectiveBookingDate: at.slice(0, 10),
    isoPaymentDate: at,
    amountInCents: paying,
    currencyCode: invoice.currencyCode,
    orderReferenceId: invoice.orderReferenceId,
  })
  return invoice
}

/**
 * Test helper: the merchant writes `amount` (default: all outstanding) of a NORMAL invoice off. Nothing says
 * which status Payer shows afterwards; the sandbox treats the write-off like money in (PAID / PARTIALLY_PAID).
 */
export function writeOff(store: PayerStore, invoiceNumber: number, amount?: number): StoredInvoice {
  const invoice = getInvoice(store, invoiceNumber)
  if (invoice.type !== "NORMAL")
    throw badRequest(`Invoice ${invoiceNumber} is a credit invoice and can not be written off`)
  if (invoice.outstandingAmount === 0) throw badRequest(`Invoice ${invoiceNumber} has nothing outstanding`)
  const writing = amount ?? invoice.outstandingAmount
  if (!Number.isSafeInteger(writing) || writing < 1 || writing > invoice.outstandingAmount) {
    throw badRequest(`amount must be an integer between 1 and ${invoice.outstandingAmount} (got ${writing})`)
  }
  invoice.outstandingAmount -= writing
  invoice.status = paidStatus(invoice)
  invoice.payments.push({ source: "WRITE_OFF", amount: writing, at: nowIso() })
  // the payment events page types this invoiceNumber as a string (int64 everywhere else)
  raiseEvent(store, "WRITE_OFF_PAYMENT_CREATED", { writeOffAmount: writing, invoiceNumber: String(invoiceNumber) })
  return invoice
}

/** Test helper: the due date passed without full payment. */
export function markOverdue(store: PayerStore, invoiceNumber: number): StoredInvoice {
  const invoice = getInvoice(store, invoiceNumber)
  if (invoice.type !== "NORMAL") throw badRequest(`Invoice ${invoiceNumber} is a credit invoice and can not be overdue`)
  if (invoice.outstandingAmount === 0) throw badRequest(`Invoice ${invoiceNumber} has nothing outstanding`)
  invoice.status = "OVERDUE"
  return invoice
}
