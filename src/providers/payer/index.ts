import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { PayerB2BProviderService } from "../../services/payer-b2b"

// Hosts register this under the payment module: { resolve: "medusa-plugin-payex-payer/providers/payer", id: "payer" }
export default ModuleProvider(Modules.PAYMENT, { services: [PayerB2BProviderService] })
