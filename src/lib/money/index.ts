// Money helpers: integer minor units at every boundary, exact sums, VAT as PayEx wants it.
export * from "./minor-units"
export * from "./allocate"
export * from "./vat"
export * from "./lines"
