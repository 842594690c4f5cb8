/**
 * What the admin invoice routes do besides crediting: send a copy, pay an invoice with a credit invoice,
 * pay a credit out. Every Payer call carries a Payer-Request-ID derived from the record, the step and the
 * request's key (the Idempotency-Key header when the admin sends one), and the records are read back
 * from Payer afterwards.
 */
import { randomUUID } from "node:crypto"
import type { MedusaRequest } from "@medusajs/framework/http"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { currencyDecimals } from "../../../lib/money"
import { PayerApiError, requestIdFor } from "../../../lib/payer"
import { PAYER_DELIVERY_TYPES } from "../../../modules/payer-invoice/options"
import { InvoiceRecord, payerFailure, payerInvoices, recordByNumber, refreshFromPayer } from "../../../workflows/payer/steps/credit-records"
import { majorUnits } from "../../../lib/mapping/payer-invoice-response"

/** The request's Idempotency-Key (the same key never does the same thing twice), else a fresh one. */
export function requestKey(req: MedusaRequest): string {
  const header = req.headers["idempotency-key"]
  const key = Array.isArray(header) ? header[0] : header
  return key && key.trim() ? key.trim().slice(0, 100) : randomUUID()
}

function minorOf(value: unknown, currencyCode: string, field: string): number {
  const ok = (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value.trim() !== "")
  const minor = ok ? MathBN.convert(value as number | string).shiftedBy(currencyDecimals(currencyCode)) : null
  if (!minor || minor.isNaN() || !minor.isInteger() || minor.lte(0) || !Number.isSafeInteger(minor.toNumber())) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field}: must be a positive amount in ${currencyCode.toUpperCase()} with at most ${currencyDecimals(currencyCode)} decimals, got ${JSON.stringify(value)}`
    )
  }
  return minor.toNumber()
}

function requireKind(record: InvoiceRecord, kind: "invoice" | "credit", what: string): void {
  if (record.kind !== kind || record.status !== "issued") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payer invoice ${record.invoice_number} is not ${what}`)
  }
}

export async function sendInvoiceCopy(scope: MedusaRequest["scope"], invoiceNumber: string, deliveryType: string, key: string) {
  const service = payerInvoices(scope)
  const record = await recordByNumber(service, invoiceNumber)
  const type = String(deliveryType ?? "").toUpperCase()
  if (type === "NONE" || !(PAYER_DELIVERY_TYPES as readonly string[]).includes(type)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `delivery_type: must be one of ${PAYER_DELIVERY_TYPES.filter((t) => t !== "NONE").join(", ")} (NONE sends nothing), got ${JSON.stringify(deliveryType)}`
    )
  }
  try {
    await service.getPayerClient().sendInvoice({ invoiceNumber: Number(record.invoice_number), deliveryType: type }, requestIdFor(record.id, "send", type, key))
  } catch (error) {
    throw payerFailure(error, `Sending Payer invoice ${record.invoice_number}`)
  }
}

/** Pays (part of) an invoice with a credit invoice's outstanding amount; both records are read back. */
export async function payWithCredit(scope: MedusaRequest["scope"], creditNumber: string, body: { to_invoice_number: string | number; amount: unknown }, key: string) {
  const service = payerInvoices(scope)
  const credit = await recordByNumber(service, creditNumber)
  requireKind(credit, "credit", "a credit invoice")
  const target = await recordByNumber(service, String(body.to_invoice_number))
  requireKind(target, "invoice", "an invoice that can be paid")
  const amount = minorOf(body.amount, credit.currency_code, "amount")
  try {
    await service.getPayerClient().payWithCredit(
      { creditInvoiceNumber: Number(credit.invoice_number), toPayInvoiceNumber: Number(target.invoice_number), amount },
      requestIdFor(credit.id, "pay-with-credit", target.id, String(amount), key)
    )
  } catch (error) {
    // 409: this very request was handled before; the invoices read back below show its effect.
    if (!(error instanceof PayerApiError && error.isConflict)) {
      throw payerFailure(error, `Paying Payer invoice ${target.invoice_number} with credit invoice ${credit.invoice_number}`)
    }
  }
  try {
    return { credit: await refreshFromPayer(service, credit), invoice: await refreshFromPayer(service, target) }
  } catch (error) {
    throw payerFailure(error, "Reading the invoices back from Payer")
  }
}

/** Pays a credit invoice's outstanding amount back to the customer. */
export async function payoutCredit(scope: MedusaRequest["scope"], creditNumber: string, key: string) {
  const service = payerInvoices(scope)
  const credit = await recordByNumber(service, creditNumber)
  requireKind(credit, "credit", "a credit invoice")
  let result
  try {
    result = await service.getPayerClient().payoutCredit({ invoiceNumber: Number(credit.invoice_number) }, requestIdFor(credit.id, "payout", key))
  } catch (error) {
    throw payerFailure(error, `Paying out credit invoice ${credit.invoice_number}`)
  }
  const currency = String(result.currencyCode ?? credit.currency_code).toLowerCase()
  let record = credit
  try {
    record = await refreshFromPayer(service, credit)
  } catch {
    // the payout happened; the record catches up with the next read or status sync
  }
  return {
    payout: {
      amount: majorUnits(Number(result.amount), currency),
      currency_code: currency,
      masked_account_number: result.bankAccountPayout?.maskedAccountNumber ?? null,
      payout_job_id: result.payoutJobId ?? null,
      transaction_message: result.transactionMessage ?? null,
    },
    record,
  }
}
