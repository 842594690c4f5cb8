import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { PayexInvoiceProviderService } from "../../services/payex-invoice"

// Hosts register this under the payment module: { resolve: "medusa-plugin-payex-payer/providers/payex", id: "payex", options }
export default ModuleProvider(Modules.PAYMENT, { services: [PayexInvoiceProviderService] })
