/**
 * Whose credit may pay whose invoice (pay-with-credit): the same business customer only, that is the same order,
 * or orders paid by the same organisation number. Pure: the caller reads the payments.
 */
import { parseSwedishOrganisationNumber } from "../identity"

/** What the check reads of an invoice or credit record. */
export interface CustomerRecord {
  invoice_number: string | null
  order_id: string
}

/** The organisation number a payer-b2b payment was made with (normalized, from its data), or null. */
export function orgNumberOfPaymentData(data: unknown): string | null {
  const raw = (data as Record<string, unknown> | null | undefined)?.org_number
  return typeof raw === "string" ? (parseSwedishOrganisationNumber(raw)?.formatted ?? null) : null
}

/**
 * Why the credit may not pay the target (it would hand one customer's credit to another), or null when it may.
 * The organisation numbers are those of the records' payments (null: no payment, or none on its data).
 */
export function otherCustomerProblem(
  credit: CustomerRecord,
  target: CustomerRecord,
  creditOrg: string | null,
  targetOrg: string | null,
): string | null {
  if (credit.order_id === target.order_id || (creditOrg && creditOrg === targetOrg)) return null
  return `to_invoice_number: invoice ${target.invoice_number} belongs to another customer than credit invoice ${credit.invoice_number} (organisation numbers differ); a credit can only pay invoices of its own customer`
}
