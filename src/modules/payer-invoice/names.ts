import type PayerInvoiceModuleService from "./service"
import type { Resolver } from "./records/record-types"

/** The one name the invoice module is registered and resolved under. */
export const PAYER_INVOICE_MODULE = "payerInvoice"

/**
 * The payer-b2b provider's identifier (its payments' provider_id is `pp_payer-b2b_<id>`). Here, below the
 * provider class, so that workflows can recognise its payments without importing provider code.
 */
export const PAYER_B2B_PROVIDER_IDENTIFIER = "payer-b2b"

/** The invoice module from a container (a step's, a route's scope, a job's, the app container). */
export function payerInvoiceModule(container: Resolver): PayerInvoiceModuleService {
  return container.resolve(PAYER_INVOICE_MODULE) as PayerInvoiceModuleService
}
