import { model } from "@medusajs/framework/utils"

/**
 * One Payer event this shop took in, keyed by a SHA-256 hash of its token (the token itself is not kept).
 * The unique hash is the claim: of two deliveries of one event at the same time only one row can be written, so
 * only one of them updates the records; the other finds the row and does nothing. `state` is "processing" while
 * the claim's holder works and "processed" once its updates are written (see ../records/payer-events.ts).
 */
export const PayerEventReceipt = model
  .define("payer_event_receipt", {
    id: model.id({ prefix: "pevt" }).primaryKey(),
    token_hash: model.text(),
    /** Payer's event type as fetched (unknown types included) */
    type: model.text(),
    state: model.enum(["processing", "processed"]).default("processing"),
    /** the Payer invoice numbers whose records the event updated (comma-separated), for the admin's curiosity */
    updated_invoice_numbers: model.text().nullable(),
    processed_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_payer_event_receipt_token_hash_unique",
      on: ["token_hash"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
