import type { MedusaContainer } from "@medusajs/framework/types"
import { PAYER_INVOICE_MODULE } from "../modules/payer-invoice"
import type PayerInvoiceModuleService from "../modules/payer-invoice/service"
import { syncPayerInvoicesWorkflow } from "../workflows/payer/sync-invoices"

/** Payer has no public invoice webhook: every 15 minutes, bring status and outstanding amounts up to date. */
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
    const { result } = await syncPayerInvoicesWorkflow(container).run()
    if (result.updated) logger.info(`Payer invoice sync: ${result.updated} invoice(s) updated from ${result.pages} page(s)`)
  } catch (e) {
    logger.error(`Payer invoice sync failed: ${(e as Error).message}`)
  }
}

export const config = {
  name: "sync-payer-invoices",
  schedule: "*/15 * * * *",
}
