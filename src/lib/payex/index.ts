export * from "./payex-client"
export * from "./payex-api-error"
export * from "./payex-api-types"
export * from "./payee-reference"
