/**
 * Credits of one order taken together: settling the open ones, issuing a batch, and planning the credits
 * of a Medusa refund. Callers hold the order's credits lock (see ../lock-keys.ts) around each of these.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import { CreditRequestError, planRefundCredits } from "../../../lib/mapping/payer-credits"
import { isOpenCredit } from "../../../lib/mapping/payer-open-credits"
import type PayerInvoiceModuleService from "../service"
import { ensureCreditRecord, issueCreditRecord } from "./credits"
import { CreditOutcomeUnknownError } from "./failures"
import { creditableInvoices, orderRecords, recordById } from "./read"
import { isAdminOrReturnCreditSource, refundSource } from "./sources"
import type { InvoiceRecord } from "./record-types"

/**
 * Planning resolves the order's open credits first (pending, unknown, legacy failed; see
 * lib/mapping/payer-open-credits.ts), under the order's credit lock, so that what it plans counts every
 * credit Payer may have made. Each is looked up by its externalInvoiceNumber: found -> issued; not found ->
 * sent once more with the same Payer-Request-ID (an unknown credit is counted as made, and this makes it
 * exactly once); a legacy failed one not found is released. One that still cannot be resolved stays held.
 * Answers the admin and return credits that became issued and still need their Medusa refund.
 */
export async function resolveOpenCredits(
  service: PayerInvoiceModuleService,
  logger: Pick<Logger, "warn"> | undefined,
  orderId: string,
  skip: (record: InvoiceRecord) => boolean = () => false,
): Promise<string[]> {
  const open = (await orderRecords(service, orderId)).filter((r) => isOpenCredit(r) && !skip(r))
  const toRecord: string[] = []
  for (const record of open) {
    try {
      const resolved = await issueCreditRecord(service, record.id, "resolve-only")
      const needsRefund = resolved.status === "issued" && !resolved.medusa_recorded && !!resolved.payment_id
      if (needsRefund && isAdminOrReturnCreditSource(resolved.source)) toRecord.push(resolved.id)
    } catch (error) {
      logger?.warn(
        `Payer: open credit ${record.id} of order ${orderId} is not resolved yet and stays held back: ${(error as Error)?.message ?? String(error)}`,
      )
    }
  }
  return toRecord
}

export interface IssueCreditsInput {
  credit_ids: string[]
  /** The credits stand for Medusa refunds already (the refund path): mark them recorded. */
  mark_recorded?: boolean
  /** A credit whose answer was lost does not fail the batch: it stays held back and is resolved later. */
  accept_unknown?: boolean
}

/** Issues the given credit records one after the other (a refund may need several). */
export async function issueCredits(
  service: PayerInvoiceModuleService,
  input: IssueCreditsInput,
): Promise<InvoiceRecord[]> {
  const issued: InvoiceRecord[] = []
  for (const id of input.credit_ids) {
    let credit: InvoiceRecord
    try {
      credit = await issueCreditRecord(service, id)
    } catch (error) {
      // A refund already stands in Medusa for this credit: it stays held back and is resolved later,
      // which makes it exactly once at Payer (see issueCreditRecord), so the refund is not failed for it.
      if (!(input.accept_unknown && error instanceof CreditOutcomeUnknownError)) throw error
      credit = await recordById(service, id)
    }
    if (input.mark_recorded && !credit.medusa_recorded) {
      await service.updatePayerInvoices({ id, medusa_recorded: true })
    }
    issued.push(await recordById(service, id))
  }
  return issued
}

export interface RefundCreditsInput {
  order_id: string
  payment_id: string
  refund_id: string
  /** The Medusa refund in the order currency's minor units. */
  amount_minor: number
}

/**
 * Plans the credits of a Medusa refund (full credits of the oldest invoices it covers, manual lines with the
 * VAT split for the rest) and writes them as pending records; a refund that already has records (the same
 * refund handled again) keeps its first plan, so nothing is credited twice. Answers the credit record ids.
 */
export async function planRefundCreditRecords(
  service: PayerInvoiceModuleService,
  logger: Pick<Logger, "warn"> | undefined,
  input: RefundCreditsInput,
): Promise<string[]> {
  const own = (r: InvoiceRecord) =>
    r.kind === "credit" &&
    (r.source === refundSource(input.refund_id) || r.source.startsWith(`${refundSource(input.refund_id)}:`))
  const existing = (await orderRecords(service, input.order_id)).filter(own)
  if (existing.length) return existing.map((r) => r.id)

  // Open credits of the order are resolved first (their Medusa refunds, if any, are recorded by the admin
  // and return workflows: a refund cannot record another refund on the same payment from inside the provider).
  await resolveOpenCredits(service, logger, input.order_id)
  const records = await orderRecords(service, input.order_id)
  let plan
  try {
    plan = planRefundCredits(creditableInvoices(records), input.amount_minor, "Refund")
  } catch (e) {
    if (e instanceof CreditRequestError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Cannot credit this refund at Payer: ${e.message}`)
    }
    throw e
  }
  const ids: string[] = []
  for (const [index, planned] of plan.entries()) {
    const original = records.find((r) => r.id === planned.invoice_id)!
    const credit = await ensureCreditRecord(service, {
      original,
      source: refundSource(input.refund_id, index),
      plan: planned,
      payment_id: input.payment_id,
    })
    ids.push(credit.id)
  }
  return ids
}
