import type { MedusaContainer } from "@medusajs/framework/types"
import { PAYER_INVOICE_MODULE } from "../modules/payer-invoice"
import type PayerInvoiceModuleService from "../modules/payer-invoice/service"
import { syncPayerInvoicesWorkflow } from "../workflows/payer/sync-invoices"

/**
 * The fallback poll for Payer invoice status: every 15 minutes one bounded run (payer.syncMaxCalls /
 * payer.syncMaxSeconds) continues where the previous one stopped. A run still going when the next one is due
 * keeps the lock, and the new one skips.
 */
export default async function syncPayerInvoicesJob(container: MedusaContainer) {
  const logger = container.resolve("logger")
  let service: PayerInvoiceModuleService
  try {
    service = container.resolve(PAYER_INVOICE_MODULE) as PayerInvoiceModuleService
  } catch {
    return // the plugin's invoice module is not loaded in this application
  }
  if (!service.isConfigured()) return
  try {
    const { result } = await syncPayerInvoicesWorkflow(container).run({ input: {} })
    if (result.skipped === "locked") {
      logger.info("Payer invoice sync: skipped, another run is still going")
      return
    }
    if (result.updated || result.stopped_by) {
      const stop = result.stopped_by ? `; stopped at the ${result.stopped_by} cap, continues at invoice ${result.next_cursor}` : ""
      logger.info(`Payer invoice sync: ${result.updated} invoice(s) updated from ${result.pages} page(s)${stop}`)
    }
  } catch (e) {
    logger.error(`Payer invoice sync failed: ${(e as Error).message}`)
  }
}

export const config = {
  name: "sync-payer-invoices",
  schedule: "*/15 * * * *",
}
