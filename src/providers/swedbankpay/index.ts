import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { SwedbankPayInvoiceProviderService } from "../../services/swedbankpay-invoice"

// Hosts register this under the payment module:
// { resolve: "medusa-plugin-payex-payer/providers/swedbankpay", id: "swedbankpay", options }
export default ModuleProvider(Modules.PAYMENT, { services: [SwedbankPayInvoiceProviderService] })
