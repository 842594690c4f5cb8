export * from "./payex/capture-fulfillment"
