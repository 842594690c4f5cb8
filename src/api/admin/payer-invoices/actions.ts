/**
 * What the admin invoice routes do besides crediting: send a copy, pay an invoice with a credit invoice,
 * pay a credit out. Every Payer call carries a Payer-Request-ID derived from the record, the step and the
 * request's Idempotency-Key (required where money moves), and the records are read back from Payer afterwards.
 */
import { randomUUID } from "node:crypto"
import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { parseSwedishOrganisationNumber } from "../../../lib/identity"
import { AdminInputError, parseMajorAmount } from "../../../lib/mapping/admin-amounts"
import { PayerApiError, requestIdFor } from "../../../lib/payer"
import { PAYER_DELIVERY_TYPES } from "../../../modules/payer-invoice/options"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { payerAdminCreditLockKey } from "../../../modules/payer-invoice/lock-keys"
import { payerFailure } from "../../../modules/payer-invoice/records/failures"
import type { InvoiceRecord } from "../../../modules/payer-invoice/records/record-types"
import { majorUnits } from "../../../lib/money"
import { findStoredRequest, withStoredRequest } from "./idempotency"

type Scope = MedusaRequest["scope"]

function adminInput<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof AdminInputError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    throw e
  }
}

/** One keyed operation on a credit invoice at a time (across instances with a shared locking provider). */
function underCreditLock<T>(scope: Scope, creditId: string, job: () => Promise<T>): Promise<T> {
  const locking = scope.resolve(Modules.LOCKING) as {
    execute: <R>(keys: string, job: () => Promise<R>, args?: { timeout?: number }) => Promise<R>
  }
  return locking.execute(payerAdminCreditLockKey(creditId), job, { timeout: 60 })
}

/** The organisation number the payer-b2b payment of a record was made with (normalized), or null. */
async function orgNumberOf(scope: Scope, record: InvoiceRecord): Promise<string | null> {
  if (!record.payment_id) return null
  const payment = await scope.resolve(Modules.PAYMENT).retrievePayment(record.payment_id, { select: ["id", "data"] })
  const raw = (payment?.data as Record<string, unknown> | undefined)?.org_number
  return typeof raw === "string" ? (parseSwedishOrganisationNumber(raw)?.formatted ?? null) : null
}

/**
 * A credit may only pay an invoice of the same business customer: the same order, or an order paid by the
 * same organisation number. Anything else would hand one customer's credit to another.
 */
async function assertSameCustomer(scope: Scope, credit: InvoiceRecord, target: InvoiceRecord): Promise<void> {
  if (credit.order_id === target.order_id) return
  const [creditOrg, targetOrg] = await Promise.all([orgNumberOf(scope, credit), orgNumberOf(scope, target)])
  if (!creditOrg || creditOrg !== targetOrg) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `to_invoice_number: invoice ${target.invoice_number} belongs to another customer than credit invoice ${credit.invoice_number} (organisation numbers differ); a credit can only pay invoices of its own customer`,
    )
  }
}

function requireKind(record: InvoiceRecord, kind: "invoice" | "credit", what: string): void {
  if (record.kind !== kind || record.status !== "issued") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payer invoice ${record.invoice_number} is not ${what}`)
  }
}

/**
 * Sends a copy (moves no money). With an Idempotency-Key the same key sends one copy; without one every
 * request sends another copy, which is what a second click on "send" means.
 */
export async function sendInvoiceCopy(
  scope: Scope,
  invoiceNumber: string,
  deliveryType: string,
  key: string | undefined,
) {
  const service = payerInvoiceModule(scope)
  const record = await service.retrieveInvoiceRecordByNumber(invoiceNumber)
  const type = String(deliveryType ?? "").toUpperCase()
  if (type === "NONE" || !(PAYER_DELIVERY_TYPES as readonly string[]).includes(type)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `delivery_type: must be one of ${PAYER_DELIVERY_TYPES.filter((t) => t !== "NONE").join(", ")} (NONE sends nothing), got ${JSON.stringify(deliveryType)}`,
    )
  }
  try {
    await service
      .getPayerClient()
      .sendInvoice(
        { invoiceNumber: Number(record.invoice_number), deliveryType: type },
        requestIdFor(record.id, "send", type, key ?? randomUUID()),
      )
  } catch (error) {
    throw payerFailure(error, `Sending Payer invoice ${record.invoice_number}`)
  }
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

/**
 * Pays (part of) an invoice with a credit invoice's outstanding amount; both records are read back. Every
 * check (amount format, same customer, what is outstanding on both) runs before Payer is called. The same
 * Idempotency-Key again answers the records without calling Payer.
 */
export async function payWithCredit(
  scope: Scope,
  creditNumber: string,
  body: { to_invoice_number: unknown; amount: unknown },
  key: string,
) {
  const service = payerInvoiceModule(scope)
  const credit = await service.retrieveInvoiceRecordByNumber(creditNumber)
  requireKind(credit, "credit", "a credit invoice")
  const targetNumber = invoiceNumberField(body.to_invoice_number, "to_invoice_number")
  const target = await service.retrieveInvoiceRecordByNumber(targetNumber).catch((e) => {
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
  const amount = adminInput(() => parseMajorAmount(body.amount, credit.currency_code, "amount"))
  await assertSameCustomer(scope, credit, target)
  const params = { to_invoice_number: target.invoice_number, amount }

  return underCreditLock(scope, credit.id, async () => {
    const fresh = await service.retrieveInvoiceRecord(credit.id)
    if (findStoredRequest(fresh.metadata, "pay-with-credit", key, params)) {
      return { credit: fresh, invoice: await service.retrieveInvoiceRecord(target.id) }
    }
    // Records only ever show more outstanding than Payer (payments and credits lower it), so these never refuse wrongly.
    if (amount > Number(fresh.outstanding_amount)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `amount: exceeds what credit invoice ${credit.invoice_number} has outstanding (${majorUnits(fresh.outstanding_amount, credit.currency_code)})`,
      )
    }
    if (amount > Number(target.outstanding_amount)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `amount: exceeds what invoice ${target.invoice_number} has outstanding (${majorUnits(target.outstanding_amount, target.currency_code)})`,
      )
    }
    try {
      await service.getPayerClient().payWithCredit(
        {
          creditInvoiceNumber: Number(credit.invoice_number),
          toPayInvoiceNumber: Number(target.invoice_number),
          amount,
        },
        requestIdFor(credit.id, "pay-with-credit", target.id, String(amount), key),
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
      metadata: withStoredRequest(fresh.metadata, "pay-with-credit", key, { params, result: { paid: true } }),
    })
    try {
      return {
        credit: await service.refreshInvoiceRecordFromPayer(credit),
        invoice: await service.refreshInvoiceRecordFromPayer(target),
      }
    } catch (error) {
      throw payerFailure(error, "Reading the invoices back from Payer")
    }
  })
}

type PayoutAnswer = {
  amount: number
  currency_code: string
  masked_account_number: string | null
  payout_job_id: string | null
  transaction_message: string | null
}

/**
 * Pays a credit invoice's outstanding amount back to the customer. Payer cannot show a payout receipt
 * again (a repeated Payer-Request-ID is only a 409), so the receipt is kept with the key on the record and
 * the same Idempotency-Key answers it without calling Payer.
 */
export async function payoutCredit(scope: Scope, creditNumber: string, key: string) {
  const service = payerInvoiceModule(scope)
  const credit = await service.retrieveInvoiceRecordByNumber(creditNumber)
  requireKind(credit, "credit", "a credit invoice")
  return underCreditLock(scope, credit.id, async () => {
    const fresh = await service.retrieveInvoiceRecord(credit.id)
    const stored = findStoredRequest<PayoutAnswer>(fresh.metadata, "payout", key, {})
    if (stored) return { payout: stored.result, record: fresh }
    let result
    try {
      result = await service
        .getPayerClient()
        .payoutCredit({ invoiceNumber: Number(credit.invoice_number) }, requestIdFor(credit.id, "payout", key))
    } catch (error) {
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
      metadata: withStoredRequest(fresh.metadata, "payout", key, { params: {}, result: payout }),
    })
    let record = await service.retrieveInvoiceRecord(credit.id)
    try {
      record = await service.refreshInvoiceRecordFromPayer(record)
    } catch {
      // the payout happened; the record catches up with the next read or status sync
    }
    return { payout, record }
  })
}
