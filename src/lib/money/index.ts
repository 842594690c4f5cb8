// Money helpers, each written once: integer minor units at every boundary, exact sums and decimal parsing, VAT.
export * from "./minor-units"
export * from "./allocate"
export * from "./vat"
export * from "./lines"
export * from "./decimal"
