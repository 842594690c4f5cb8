/**
 * Issuing one planned credit at Payer, record first: the pending credit record is written (with exactly
 * what will be sent) before Payer is called, and its id derives the Payer-Request-ID and the credit's
 * externalInvoiceNumber. A retry of the same record therefore resends the same request, and a 409 is
 * recovered by looking the credit up by its externalInvoiceNumber (PayerClient does that).
 */
import type { PlannedCredit } from "../../../lib/mapping/payer-credits"
import {
  externalInvoiceNumberFor,
  requestIdFor,
  type PayerInvoice,
  type PayerInvoiceResponse,
} from "../../../lib/payer"
import type PayerInvoiceModuleService from "../service"
import { originalAfterCredit } from "./credit-effects"
import { CreditOutcomeUnknownError, payerFailure, refusedByPayer } from "./failures"
import { recordById, recordFieldsFrom, refreshFromPayer } from "./read"
import type { InvoiceRecord } from "./record-types"

export interface NewCredit {
  original: InvoiceRecord
  source: string
  plan: PlannedCredit
  payment_id?: string | null
  standalone?: boolean
  /** Already recorded as a Medusa refund (the credit carries a Medusa refund). */
  medusa_recorded?: boolean
  /** Kept next to the credit request in metadata (e.g. the returned items a return credit stands for). */
  metadata?: Record<string, unknown>
}

/**
 * The pending credit record of `source`, created unless it exists. Linking it to its order is the caller's
 * (the link service lives in the application, not in this module; see ../order-link.ts).
 */
export async function ensureCreditRecord(service: PayerInvoiceModuleService, input: NewCredit): Promise<InvoiceRecord> {
  const [existing] = await service.listPayerInvoices({ source: input.source }, { take: 1 })
  if (existing) return recordById(service, existing.id)
  const { original, plan } = input
  const created = await service.createPayerInvoices({
    order_id: original.order_id,
    payment_id: input.payment_id ?? original.payment_id ?? null,
    kind: "credit",
    source: input.source,
    credited_invoice_id: original.id,
    credited_invoice_number: original.invoice_number ?? null,
    status: "pending",
    reference_id: `pending:${input.source}`.slice(0, 64),
    currency_code: original.currency_code,
    total_amount: plan.amount,
    standalone: !!input.standalone,
    medusa_recorded: !!input.medusa_recorded,
    metadata: {
      ...(input.metadata ?? {}),
      credit: { type: plan.type, ...("items" in plan ? { items: plan.items } : {}) },
    },
  })
  await service.updatePayerInvoices({ id: created.id, reference_id: externalInvoiceNumberFor(created.id) })
  return recordById(service, created.id)
}

/**
 * The credit request a record keeps in metadata.credit: the type and items of the PlannedCredit that
 * ensureCreditRecord wrote (metadata is untyped json, so this is where it is read as what it was written as).
 */
type StoredCredit =
  | { type: "full" }
  | { type: "partial"; items: Extract<PlannedCredit, { type: "partial" }>["items"] }
  | { type: "manual"; items: Extract<PlannedCredit, { type: "manual" }>["items"] }

function storedCreditOf(record: InvoiceRecord): Partial<StoredCredit> {
  return (record.metadata?.credit ?? {}) as Partial<StoredCredit>
}

function sendCredit(
  service: PayerInvoiceModuleService,
  credit: InvoiceRecord,
  original: InvoiceRecord,
): Promise<PayerInvoiceResponse> {
  const client = service.getPayerClient()
  const stored = storedCreditOf(credit) as StoredCredit
  const base = {
    invoiceNumber: Number(original.invoice_number),
    externalInvoiceNumber: externalInvoiceNumberFor(credit.id),
    ...(credit.standalone ? { standalone: true } : {}),
  }
  const requestId = requestIdFor(credit.id, `credit-${stored.type}`)
  switch (stored.type) {
    case "full":
      return client.creditFull(base, requestId)
    case "partial":
      return client.creditPartial({ ...base, items: stored.items ?? [] }, requestId)
    case "manual":
      return client.creditManual({ ...base, items: stored.items ?? [] }, requestId)
    default:
      throw new Error(`Credit record ${credit.id} has no credit request`)
  }
}

function creditLines(credit: InvoiceRecord, original: InvoiceRecord, invoice: PayerInvoice) {
  const type = storedCreditOf(credit).type
  return (invoice.items ?? []).map((item) => {
    // Partial and full credits copy the original's positions; manual lines are free text.
    const source =
      type === "manual"
        ? undefined
        : original.lines?.find((l) => l.position === item.position && l.description === item.description)
    return {
      invoice_id: credit.id,
      position: item.position,
      line_item_id: source?.line_item_id ?? null,
      shipping_method_id: source?.shipping_method_id ?? null,
      description: item.description ?? "",
      quantity: Math.round(Number(item.quantity)),
      unit_amount: Number(item.unitPrice),
      total_amount: Number(item.subtotalPrice),
      vat_basis_points: Number(item.vatPercentage),
    }
  })
}

/**
 * The original's lines after its issued credits: every position credited by a full credit, else the sum of
 * the partial credits per position. Recomputed from the credit records, so running it twice is harmless.
 */
async function syncOriginalLines(
  service: PayerInvoiceModuleService,
  original: InvoiceRecord,
  credits: InvoiceRecord[],
): Promise<void> {
  const full = credits.some((c) => storedCreditOf(c).type === "full")
  const byPosition = new Map<number, number>()
  for (const c of credits) {
    const stored = storedCreditOf(c)
    if (stored.type !== "partial") continue
    for (const item of stored.items ?? []) {
      byPosition.set(item.position, (byPosition.get(item.position) ?? 0) + Number(item.quantity))
    }
  }
  const updates = (original.lines ?? [])
    .map((l) => ({
      id: l.id,
      credited_quantity: full ? l.quantity : Math.min(l.quantity, byPosition.get(l.position) ?? 0),
    }))
    .filter((u, i) => u.credited_quantity !== Number(original.lines![i].credited_quantity ?? 0))
  if (updates.length) await service.updatePayerInvoiceLines(updates)
}

/**
 * The original brought up to date after a credit: its lines, and its amounts and status. `answer` is the
 * answer of the credit POST this run made; from it the original's new state follows without reading it
 * (see credit-effects.ts). Payer is read instead when there is no such answer (a credit found again after a
 * lost answer, or issued by an earlier run that stopped before this point) or when it does not settle the
 * original's state: then the answer lacks what the records need, and only a read of the original has it.
 */
async function syncOriginal(
  service: PayerInvoiceModuleService,
  original: InvoiceRecord,
  credit: InvoiceRecord,
  answer: PayerInvoice | null,
): Promise<void> {
  const credits = await service.listPayerInvoices({
    credited_invoice_id: original.id,
    kind: "credit",
    status: "issued",
  })
  await syncOriginalLines(service, original, credits)
  const after =
    answer &&
    originalAfterCredit({
      original,
      answer,
      standalone: !!credit.standalone,
      credits: credits.map((c) => ({ total_amount: Number(c.total_amount), standalone: !!c.standalone })),
    })
  if (after) await service.updatePayerInvoices({ id: original.id, ...after })
  else await refreshFromPayer(service, original)
}

/** Payer's answer for a credit (the POST's, or the lookup's) written onto the credit record, with its lines. */
async function markIssued(
  service: PayerInvoiceModuleService,
  credit: InvoiceRecord,
  original: InvoiceRecord,
  invoice: PayerInvoice,
): Promise<void> {
  await service.updatePayerInvoices({
    id: credit.id,
    ...recordFieldsFrom(invoice),
    status: "issued",
    step: "issued",
    last_error: null,
    standalone: !!(invoice.standalone ?? credit.standalone),
  })
  const lines = creditLines(credit, original, invoice)
  if (lines.length) await service.createPayerInvoiceLines(lines)
}

/**
 * The credit as Payer has it, found by the externalInvoiceNumber it was sent with; null when Payer has
 * none. A failed lookup leaves the outcome unknown (CreditOutcomeUnknownError).
 */
export async function lookUpCredit(
  service: PayerInvoiceModuleService,
  credit: InvoiceRecord,
  original: InvoiceRecord,
): Promise<PayerInvoice | null> {
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
 * How a credit is handled when Payer is not asked to make it again:
 * - "resend" (the request that owns the record, or resolving an unknown credit): looked up first when it
 *   may have reached Payer, then sent with the same Payer-Request-ID and externalInvoiceNumber, which Payer
 *   answers with 409 (found again by the client) if it already made it. Never two credits for one record.
 * - "resolve-only" is resend, except that a legacy failed record not found at Payer is marked refused
 *   (released) instead of being sent again: nobody asked for it any more.
 */
export type IssueMode = "resend" | "resolve-only"

/**
 * Issues a credit record at Payer (pending: never sent; unknown: sent, answer lost; failed: refused, or
 * legacy), stores Payer's answer and lines, then brings the original invoice up to date (lines' credited
 * quantities, credited/outstanding/status: from the credit's answer, read from Payer only on the recovery
 * paths, see syncOriginal). An issued record is not sent again. One Payer call when nothing went wrong.
 * The record is "unknown" from just before the POST until Payer's answer is stored: a crash or a lost
 * answer in between leaves it held back and looked up next time, never sent blindly.
 */
export async function issueCreditRecord(
  service: PayerInvoiceModuleService,
  creditId: string,
  mode: IssueMode = "resend",
): Promise<InvoiceRecord> {
  let credit = await recordById(service, creditId)
  const original = await recordById(service, credit.credited_invoice_id!)
  // The credit POST's own answer, when this run made the credit: what the original needs is read off it.
  let answer: PayerInvoice | null = null
  if (credit.status === "unknown" || (credit.status === "failed" && !credit.metadata?.refused)) {
    const found = await lookUpCredit(service, credit, original)
    if (found) await markIssued(service, credit, original, found)
    else if (credit.status === "failed" && mode === "resolve-only") {
      await service.updatePayerInvoices({ id: credit.id, metadata: { ...(credit.metadata ?? {}), refused: true } })
      return recordById(service, creditId)
    }
    credit = await recordById(service, creditId)
  }
  if (credit.status !== "issued") {
    await service.updatePayerInvoices({ id: credit.id, status: "unknown", attempt: credit.attempt + 1 })
    let response: PayerInvoiceResponse
    try {
      response = await sendCredit(service, credit, original)
    } catch (error) {
      if (refusedByPayer(error)) {
        const failure = payerFailure(error, `Crediting Payer invoice ${original.invoice_number}`)
        await service.updatePayerInvoices({
          id: credit.id,
          status: "failed",
          last_error: failure.message,
          metadata: { ...(credit.metadata ?? {}), refused: true },
        })
        throw failure
      }
      const message =
        `Payer did not confirm the credit of invoice ${original.invoice_number} (${(error as Error)?.message ?? String(error)}). ` +
        `It is held back as "unknown" and looked up at Payer before anything else is credited on this order; try again with the same request and Idempotency-Key to resolve it`
      await service.updatePayerInvoices({ id: credit.id, last_error: message })
      throw new CreditOutcomeUnknownError(message)
    }
    await markIssued(service, credit, original, response.invoice)
    if (!response.foundAgain) answer = response.invoice
  }
  credit = await recordById(service, creditId)
  if (credit.metadata?.original_synced) return credit
  try {
    await syncOriginal(service, original, credit, answer)
  } catch (error) {
    const failure = payerFailure(error, `Reading Payer invoice ${original.invoice_number} after crediting it`)
    await service.updatePayerInvoices({ id: credit.id, last_error: failure.message })
    throw failure
  }
  await service.updatePayerInvoices({ id: credit.id, metadata: { ...(credit.metadata ?? {}), original_synced: true } })
  return recordById(service, creditId)
}
