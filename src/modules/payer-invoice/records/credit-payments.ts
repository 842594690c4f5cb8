/**
 * What a credit invoice's outstanding amount can do besides standing: pay another invoice (pay-with-credit) or
 * go back to the customer (payout). Every check runs before Payer is called; every Payer call carries a
 * Payer-Request-ID derived from the record, the operation and the request's Idempotency-Key, whose result is
 * kept on the record (./stored-requests.ts); the records are read back from Payer afterwards. The callers hold
 * the credit's admin lock (see ../lock-keys.ts) around payWithCredit and payoutCredit.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { AdminInputError, parseMajorAmount } from "../../../lib/mapping/admin-amounts"
import { formatMinorUnits, majorUnits } from "../../../lib/money"
import { PayerApiError, requestIdFor } from "../../../lib/payer"
import type PayerInvoiceModuleService from "../service"
import { payerFailure } from "./failures"
import { recordById, recordByNumber, refreshFromPayer } from "./read"
import type { InvoiceRecord } from "./record-types"
import { findStoredRequest, withStoredRequest } from "./stored-requests"

/** An admin request on a credit invoice that moves money (pay-with-credit, payout). */
export interface KeyedCreditRequest {
  /** The credit invoice's number. */
  invoice_number: string
  /** The request's Idempotency-Key: the same key answers the stored result without calling Payer again. */
  key: string
}

/** The issued credit invoice of a number; 400 for an invoice, or a credit that is not issued. */
export async function issuedCreditByNumber(
  service: PayerInvoiceModuleService,
  invoiceNumber: string,
): Promise<InvoiceRecord> {
  const record = await recordByNumber(service, invoiceNumber)
  if (record.kind !== "credit" || record.status !== "issued") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Payer invoice ${record.invoice_number} is not a credit invoice`,
    )
  }
  return record
}

/** An invoice number as the admin sends it: digits (a JSON number or a string of digits). */
function invoiceNumberField(value: unknown, field: string): string {
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value
  if (typeof text !== "string" || !/^[1-9][0-9]{0,18}$/.test(text)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field}: must be a Payer invoice number (digits), got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value}`,
    )
  }
  return text
}

export interface PayWithCreditRequest {
  to_invoice_number: unknown
  amount: unknown
}

/**
 * The invoice a credit is to pay and the amount in minor units, checked as the admin sent them: the number's
 * format, an issued invoice of this shop, the amount's format and decimals (400 naming the field).
 */
export async function payWithCreditTarget(
  service: PayerInvoiceModuleService,
  credit: InvoiceRecord,
  body: PayWithCreditRequest,
): Promise<{ target: InvoiceRecord; amount: number }> {
  const targetNumber = invoiceNumberField(body.to_invoice_number, "to_invoice_number")
  const target = await recordByNumber(service, targetNumber).catch((e) => {
    throw e instanceof MedusaError && e.type === MedusaError.Types.NOT_FOUND
      ? new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `to_invoice_number: no Payer invoice ${targetNumber} was issued by this shop`,
        )
      : e
  })
  if (target.kind !== "invoice" || target.status !== "issued") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `to_invoice_number: Payer invoice ${target.invoice_number} is not an invoice that can be paid`,
    )
  }
  try {
    return { target, amount: parseMajorAmount(body.amount, credit.currency_code, "amount") }
  } catch (e) {
    if (e instanceof AdminInputError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    throw e
  }
}

function assertCovers(record: InvoiceRecord, amount: number, what: string): void {
  // Records only ever show more outstanding than Payer (payments and credits lower it), so this never refuses wrongly.
  if (amount > Number(record.outstanding_amount)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `amount: exceeds what ${what} ${record.invoice_number} has outstanding (${formatMinorUnits(record.outstanding_amount, record.currency_code)})`,
    )
  }
}

export interface PayWithCreditInput {
  credit_id: string
  target_id: string
  /** Minor units. */
  amount: number
  key: string
}

/**
 * Pays (part of) an invoice with a credit invoice's outstanding amount; both records are read back. The same
 * Idempotency-Key again answers the records without calling Payer.
 */
export async function payWithCredit(service: PayerInvoiceModuleService, input: PayWithCreditInput) {
  const credit = await recordById(service, input.credit_id)
  const target = await recordById(service, input.target_id)
  const params = { to_invoice_number: target.invoice_number, amount: input.amount }
  if (findStoredRequest(credit.metadata, "pay-with-credit", input.key, params)) return { credit, invoice: target }
  assertCovers(credit, input.amount, "credit invoice")
  assertCovers(target, input.amount, "invoice")
  try {
    await service.getPayerClient().payWithCredit(
      {
        creditInvoiceNumber: Number(credit.invoice_number),
        toPayInvoiceNumber: Number(target.invoice_number),
        amount: input.amount,
      },
      requestIdFor(credit.id, "pay-with-credit", target.id, String(input.amount), input.key),
    )
  } catch (error) {
    // 409: this very request was handled before (its answer was lost); the invoices read back below show its effect.
    if (!(error instanceof PayerApiError && error.isConflict)) {
      throw payerFailure(
        error,
        `Paying Payer invoice ${target.invoice_number} with credit invoice ${credit.invoice_number}`,
      )
    }
  }
  await service.updatePayerInvoices({
    id: credit.id,
    metadata: withStoredRequest(credit.metadata, "pay-with-credit", input.key, { params, result: { paid: true } }),
  })
  try {
    return { credit: await refreshFromPayer(service, credit), invoice: await refreshFromPayer(service, target) }
  } catch (error) {
    throw payerFailure(error, "Reading the invoices back from Payer")
  }
}

export interface PayoutAnswer {
  amount: number
  currency_code: string
  masked_account_number: string | null
  payout_job_id: string | null
  transaction_message: string | null
}

/**
 * Pays a credit invoice's outstanding amount back to the customer. Payer cannot show a payout receipt again (a
 * repeated Payer-Request-ID is only a 409), so the receipt is kept with the key on the record and the same
 * Idempotency-Key answers it without calling Payer.
 */
export async function payoutCredit(
  service: PayerInvoiceModuleService,
  input: { credit_id: string; key: string },
): Promise<{ payout: PayoutAnswer; record: InvoiceRecord }> {
  const credit = await recordById(service, input.credit_id)
  const stored = findStoredRequest<PayoutAnswer>(credit.metadata, "payout", input.key, {})
  if (stored) return { payout: stored.result, record: credit }
  let result
  try {
    result = await service
      .getPayerClient()
      .payoutCredit({ invoiceNumber: Number(credit.invoice_number) }, requestIdFor(credit.id, "payout", input.key))
  } catch (error) {
    if (error instanceof PayerApiError && error.isConflict) return payoutFoundAgain(service, credit, input.key, error)
    throw payerFailure(error, `Paying out credit invoice ${credit.invoice_number}`)
  }
  const currency = String(result.currencyCode ?? credit.currency_code).toLowerCase()
  const payout: PayoutAnswer = {
    amount: majorUnits(Number(result.amount), currency),
    currency_code: currency,
    masked_account_number: result.bankAccountPayout?.maskedAccountNumber ?? null,
    payout_job_id: result.payoutJobId ?? null,
    transaction_message: result.transactionMessage ?? null,
  }
  await service.updatePayerInvoices({
    id: credit.id,
    metadata: withStoredRequest(credit.metadata, "payout", input.key, { params: {}, result: payout }),
  })
  let record = await recordById(service, credit.id)
  try {
    record = await refreshFromPayer(service, record)
  } catch {
    // the payout happened; the record catches up with the next read or status sync
  }
  return { payout, record }
}

/** Shown with a payout whose receipt was lost: Payer made it, but keeps no receipt that can be read again. */
export const PAYOUT_RECEIPT_LOST =
  "Payer had already made this payout (its answer was lost); Payer keeps no receipt to read again, so the payout " +
  "job id and bank account are unknown here: see Payer's portal"

/**
 * A payout whose Payer-Request-ID Payer already handled (409): the first attempt paid out and its answer was lost.
 * The receipt cannot be fetched again; the credit invoice read back shows what was paid out (its outstanding
 * amount fell by it). That amount is answered and kept with the key, without the job id and account, and the
 * record's last_error says so, so the merchant sees a receipt is missing instead of a silent success.
 */
async function payoutFoundAgain(
  service: PayerInvoiceModuleService,
  credit: InvoiceRecord,
  key: string,
  conflict: PayerApiError,
): Promise<{ payout: PayoutAnswer; record: InvoiceRecord }> {
  let record: InvoiceRecord
  try {
    record = await refreshFromPayer(service, credit)
  } catch (error) {
    throw payerFailure(error, `Reading credit invoice ${credit.invoice_number} back after its payout`)
  }
  const paidOut = Number(credit.outstanding_amount) - Number(record.outstanding_amount)
  if (!(paidOut > 0)) {
    // Payer says handled, the invoice shows nothing paid out: not something to guess about.
    throw payerFailure(conflict, `Paying out credit invoice ${credit.invoice_number}`)
  }
  const currency = String(credit.currency_code).toLowerCase()
  const payout: PayoutAnswer = {
    amount: majorUnits(paidOut, currency),
    currency_code: currency,
    masked_account_number: null,
    payout_job_id: null,
    transaction_message: PAYOUT_RECEIPT_LOST,
  }
  await service.updatePayerInvoices({
    id: credit.id,
    last_error: `Payout of ${formatMinorUnits(paidOut, currency)}: ${PAYOUT_RECEIPT_LOST}`,
    metadata: withStoredRequest(record.metadata, "payout", key, { params: {}, result: payout }),
  })
  return { payout, record: await recordById(service, credit.id) }
}
