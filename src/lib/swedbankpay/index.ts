export * from "./swedbankpay-client"
export * from "./payment-order-types"
export * from "./payment-order-reads"
