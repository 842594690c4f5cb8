/**
 * Credits an admin asks for (full, partial by position, manual lines) and the return credits of received
 * units: validated and planned against the records, written as pending credit records. Issuing them is
 * ./credits.ts; the callers hold the order's credits lock (see ../lock-keys.ts).
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import { AdminCreditRequest, CreditRequestError, validateCreditRequest } from "../../../lib/mapping/payer-credits"
import { planReturnCredits, type ReturnedItem } from "../../../lib/mapping/payer-return-credits"
import { canonicalJson } from "../../../lib/mapping/canonical-json"
import type PayerInvoiceModuleService from "../service"
import { resolveOpenCredits } from "./credit-batches"
import { ensureCreditRecord } from "./credits"
import { creditableInvoices, creditableOf, orderRecords, recordByNumber } from "./read"
import { adminCreditSource, returnCreditSourcePrefix } from "./sources"
import { keyUsedForOtherRequest } from "./stored-requests"

type Warn = Pick<Logger, "warn"> | undefined

export interface AdminCreditInput {
  invoice_number: string
  credit: AdminCreditRequest
  standalone?: boolean
  /** The request's Idempotency-Key: the same key again finds the credit already made. */
  key: string
}

/** What a keyed request asked for, as text independent of key order (jsonb does not keep it). */
function requestFingerprint(input: AdminCreditInput): string {
  return canonicalJson({ credit: input.credit, standalone: !!input.standalone })
}

/**
 * Validates an admin credit against the invoice record BEFORE anything reaches Payer (400 naming the field,
 * nothing sent), then writes the pending credit record. The same key with the same request answers the
 * existing record; with a different request it is refused. Answers the credit, its payment and the
 * admin/return credits that resolving the order's open credits found made but not yet recorded in Medusa.
 */
export async function prepareAdminCredit(service: PayerInvoiceModuleService, logger: Warn, input: AdminCreditInput) {
  const original = await recordByNumber(service, input.invoice_number)
  const source = adminCreditSource(original.id, input.key)
  const request = requestFingerprint(input)
  const [existing] = await service.listPayerInvoices({ source }, { take: 1 })
  if (existing) {
    const earlier = (existing.metadata as Record<string, unknown> | null)?.admin_request
    if (earlier !== undefined && earlier !== request) {
      throw keyUsedForOtherRequest(`credit of invoice ${input.invoice_number}`)
    }
    return {
      order_id: original.order_id,
      credit_id: existing.id,
      payment_id: existing.payment_id as string,
      also_record: [] as string[],
    }
  }

  if (original.kind !== "invoice") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Payer invoice ${input.invoice_number} is a credit invoice; credit the original invoice instead`,
    )
  }
  if (original.status !== "issued") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payer invoice ${input.invoice_number} is not issued yet`)
  }
  if (!original.payment_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Payer invoice ${input.invoice_number} has no Medusa payment to record the credit on`,
    )
  }
  // Credits of this order whose outcome is open are resolved first: what remains counts every credit Payer may have made.
  const alsoRecord = await resolveOpenCredits(service, logger, original.order_id)
  let plan
  try {
    const records = await orderRecords(service, original.order_id)
    const current = records.find((r) => r.id === original.id) ?? original // resolving may have credited it
    plan = validateCreditRequest(creditableOf(current, records), input.credit, original.currency_code)
  } catch (e) {
    if (e instanceof CreditRequestError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
    throw e
  }
  const credit = await ensureCreditRecord(service, {
    original,
    source,
    plan,
    standalone: !!input.standalone,
    metadata: { admin_request: request },
  })
  return { order_id: original.order_id, credit_id: credit.id, payment_id: original.payment_id, also_record: alsoRecord }
}

export interface ReturnCreditsInput {
  order_id: string
  return_id: string
  payment_id: string
  currency_code: string
  /** What the return has received so far per line item (Medusa's received_quantity, all parts together). */
  received: Array<{ line_item_id: string; quantity: number }>
}

/**
 * Credits by position what this return received and no earlier event of the same return credited yet
 * (a return can be received in parts; the same event delivered twice credits nothing new). Answers the
 * credit records to issue and record: this return's unrecorded ones, resolved ones of other requests, new ones.
 */
export async function planReturnCreditRecords(
  service: PayerInvoiceModuleService,
  logger: Warn,
  input: ReturnCreditsInput,
): Promise<string[]> {
  const prefix = returnCreditSourcePrefix(input.return_id)
  // Open credits of other requests are resolved first; this return's own are issued by the caller as before.
  const alsoRecord = await resolveOpenCredits(service, logger, input.order_id, (r) => r.source.startsWith(prefix))
  const records = await orderRecords(service, input.order_id)
  const existing = records.filter((r) => r.kind === "credit" && r.source.startsWith(prefix))
  const claimed = new Map<string, number>()
  for (const r of existing) {
    for (const item of (r.metadata?.returned ?? []) as ReturnedItem[]) {
      claimed.set(item.line_item_id, (claimed.get(item.line_item_id) ?? 0) + Number(item.quantity))
    }
  }
  const received = input.received
    .map((i) => ({ line_item_id: i.line_item_id, quantity: i.quantity - (claimed.get(i.line_item_id) ?? 0) }))
    .filter((i) => i.quantity > 0)

  const plan = planReturnCredits(creditableInvoices(records), received, input.currency_code)
  if (plan.uncovered.length) {
    logger?.warn(
      `Payer: return ${input.return_id} has units no open invoice position can credit: ${JSON.stringify(plan.uncovered)}`,
    )
  }
  const ids = [...existing.filter((r) => !r.medusa_recorded).map((r) => r.id), ...alsoRecord]
  for (const [i, planned] of plan.credits.entries()) {
    const { returned, ...credit } = planned
    const record = await ensureCreditRecord(service, {
      original: records.find((r) => r.id === credit.invoice_id)!,
      source: `${prefix}${existing.length + i + 1}`,
      plan: credit,
      payment_id: input.payment_id,
      metadata: { returned },
    })
    ids.push(record.id)
  }
  return ids
}
