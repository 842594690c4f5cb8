import { Module } from "@medusajs/framework/utils"
import PayerInvoiceModuleService from "./service"
import { PAYER_INVOICE_MODULE } from "./names"

export { PAYER_B2B_PROVIDER_IDENTIFIER, PAYER_INVOICE_MODULE, payerInvoiceModule } from "./names"

export default Module(PAYER_INVOICE_MODULE, { service: PayerInvoiceModuleService })
