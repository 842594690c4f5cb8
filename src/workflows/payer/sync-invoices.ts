import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SyncRunOutcome } from "../../lib/mapping/payer-invoice-sync"
import { acquirePayerSyncLockStep, type SyncPayerInvoicesInput } from "./steps/acquire-payer-sync-lock"
import { releasePayerSyncLockStep } from "./steps/release-payer-sync-lock"
import { syncOpenPayerInvoiceRecordsStep } from "./steps/sync-open-invoice-records"

export const syncPayerInvoicesWorkflowId = "payer-sync-invoices"

export type { SyncPayerInvoicesInput } from "./steps/acquire-payer-sync-lock"

export interface SyncPayerInvoicesResult extends SyncRunOutcome {
  /** "locked": another run holds the sync lock; "not_configured": no `payer` option. Nothing was done. */
  skipped: "locked" | "not_configured" | null
}

/**
 * Brings status, credited and outstanding amounts and due date of the open Payer invoice records up to date
 * from Payer's invoice batch: one bounded run (the plugin's syncMaxCalls / syncMaxSeconds, or the input's
 * max_calls / max_seconds), continuing where the previous run stopped; skipped while another run holds the lock.
 */
export const syncPayerInvoicesWorkflow = createWorkflow(
  syncPayerInvoicesWorkflowId,
  (input: SyncPayerInvoicesInput) => {
    const lock = acquirePayerSyncLockStep(input)
    const outcome = when("payer-sync-lock-held", { lock }, ({ lock }) => !!lock.owner_id).then(() => {
      const synced = syncOpenPayerInvoiceRecordsStep(lock)
      releasePayerSyncLockStep(transform({ lock }, ({ lock }) => ({ owner_id: lock.owner_id! })))
      return synced
    })
    const result = transform({ lock, outcome }, ({ lock, outcome }): SyncPayerInvoicesResult =>
      outcome
        ? { skipped: null, ...outcome }
        : {
            skipped: lock.skipped,
            from_invoice_number: null,
            pages: 0,
            updated: 0,
            next_cursor: null,
            completed_cycle: false,
            stopped_by: null,
          },
    )
    return new WorkflowResponse(result)
  },
)
