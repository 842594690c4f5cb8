/**
 * One Payer event notification, start to end: the token (from the callback, trusted for nothing) fetches the
 * event from Payer, a receipt row claims it (unique token hash: of two deliveries at once only one works), the
 * invoices it names are read again from Payer and written onto their records as the status sync writes them, the
 * receipt is marked processed, and the event is acknowledged. Acknowledging comes last: Payer keeps delivering
 * until it is told, and once told the event can no longer be fetched.
 */
import { createHash } from "node:crypto"
import type { Logger } from "@medusajs/framework/types"
import { loggableEventType, planForPayerEvent } from "../../../lib/mapping/payer-events"
import { syncUpdateFor, type SyncableRecord } from "../../../lib/mapping/payer-invoice-sync"
import type { PayerEvent } from "../../../lib/payer"
import type PayerInvoiceModuleService from "../service"

/** A receipt still "processing" after this long belongs to a run that died; a new delivery takes it over. */
export const STALE_EVENT_CLAIM_MS = 5 * 60 * 1000

const SYNC_FIELDS = ["id", "invoice_number", "payer_status", "credited_amount", "outstanding_amount", "due_date"]

export type PayerEventOutcome =
  /** the records it names were brought up to date (`updated` of them changed) */
  | { outcome: "processed"; type: string; updated: number; acknowledged: boolean }
  /** a type the plugin does not handle, or one naming no invoice: acknowledged, nothing changed */
  | { outcome: "ignored"; type: string; acknowledged: boolean }
  /** this event was processed before (a redelivery): nothing changed, acknowledged again */
  | { outcome: "duplicate"; acknowledged: boolean }
  /** another delivery of the same event is processing it right now: nothing done, not acknowledged */
  | { outcome: "in_progress" }
  /** Payer knows no such event (forged, or acknowledged and gone): nothing changed, not acknowledged */
  | { outcome: "unknown_token" }
  /** Payer could not be read (outage): nothing kept, not acknowledged, so Payer delivers again */
  | { outcome: "payer_unavailable"; message: string }
  /** reading the invoices again or writing the records failed: nothing kept, not acknowledged */
  | { outcome: "failed"; message: string }

type Receipt = { id: string; state: string; updated_at: Date | string }

export function eventTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

async function receiptOf(service: PayerInvoiceModuleService, tokenHash: string): Promise<Receipt | undefined> {
  const [receipt] = await service.listPayerEventReceipts(
    { token_hash: tokenHash },
    { select: ["id", "state", "updated_at"], take: 1 },
  )
  return receipt as Receipt | undefined
}

/** Answers whether the acknowledgement reached Payer; a failed one is logged, and Payer will deliver again. */
async function acknowledge(service: PayerInvoiceModuleService, logger: Logger | undefined, token: string) {
  try {
    await service.getPayerClient().acknowledgeEvent(token)
    return true
  } catch (e) {
    logger?.warn(`Payer event could not be acknowledged (Payer will deliver it again): ${(e as Error).message}`)
    return false
  }
}

/** The claim: a new receipt, or null when another delivery holds (or finished) this event. */
async function claim(service: PayerInvoiceModuleService, tokenHash: string, type: string): Promise<string | null> {
  try {
    const created = await service.createPayerEventReceipts({ token_hash: tokenHash, type, state: "processing" })
    return created.id
  } catch (e) {
    if (await receiptOf(service, tokenHash)) return null // the unique token hash said no
    throw e
  }
}

/**
 * The records of the invoices named, each updated from Payer's answer. Invoices the shop has no record of
 * (another sales channel's) are not even read. Throws when Payer cannot be read.
 */
async function rereadInvoices(service: PayerInvoiceModuleService, numbers: number[]): Promise<string[]> {
  const updated: string[] = []
  for (const number of numbers) {
    const records = (await service.listPayerInvoices(
      { invoice_number: String(number) },
      { select: SYNC_FIELDS },
    )) as unknown as SyncableRecord[]
    if (!records.length) continue
    const invoice = await service.getPayerClient().getInvoice({ invoiceNumber: number })
    if (!invoice) continue // Payer no longer has it: the sync and the admin see to that record
    const updates = records.map((r) => syncUpdateFor(r, invoice)).filter((u) => u !== null)
    if (updates.length) {
      await service.updatePayerInvoices(updates)
      updated.push(String(number))
    }
  }
  return updated
}

async function apply(
  service: PayerInvoiceModuleService,
  logger: Logger | undefined,
  receiptId: string,
  event: PayerEvent,
): Promise<{ outcome: "processed" | "ignored"; updated: string[] }> {
  const plan = planForPayerEvent(event)
  let updated: string[] = []
  if (plan.kind === "reread") {
    updated = await rereadInvoices(service, plan.invoice_numbers)
  } else {
    // the type only: payloads carry customers' amounts and references, which the log has no need of
    const why = plan.kind === "unknown_type" ? "a type the plugin does not handle" : "it names no invoice"
    logger?.info(`Payer event of type ${loggableEventType(event.type)} acknowledged and ignored: ${why}`)
  }
  await service.updatePayerEventReceipts({
    id: receiptId,
    state: "processed",
    processed_at: new Date(),
    updated_invoice_numbers: updated.length ? updated.join(",") : null,
  })
  return { outcome: plan.kind === "reread" ? "processed" : "ignored", updated }
}

export async function handlePayerEvent(
  service: PayerInvoiceModuleService,
  logger: Logger | undefined,
  token: string,
): Promise<PayerEventOutcome> {
  const tokenHash = eventTokenHash(token)
  const earlier = await receiptOf(service, tokenHash)
  if (earlier?.state === "processed") {
    return { outcome: "duplicate", acknowledged: await acknowledge(service, logger, token) }
  }
  if (earlier) {
    if (Date.now() - new Date(earlier.updated_at).getTime() < STALE_EVENT_CLAIM_MS) return { outcome: "in_progress" }
    await service.deletePayerEventReceipts(earlier.id) // its run died: this delivery starts over
  }

  let event: PayerEvent | null
  try {
    event = await service.getPayerClient().getEvent(token)
  } catch (e) {
    return { outcome: "payer_unavailable", message: (e as Error).message }
  }
  if (!event) return { outcome: "unknown_token" }

  const receiptId = await claim(service, tokenHash, event.type)
  if (!receiptId) {
    const now = await receiptOf(service, tokenHash)
    if (now?.state !== "processed") return { outcome: "in_progress" }
    return { outcome: "duplicate", acknowledged: await acknowledge(service, logger, token) }
  }
  let result: Awaited<ReturnType<typeof apply>>
  try {
    result = await apply(service, logger, receiptId, event)
  } catch (e) {
    // nothing is kept of a half-done event: the claim goes, and Payer's next delivery does it all again
    await service.deletePayerEventReceipts(receiptId).catch(() => undefined)
    return { outcome: "failed", message: (e as Error).message }
  }
  const acknowledged = await acknowledge(service, logger, token)
  return result.outcome === "processed"
    ? { outcome: "processed", type: event.type, updated: result.updated.length, acknowledged }
    : { outcome: "ignored", type: event.type, acknowledged }
}
