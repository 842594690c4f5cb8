import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncStartInvoiceNumber, syncUpdatesForPage, type SyncableRecord } from "../../lib/mapping/payer-invoice-sync"
import { payerInvoiceService } from "./steps/invoice-record"

export const syncPayerInvoicesWorkflowId = "payer-sync-invoices"

/** A guard against a Payer that never stops paging (20 invoices a page: 100 000 invoices). */
const MAX_PAGES = 5000

export interface SyncPayerInvoicesResult {
  from_invoice_number: number | null
  pages: number
  updated: number
}

/**
 * Pages through Payer's invoice batch (20 per page, following nextInvoiceNumber until it is null), from the
 * lowest invoice number among our records that are not settled, and brings status, credited and
 * outstanding amounts and due date of every known invoice up to date. Nothing to undo: it only mirrors Payer.
 */
export const syncPayerInvoicesStep = createStep("payer-sync-invoices", async (_: void, { container }) => {
  const service = payerInvoiceService(container)
  const result: SyncPayerInvoicesResult = { from_invoice_number: null, pages: 0, updated: 0 }
  if (!service.isConfigured()) return new StepResponse(result)

  const fields = ["id", "invoice_number", "payer_status", "credited_amount", "outstanding_amount", "due_date"]
  const records = (await service.listPayerInvoices({ invoice_number: { $ne: null } } as any, { select: fields })) as SyncableRecord[]
  let from = syncStartInvoiceNumber(records)
  result.from_invoice_number = from
  const client = service.getPayerClient()
  while (from !== null && result.pages < MAX_PAGES) {
    const page = await client.getInvoicesBatch(from)
    result.pages += 1
    const updates = syncUpdatesForPage(records, page.invoices)
    if (updates.length) {
      await service.updatePayerInvoices(updates as any)
      result.updated += updates.length
    }
    const next = page.nextInvoiceNumber ?? null
    from = next !== null && next > from ? next : null
  }
  return new StepResponse(result)
})

export const syncPayerInvoicesWorkflow = createWorkflow(syncPayerInvoicesWorkflowId, () => {
  return new WorkflowResponse(syncPayerInvoicesStep())
})
