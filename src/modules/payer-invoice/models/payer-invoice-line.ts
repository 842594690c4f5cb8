import { model } from "@medusajs/framework/utils"
import { PayerInvoice } from "./payer-invoice"

/**
 * One position of a Payer (credit) invoice and the Medusa line it came from, so a return of known items
 * can be credited by position and the admin can show what was billed.
 */
export const PayerInvoiceLine = model.define("payer_invoice_line", {
  id: model.id({ prefix: "pinvl" }).primaryKey(),
  invoice: model.belongsTo(() => PayerInvoice, { mappedBy: "lines" }),
  position: model.number(),
  line_item_id: model.text().nullable(),
  shipping_method_id: model.text().nullable(),
  description: model.text(),
  quantity: model.number(),
  // Minor units in numeric columns, like the invoice's amounts (see payer-invoice.ts).
  unit_amount: model.bigNumber(),
  total_amount: model.bigNumber(),
  vat_basis_points: model.number(),
  credited_quantity: model.number().default(0),
})
