import { Module } from "@medusajs/framework/utils"
import PayerInvoiceModuleService from "./service"

export const PAYER_INVOICE_MODULE = "payerInvoice"

export default Module(PAYER_INVOICE_MODULE, { service: PayerInvoiceModuleService })
