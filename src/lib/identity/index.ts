// Validation and normalisation of Nordic identity data (national ids, organisation/VAT numbers, e-mail, phone).
export * from "./luhn"
export * from "./swedish-personal-number"
export * from "./norwegian-national-id"
export * from "./organisation-number"
export * from "./vat-id"
export * from "./email"
export * from "./phone"
