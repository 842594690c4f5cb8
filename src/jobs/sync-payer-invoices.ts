import type { MedusaContainer } from "@medusajs/framework/types"
import { payerInvoiceModule } from "../modules/payer-invoice"
import type PayerInvoiceModuleService from "../modules/payer-invoice/service"
import { resolvePayerCreditsWorkflow } from "../workflows/payer/resolve-credits"
import { syncPayerInvoicesWorkflow } from "../workflows/payer/sync-invoices"

/** Orders whose unknown credits one run settles at most: each costs a lookup (or a resend) at Payer. */
const UNKNOWN_CREDIT_RECORDS_PER_RUN = 50

/**
 * The fallback poll for Payer invoice status: every 15 minutes one bounded run (payer.syncMaxCalls /
 * payer.syncMaxSeconds) continues where the previous one stopped. A run still going when the next one is due
 * keeps the lock, and the new one skips. The same run then settles credits whose answer from Payer was lost
 * ("unknown"), so none of them waits for an admin or the order's next credit to be looked up.
 */
export default async function syncPayerInvoicesJob(container: MedusaContainer) {
  const logger = container.resolve("logger")
  let service: PayerInvoiceModuleService
  try {
    service = payerInvoiceModule(container)
  } catch {
    return // the plugin's invoice module is not loaded in this application
  }
  if (!service.isConfigured()) return
  try {
    const { result } = await syncPayerInvoicesWorkflow(container).run({ input: {} })
    if (result.skipped === "locked") {
      logger.info("Payer invoice sync: skipped, another run is still going")
      return // that run settles the unknown credits too
    }
    if (result.updated || result.stopped_by) {
      const stop = result.stopped_by
        ? `; stopped at the ${result.stopped_by} cap, continues at invoice ${result.next_cursor}`
        : ""
      logger.info(`Payer invoice sync: ${result.updated} invoice(s) updated from ${result.pages} page(s)${stop}`)
    }
  } catch (e) {
    logger.error(`Payer invoice sync failed: ${(e as Error).message}`)
  }
  await resolveUnknownCredits(container, service, logger)
}

/** One order at a time, each under its credits lock (the workflow takes it): never beside a credit in progress. */
async function resolveUnknownCredits(
  container: MedusaContainer,
  service: PayerInvoiceModuleService,
  logger: { warn(message: string): void },
) {
  const open = await service.listPayerInvoices(
    { kind: "credit", status: "unknown" },
    { select: ["order_id"], take: UNKNOWN_CREDIT_RECORDS_PER_RUN },
  )
  for (const orderId of new Set(open.map((r: { order_id: string }) => r.order_id))) {
    try {
      await resolvePayerCreditsWorkflow(container).run({ input: { order_id: orderId } })
    } catch (e) {
      logger.warn(`Payer credits of order ${orderId} are still unknown: ${(e as Error).message}`)
    }
  }
}

export const config = {
  name: "sync-payer-invoices",
  schedule: "*/15 * * * *",
}
