import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncPayerInvoicesStep, type SyncPayerInvoicesInput } from "./steps/sync-payer-invoices"

export const syncPayerInvoicesWorkflowId = "payer-sync-invoices"

export type { SyncPayerInvoicesInput, SyncPayerInvoicesResult } from "./steps/sync-payer-invoices"

/**
 * Brings status, credited and outstanding amounts and due date of the open Payer invoice records up to date
 * from Payer's invoice batch: one bounded run (the plugin's syncMaxCalls / syncMaxSeconds, or the input's
 * max_calls / max_seconds), continuing where the previous run stopped; skipped while another run holds the lock.
 */
export const syncPayerInvoicesWorkflow = createWorkflow(
  syncPayerInvoicesWorkflowId,
  (input: SyncPayerInvoicesInput) => {
    return new WorkflowResponse(syncPayerInvoicesStep(input))
  },
)
