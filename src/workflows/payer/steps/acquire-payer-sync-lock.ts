import { randomUUID } from "node:crypto"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { PAYER_SYNC_LOCK_KEY } from "../../../modules/payer-invoice/lock-keys"

export const acquirePayerSyncLockStepId = "payer-acquire-sync-lock"

export interface SyncPayerInvoicesInput {
  /** Overrides of the plugin's syncMaxCalls / syncMaxSeconds for this run. */
  max_calls?: number
  max_seconds?: number
}

export interface PayerSyncLock {
  /** "locked": another run holds the sync lock; "not_configured": no `payer` option. Nothing is to be done. */
  skipped: "locked" | "not_configured" | null
  owner_id: string | null
  max_calls: number
  max_seconds: number
}

/**
 * Takes the sync lock without waiting (a run still going when the next one is due keeps it, and the new one
 * skips), and settles this run's caps. The lock expires on its own if this process dies mid-run: the time cap
 * plus one call with all its retries. Compensation releases it when a later step fails.
 */
export const acquirePayerSyncLockStep = createStep(
  acquirePayerSyncLockStepId,
  async (input: SyncPayerInvoicesInput | undefined, { container }) => {
    const service = payerInvoiceModule(container)
    const skip = (skipped: PayerSyncLock["skipped"]) =>
      new StepResponse<PayerSyncLock, string | null>({ skipped, owner_id: null, max_calls: 0, max_seconds: 0 }, null)
    if (!service.isConfigured()) return skip("not_configured")
    const options = service.getPayerOptions()
    const ownerId = `payer-sync:${randomUUID()}`
    const lock: PayerSyncLock = {
      skipped: null,
      owner_id: ownerId,
      max_calls: input?.max_calls ?? options.syncMaxCalls,
      max_seconds: input?.max_seconds ?? options.syncMaxSeconds,
    }
    const callSeconds = Math.ceil(((options.timeoutMs ?? 15_000) * ((options.maxRetries ?? 2) + 1)) / 1000)
    try {
      await container
        .resolve(Modules.LOCKING)
        .acquire(PAYER_SYNC_LOCK_KEY, { ownerId, expire: lock.max_seconds + callSeconds + 30 })
    } catch (error) {
      // Medusa's providers say "Failed to acquire lock for key ..." (in-memory, Redis, PostgreSQL) or
      // "... is already locked." (PostgreSQL, on a race): another run holds it. Anything else (the lock store is
      // unreachable) is a failure, not a reason to skip quietly.
      if (/acquire lock|already locked/i.test((error as Error)?.message ?? "")) return skip("locked")
      throw error
    }
    return new StepResponse<PayerSyncLock, string | null>(lock, ownerId)
  },
  async (ownerId, { container }) => {
    if (ownerId) await container.resolve(Modules.LOCKING).release(PAYER_SYNC_LOCK_KEY, { ownerId })
  },
)
