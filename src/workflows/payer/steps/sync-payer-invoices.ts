import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  openSyncTargets,
  runBoundedSync,
  SETTLED_PAYER_STATUSES,
  syncUpdatesForPage,
  type SyncableRecord,
  type SyncRunOutcome,
} from "../../../lib/mapping/payer-invoice-sync"
import type PayerInvoiceModuleService from "../../../modules/payer-invoice/service"
import { payerInvoiceModule } from "../../../modules/payer-invoice"

/** One sync at a time across every server instance that shares the locking provider. */
export const PAYER_SYNC_LOCK_KEY = "payer-invoice-sync"
/** The row of payer_sync_state this sync keeps its cursor in. */
export const PAYER_SYNC_STATE_NAME = "invoice-status"

export interface SyncPayerInvoicesInput {
  /** Overrides of the plugin's syncMaxCalls / syncMaxSeconds for this run. */
  max_calls?: number
  max_seconds?: number
}

export interface SyncPayerInvoicesResult extends SyncRunOutcome {
  /** "locked": another run holds the sync lock; "not_configured": no `payer` option. Nothing was done. */
  skipped: "locked" | "not_configured" | null
}

const SKIPPED = (skipped: SyncPayerInvoicesResult["skipped"]): SyncPayerInvoicesResult => ({
  skipped,
  from_invoice_number: null,
  pages: 0,
  updated: 0,
  next_cursor: null,
  completed_cycle: false,
  stopped_by: null,
})

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

/**
 * A bounded status sync run under the sync lock (see runBoundedSync): reads the open records and the stored
 * cursor, walks Payer's batch until the calls or seconds cap, writes what changed page by page, and stores
 * where the next run continues. A run that finds the lock taken does nothing. Nothing to undo: it only
 * mirrors Payer, and every page's updates are kept even when a later page fails.
 */
export const syncPayerInvoicesStep = createStep(
  "payer-sync-invoices",
  async (input: SyncPayerInvoicesInput | undefined, { container }) => {
    const service = payerInvoiceModule(container)
    if (!service.isConfigured()) return new StepResponse(SKIPPED("not_configured"))
    const options = service.getPayerOptions()
    const maxCalls = input?.max_calls ?? options.syncMaxCalls
    const maxSeconds = input?.max_seconds ?? options.syncMaxSeconds

    const locking = (container as MedusaContainer).resolve(Modules.LOCKING)
    const ownerId = `payer-sync:${randomUUID()}`
    // Expires on its own if this process dies mid-run: the time cap, plus one call with all its retries.
    const callSeconds = Math.ceil(((options.timeoutMs ?? 15_000) * ((options.maxRetries ?? 2) + 1)) / 1000)
    try {
      await locking.acquire(PAYER_SYNC_LOCK_KEY, { ownerId, expire: maxSeconds + callSeconds + 30 })
    } catch (error) {
      // Medusa's providers say "Failed to acquire lock for key ..." (in-memory, Redis, PostgreSQL) or
      // "... is already locked." (PostgreSQL, on a race): another run holds it. Anything else (the lock store is
      // unreachable) is a failure, not a reason to skip quietly.
      if (/acquire lock|already locked/i.test((error as Error)?.message ?? ""))
        return new StepResponse(SKIPPED("locked"))
      throw error
    }
    try {
      const startedAt = Date.now()
      const records = await openRecords(service)
      const state = await syncState(service)
      const client = service.getPayerClient()
      const outcome = await runBoundedSync({
        targets: openSyncTargets(records),
        cursor: cursorOf(state.next_invoice_number),
        budget: { maxCalls, deadline: startedAt + maxSeconds * 1000, now: Date.now },
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
      return new StepResponse<SyncPayerInvoicesResult>({ skipped: null, ...outcome })
    } finally {
      await locking.release(PAYER_SYNC_LOCK_KEY, { ownerId })
    }
  },
)
