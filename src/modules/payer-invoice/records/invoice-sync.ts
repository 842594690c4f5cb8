/**
 * One bounded run of the status sync (see lib/mapping/payer-invoice-sync.ts): the open records and the stored
 * cursor are read, Payer's invoice batch is walked until the calls or seconds cap, what changed is written page
 * by page, and where the next run continues is stored. The caller holds the sync lock (../lock-keys.ts).
 */
import {
  openSyncTargets,
  runBoundedSync,
  SETTLED_PAYER_STATUSES,
  syncUpdatesForPage,
  type SyncableRecord,
  type SyncRunOutcome,
} from "../../../lib/mapping/payer-invoice-sync"
import type PayerInvoiceModuleService from "../service"

/** The row of payer_sync_state this sync keeps its cursor in. */
export const PAYER_SYNC_STATE_NAME = "invoice-status"

const SYNC_FIELDS = ["id", "invoice_number", "payer_status", "credited_amount", "outstanding_amount", "due_date"]

/** Issued records Payer may still change: not PAID/CREDITED (unknown statuses and no status yet count as open). */
async function openRecords(service: PayerInvoiceModuleService): Promise<SyncableRecord[]> {
  const filters = {
    invoice_number: { $ne: null },
    $or: [{ payer_status: null }, { payer_status: { $nin: [...SETTLED_PAYER_STATUSES] } }],
  }
  const records = await service.listPayerInvoices(
    filters as Parameters<PayerInvoiceModuleService["listPayerInvoices"]>[0],
    { select: SYNC_FIELDS },
  )
  return records as unknown as SyncableRecord[]
}

async function syncState(service: PayerInvoiceModuleService) {
  const [state] = await service.listPayerSyncStates({ name: PAYER_SYNC_STATE_NAME }, { take: 1 })
  return state ?? (await service.createPayerSyncStates({ name: PAYER_SYNC_STATE_NAME }))
}

function cursorOf(value: string | null | undefined): number | null {
  const n = Number(value)
  return value && Number.isSafeInteger(n) && n > 0 ? n : null
}

/** Every page's updates are kept even when a later page fails: the records only mirror Payer. */
export async function syncOpenInvoiceRecords(
  service: PayerInvoiceModuleService,
  budget: { maxCalls: number; maxSeconds: number },
): Promise<SyncRunOutcome> {
  const startedAt = Date.now()
  const records = await openRecords(service)
  const state = await syncState(service)
  const client = service.getPayerClient()
  const outcome = await runBoundedSync({
    targets: openSyncTargets(records),
    cursor: cursorOf(state.next_invoice_number),
    budget: { maxCalls: budget.maxCalls, deadline: startedAt + budget.maxSeconds * 1000, now: Date.now },
    fetchPage: (from) => client.getInvoicesBatch(from),
    applyPage: async (invoices) => {
      const updates = syncUpdatesForPage(records, invoices)
      if (updates.length) await service.updatePayerInvoices(updates)
      return updates.length
    },
  })
  const now = new Date()
  await service.updatePayerSyncStates({
    id: state.id,
    next_invoice_number: outcome.next_cursor === null ? null : String(outcome.next_cursor),
    last_run_at: now,
    ...(outcome.completed_cycle ? { last_cycle_completed_at: now } : {}),
  })
  return outcome
}
