// Shared by the credit planning specs (payer-credits, payer-open-credits): one invoice they all reason about.
import type { CreditableInvoice } from "../payer-credits"

/** Invoice 1001: 2 chairs at 250.00 (25 %), 3 coffee at 33.33 (12 %), shipping 49.00 (25 %) = 648.99 SEK. */
export const invoice1001 = (overrides: Partial<CreditableInvoice> = {}): CreditableInvoice => ({
  id: "pinv_1",
  invoice_number: "1001",
  total_amount: 64899,
  credited_amount: 0,
  lines: [
    { position: 1, quantity: 2, credited_quantity: 0, unit_amount: 25000, total_amount: 50000, vat_basis_points: 2500 },
    { position: 2, quantity: 3, credited_quantity: 0, unit_amount: 3333, total_amount: 9999, vat_basis_points: 1200 },
    { position: 3, quantity: 1, credited_quantity: 0, unit_amount: 4900, total_amount: 4900, vat_basis_points: 2500 },
  ],
  ...overrides,
})
