import { MedusaError } from "@medusajs/framework/utils"
import { isValidEmail, parseSwedishOrganisationNumber, parseSwedishVatId } from "../identity"
import { PAYER_DELIVERY_TYPES } from "../../modules/payer-invoice/options"

/** What a business customer's storefront sends as the payer-b2b session data, normalized. */
export interface PayerB2BCustomer {
  company_name: string
  org_number: string
  vat_id: string | null
  email: string
  phone: string | null
  your_reference: string | null
  delivery_type: string | null
}

function invalid(field: string, message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${message}`)
}

function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null || value === "") return null
  if (typeof value !== "string" || value.length > max) invalid(field, `must be text of at most ${max} characters`)
  return value.trim()
}

/** Validates the storefront's B2B data; throws a 400-type MedusaError naming the first bad field. */
export function parseB2BCustomer(data: Record<string, unknown> | undefined): PayerB2BCustomer {
  const d = data ?? {}
  const company = typeof d.company_name === "string" ? d.company_name.trim() : ""
  if (!company || company.length > 100) invalid("company_name", "is required (at most 100 characters)")
  const org = parseSwedishOrganisationNumber(String(d.org_number ?? ""))
  if (!org) invalid("org_number", "is not a valid Swedish organisation number (NNNNNN-NNNN)")
  let vatId: string | null = null
  if (d.vat_id !== undefined && d.vat_id !== null && d.vat_id !== "") {
    vatId = parseSwedishVatId(String(d.vat_id))
    if (!vatId) invalid("vat_id", "must be SE + 10 digits + 01, e.g. SE556036079301")
  }
  const email = typeof d.email === "string" ? d.email.trim() : ""
  if (!isValidEmail(email)) invalid("email", "is not a valid e-mail address")
  const phone = optionalText(d.phone, "phone", 30)
  if (phone && !/^\+?[0-9 ()-]{5,30}$/.test(phone)) invalid("phone", "is not a phone number")
  const deliveryType = optionalText(d.delivery_type, "delivery_type", 10)
  if (deliveryType && !(PAYER_DELIVERY_TYPES as readonly string[]).includes(deliveryType))
    invalid("delivery_type", `must be one of ${PAYER_DELIVERY_TYPES.join(", ")}`)
  return {
    company_name: company,
    org_number: org.formatted,
    vat_id: vatId,
    email,
    phone,
    your_reference: optionalText(d.your_reference, "your_reference", 50),
    delivery_type: deliveryType,
  }
}

/** The company fields a storefront may send (README "Business checkout with Payer"). */
export const B2B_STOREFRONT_FIELDS = [
  "company_name",
  "org_number",
  "vat_id",
  "email",
  "phone",
  "your_reference",
  "delivery_type",
] as const

/** What the provider itself writes into session and payment data. */
export const B2B_PROVIDER_FIELDS = ["currency_code", "amount_minor"] as const

const ALLOWED = new Set<string>([...B2B_STOREFRONT_FIELDS, ...B2B_PROVIDER_FIELDS])

/**
 * Medusa stores the storefront's session data as sent and merges the provider's answer into it, so a key
 * the answer leaves out survives. The answer therefore sets every key that is not allowlisted to null
 * (planted control keys such as `pending_refund`, personal numbers under odd names, anything else) and
 * names the dropped keys (never their values) for a warning.
 */
export function allowlistedSessionData(
  input: Record<string, unknown> | null | undefined,
  written: Record<string, unknown>,
): { data: Record<string, unknown>; dropped: string[] } {
  // session_id is Medusa's own addition to the provider's input (not stored from it): no warning for it.
  const dropped = Object.keys(input ?? {}).filter(
    (key) => !ALLOWED.has(key) && key !== "session_id" && (input as Record<string, unknown>)[key] !== null,
  )
  const cleared = Object.fromEntries(
    Object.keys(input ?? {})
      .filter((key) => !ALLOWED.has(key))
      .map((key) => [key, null]),
  )
  return { data: { ...cleared, ...written }, dropped }
}
