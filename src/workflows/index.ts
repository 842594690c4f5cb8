export * from "./payex/capture-fulfillment"
export * from "./payer/issue-invoice"
export * from "./payer/sync-invoices"
