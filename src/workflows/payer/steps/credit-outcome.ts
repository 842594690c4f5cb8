/**
 * Telling a credit that Payer refused from one whose outcome is unknown, and finding the latter again.
 */
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isOpenCredit } from "../../../lib/mapping/payer-open-credits"
import { externalInvoiceNumberFor, PayerApiError, type PayerInvoice } from "../../../lib/payer"
import { TOKEN_PATH } from "../../../lib/payer/transport"
import type PayerInvoiceModuleService from "../../../modules/payer-invoice/service"
import { orderRecords, payerFailure, payerInvoices, type InvoiceRecord } from "./credit-records"

export const CREDIT_OUTCOME_UNKNOWN = "payer_credit_outcome_unknown"

/** A credit was sent but Payer's answer never arrived: the record is "unknown" and holds its amount back. */
export class CreditOutcomeUnknownError extends MedusaError {
  constructor(message: string) {
    super(MedusaError.Types.UNEXPECTED_STATE, message, CREDIT_OUTCOME_UNKNOWN)
  }
}

/**
 * True when the failure proves Payer made no credit: Payer answered 4xx (other than 409, "already
 * handled"), the token could not be had, or the client refused before sending. A timeout, a lost
 * connection, a 5xx after the client's retries, an unrecovered 409 or an unreadable 2xx prove nothing.
 */
export function refusedByPayer(error: unknown): boolean {
  // The transport turns every wire failure into a PayerApiError: anything else was thrown before sending.
  if (!(error instanceof PayerApiError)) return true
  if (error.path === TOKEN_PATH) return true
  return error.code === "http" && error.status !== undefined && error.status >= 400 && error.status < 500 && !error.isConflict
}

/**
 * The credit as Payer has it, found by the externalInvoiceNumber it was sent with; null when Payer has
 * none. A failed lookup leaves the outcome unknown (CreditOutcomeUnknownError).
 */
export async function lookUpCredit(service: PayerInvoiceModuleService, credit: InvoiceRecord, original: InvoiceRecord): Promise<PayerInvoice | null> {
  try {
    return await service.getPayerClient().getInvoice({ externalInvoiceNumber: externalInvoiceNumberFor(credit.id) })
  } catch (error) {
    const message =
      `The credit of Payer invoice ${original.invoice_number} is still unknown: looking it up at Payer failed ` +
      `(${payerFailure(error, "lookup").message}). It stays held back; repeat the request later`
    await service.updatePayerInvoices({ id: credit.id, last_error: message })
    throw new CreditOutcomeUnknownError(message)
  }
}

/**
 * Planning resolves the order's open credits first (pending, unknown, legacy failed; see
 * lib/mapping/payer-open-credits.ts), under the order's credit lock, so that what it plans counts every
 * credit Payer may have made. Each is looked up by its externalInvoiceNumber: found -> issued; not found ->
 * sent once more with the same Payer-Request-ID (an unknown credit is counted as made, and this makes it
 * exactly once); a legacy failed one not found is released. One that still cannot be resolved stays held.
 * Answers the admin and return credits that became issued and still need their Medusa refund.
 */
export async function resolveOpenCredits(
  container: { resolve: (key: string) => any },
  orderId: string,
  skip: (record: InvoiceRecord) => boolean = () => false
): Promise<string[]> {
  // Required lazily: issue-credit imports this file.
  const { issueCreditRecord } = require("./issue-credit") as typeof import("./issue-credit")
  const service = payerInvoices(container)
  const open = (await orderRecords(service, orderId)).filter((r) => isOpenCredit(r) && !skip(r))
  const toRecord: string[] = []
  for (const record of open) {
    try {
      const resolved = await issueCreditRecord(service, record.id, "resolve-only")
      const needsRefund = resolved.status === "issued" && !resolved.medusa_recorded && !!resolved.payment_id
      if (needsRefund && /^(credit|return):/.test(resolved.source)) toRecord.push(resolved.id)
    } catch (error) {
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(
        `Payer: open credit ${record.id} of order ${orderId} is not resolved yet and stays held back: ${(error as Error)?.message ?? String(error)}`
      )
    }
  }
  return toRecord
}
