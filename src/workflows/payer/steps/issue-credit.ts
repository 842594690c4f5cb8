/**
 * Issuing one planned credit at Payer, record first: the pending credit record is written (with exactly
 * what will be sent) before Payer is called, and its id derives the Payer-Request-ID and the credit's
 * externalInvoiceNumber. A retry of the same record therefore resends the same request, and a 409 is
 * recovered by looking the credit up by its externalInvoiceNumber (PayerClient does that).
 */
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PlannedCredit } from "../../../lib/mapping/payer-credits"
import { externalInvoiceNumberFor, requestIdFor, type PayerInvoice, type PayerInvoiceResponse } from "../../../lib/payer"
import type PayerInvoiceModuleService from "../../../modules/payer-invoice/service"
import {
  InvoiceRecord,
  linkToOrder,
  payerFailure,
  payerInvoices,
  recordById,
  recordFieldsFrom,
  refreshFromPayer,
} from "./credit-records"

/** Credits of one order are planned and issued one at a time, so two of them never spend the same remainder. */
export function payerCreditsLockKey(orderId: string): string {
  return `payer-credits:${orderId}`
}

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

/** The pending credit record of `source`, created (and linked to the order) unless it exists. */
export async function ensureCreditRecord(
  container: { resolve: (key: string) => any },
  input: NewCredit
): Promise<InvoiceRecord> {
  const service = payerInvoices(container)
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
    metadata: { ...(input.metadata ?? {}), credit: { type: plan.type, ...("items" in plan ? { items: plan.items } : {}) } },
  } as any)
  await service.updatePayerInvoices({ id: created.id, reference_id: externalInvoiceNumberFor(created.id) })
  await linkToOrder(container, original.order_id, created.id)
  return recordById(service, created.id)
}

function sendCredit(service: PayerInvoiceModuleService, credit: InvoiceRecord, original: InvoiceRecord): Promise<PayerInvoiceResponse> {
  const client = service.getPayerClient()
  const stored = (credit.metadata?.credit ?? {}) as { type: PlannedCredit["type"]; items?: any[] }
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
  const type = credit.metadata?.credit?.type
  return (invoice.items ?? []).map((item) => {
    // Partial and full credits copy the original's positions; manual lines are free text.
    const source = type === "manual" ? undefined : original.lines?.find((l) => l.position === item.position && l.description === item.description)
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
async function syncOriginalLines(service: PayerInvoiceModuleService, original: InvoiceRecord): Promise<void> {
  const credits = (await service.listPayerInvoices({ credited_invoice_id: original.id, kind: "credit", status: "issued" })) as unknown as InvoiceRecord[]
  const full = credits.some((c) => c.metadata?.credit?.type === "full")
  const byPosition = new Map<number, number>()
  for (const c of credits.filter((c) => c.metadata?.credit?.type === "partial")) {
    for (const item of c.metadata?.credit?.items ?? []) {
      byPosition.set(item.position, (byPosition.get(item.position) ?? 0) + Number(item.quantity))
    }
  }
  const updates = (original.lines ?? [])
    .map((l) => ({ id: l.id, credited_quantity: full ? l.quantity : Math.min(l.quantity, byPosition.get(l.position) ?? 0) }))
    .filter((u, i) => u.credited_quantity !== Number(original.lines![i].credited_quantity ?? 0))
  if (updates.length) await service.updatePayerInvoiceLines(updates)
}

/**
 * Issues a pending (or failed) credit record at Payer, stores Payer's answer and lines, then brings the
 * original invoice up to date (lines' credited quantities, and credited/outstanding read back from Payer).
 * An issued record is not sent again; only the original is synced once more.
 */
export async function issueCreditRecord(service: PayerInvoiceModuleService, creditId: string): Promise<InvoiceRecord> {
  let credit = await recordById(service, creditId)
  const original = await recordById(service, credit.credited_invoice_id!)
  if (credit.status !== "issued") {
    let response: PayerInvoiceResponse
    try {
      response = await sendCredit(service, credit, original)
    } catch (error) {
      const failure = payerFailure(error, `Crediting Payer invoice ${original.invoice_number}`)
      await service.updatePayerInvoices({ id: credit.id, status: "failed", attempt: credit.attempt + 1, last_error: failure.message })
      throw failure
    }
    const invoice = response.invoice
    await service.updatePayerInvoices({
      id: credit.id,
      ...recordFieldsFrom(invoice),
      status: "issued",
      step: "issued",
      attempt: credit.attempt + 1,
      last_error: null,
      standalone: !!(invoice.standalone ?? credit.standalone),
    })
    const lines = creditLines(credit, original, invoice)
    if (lines.length) await service.createPayerInvoiceLines(lines)
  }
  credit = await recordById(service, creditId)
  if (credit.metadata?.original_synced) return credit
  try {
    await syncOriginalLines(service, original)
    await refreshFromPayer(service, original)
  } catch (error) {
    const failure = payerFailure(error, `Reading Payer invoice ${original.invoice_number} after crediting it`)
    await service.updatePayerInvoices({ id: credit.id, last_error: failure.message })
    throw failure
  }
  await service.updatePayerInvoices({ id: credit.id, metadata: { ...(credit.metadata ?? {}), original_synced: true } })
  return recordById(service, creditId)
}

/** Issues the given credit records one after the other (a refund may need several). */
export const issuePayerCreditsStep = createStep(
  "payer-issue-credits",
  async (input: { credit_ids: string[]; mark_recorded?: boolean }, { container }) => {
    const service = payerInvoices(container)
    const issued: InvoiceRecord[] = []
    for (const id of input.credit_ids) {
      const credit = await issueCreditRecord(service, id)
      if (input.mark_recorded && !credit.medusa_recorded) {
        await service.updatePayerInvoices({ id, medusa_recorded: true })
      }
      issued.push(await recordById(service, id))
    }
    return new StepResponse(issued)
  }
)
