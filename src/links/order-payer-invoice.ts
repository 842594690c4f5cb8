import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import PayerInvoiceModule from "../modules/payer-invoice"

// order.payer_invoices: every Payer invoice and credit invoice issued for the order.
export default defineLink(OrderModule.linkable.order, {
  linkable: PayerInvoiceModule.linkable.payerInvoice,
  isList: true,
})
