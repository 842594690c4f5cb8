import type { MedusaContainer } from "@medusajs/framework/types"
import { PayerApiError } from "../../../lib/payer"
import { PAYER_INVOICE_MODULE } from "../../../modules/payer-invoice"
import type PayerInvoiceModuleService from "../../../modules/payer-invoice/service"

/** Shared by the invoice steps: the module, the record source key, and how a failure is written down. */
export function payerInvoiceService(container: MedusaContainer | { resolve: (key: string) => unknown }): PayerInvoiceModuleService {
  return container.resolve(PAYER_INVOICE_MODULE) as PayerInvoiceModuleService
}

/** The unique `source` of the invoice of a fulfillment: a duplicate event finds the same record. */
export function fulfillmentSource(fulfillmentId: string): string {
  return `fulfillment:${fulfillmentId}`
}

/** How far issuing got; each value is written right after the Payer call that reached it. */
export const ISSUE_STEPS = {
  orderCreated: "order_created",
  approved: "approved",
  invoiced: "invoiced",
  recorded: "recorded",
} as const

const MAX_ERROR_LENGTH = 1000

/**
 * The text stored in last_error. PayerApiError messages carry Payer's own explanation and the path, never
 * credentials or tokens (see lib/payer/errors.ts); other errors keep their message only.
 */
export function failureText(error: unknown, what: string): string {
  const message = error instanceof PayerApiError ? error.message : error instanceof Error ? error.message : String(error)
  const text = `${what}: ${message}`.replace(/\s+/g, " ").trim()
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text
}

/** Marks a record failed with a readable error; never hides the original error if that write fails too. */
export async function markFailed(service: PayerInvoiceModuleService, recordId: string, error: unknown, what: string): Promise<void> {
  try {
    await service.updatePayerInvoices({ id: recordId, status: "failed", last_error: failureText(error, what) })
  } catch {
    // the original error is what the caller rethrows
  }
}
