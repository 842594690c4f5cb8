import { model } from "@medusajs/framework/utils"

/**
 * Where the status sync continues: one row per sync (`name`, e.g. "invoice-status"). `next_invoice_number`
 * is the open record the next run starts from (null: from the lowest); a run that hits its cap stops there,
 * and the walk wraps around after the highest open record, so no single old record is where every run begins.
 */
export const PayerSyncState = model
  .define("payer_sync_state", {
    id: model.id({ prefix: "psync" }).primaryKey(),
    name: model.text(),
    next_invoice_number: model.text().nullable(),
    last_run_at: model.dateTime().nullable(),
    last_cycle_completed_at: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_payer_sync_state_name_unique", on: ["name"], unique: true, where: "deleted_at IS NULL" }])
