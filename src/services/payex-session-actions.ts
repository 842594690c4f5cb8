import { MedusaError } from "@medusajs/framework/utils"
import { parseFinnishPersonalIdentityCode } from "../lib/identity/finnish-personal-identity-code"
import { isValidEmail, normalizeMsisdn, parseNorwegianNationalId, parseSwedishPersonalNumber } from "../lib/identity"
import type { PayexClient, PayexLegalAddressResponse, PayexTransaction } from "../lib/payex"
import { payexToMedusaError } from "./payex-errors"
import { PAYEX_CURRENCIES } from "./payex-invoice-options"
import { fromPayexAddress, PayexAddressInput, PayexSessionAction, PayexSessionData, toPayexAddress } from "./payex-session-data"

/** A personal number in the forms PayEx wants, plus every spelling to scrub from errors. */
interface PersonalNumber {
  forLegalAddress: string
  forAuthorization: string
  spellings: string[]
}

function invalid(field: string, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${message}`)
}

/** Validates the shopper's personal number for the payment's country before PayEx sees it. */
export function parsePersonalNumber(raw: unknown, country: string): PersonalNumber {
  const input = typeof raw === "string" ? raw.trim() : ""
  const spellings = [input, input.replace(/\D/g, "")]
  if (country === "SE") {
    const p = parseSwedishPersonalNumber(input)
    if (p) {
      const forAuthorization = p.short.replace("+", "-")
      return { forLegalAddress: p.digits12, forAuthorization, spellings: [...spellings, p.digits12, p.short, forAuthorization, p.digits12.slice(2)] }
    }
    throw invalid("social_security_number", "not a valid Swedish personal identity number (YYMMDD-NNNN or YYYYMMDDNNNN)")
  }
  if (country === "NO") {
    const p = parseNorwegianNationalId(input)
    if (p) return { forLegalAddress: p.digits11, forAuthorization: p.digits11, spellings: [...spellings, p.digits11] }
    throw invalid("social_security_number", "not a valid Norwegian national identity number (11 digits)")
  }
  const p = parseFinnishPersonalIdentityCode(input)
  if (p) return { forLegalAddress: p.code, forAuthorization: p.code, spellings: [...spellings, p.code] }
  throw invalid("social_security_number", "not a valid Finnish personal identity code (DDMMYYCZZZQ)")
}

function countryOf(data: PayexSessionData): string {
  const c = PAYEX_CURRENCIES[String(data.currency_code ?? "").toLowerCase()]
  if (!c || !data.payex_payment_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "payment_session_id: this session has no PayEx payment; create the payment session again")
  }
  return c.country
}

function checkAddress(a: PayexAddressInput | undefined, field: string, country: string): PayexAddressInput {
  if (!a || typeof a !== "object") throw invalid(field, "is required")
  for (const k of ["addressee", "zip_code", "city", "country_code"] as const) {
    if (typeof a[k] !== "string" || !a[k].trim()) throw invalid(`${field}.${k}`, "is required")
  }
  if (field === "legal_address" && a.country_code.toUpperCase() !== country) {
    throw invalid(`${field}.country_code`, `must be ${country} for a payment in this currency`)
  }
  return a
}

/**
 * Runs a storefront action against PayEx and returns the session data to store. The personal number
 * is used for the one PayEx call and then forgotten: it is in neither the returned data nor any error.
 */
export async function runSessionAction(client: PayexClient, data: PayexSessionData, action: PayexSessionAction): Promise<PayexSessionData> {
  const country = countryOf(data)
  const ssn = parsePersonalNumber(action.social_security_number, country)
  try {
    if (action.type === "legal-address") return await fetchLegalAddress(client, data, action.zip_code, ssn, country)
    return await authorize(client, data, action, ssn, country)
  } catch (e) {
    throw payexToMedusaError(e, ssn.spellings)
  }
}

async function fetchLegalAddress(client: PayexClient, data: PayexSessionData, zip: unknown, ssn: PersonalNumber, country: string) {
  if (country !== "SE") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "PayEx offers the approved legal address in Sweden only; send legal_address with the authorization instead")
  }
  const zipCode = typeof zip === "string" ? zip.replace(/\s/g, "") : ""
  if (!/^\d{5}$/.test(zipCode)) throw invalid("zip_code", "must be a Swedish postal code of 5 digits")
  const { operations } = await client.getPayment(data.payex_payment_id!)
  const res = await client.perform<PayexLegalAddressResponse>(operations, "create-approved-legal-address", {
    addressee: { socialSecurityNumber: ssn.forLegalAddress, zipCode },
  })
  const address = res.approvedLegalAddress ?? res.legalAddress
  if (!address) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "PayEx answered without an approved legal address")
  return { ...data, legal_address: fromPayexAddress(address) }
}

async function authorize(
  client: PayexClient,
  data: PayexSessionData,
  action: Extract<PayexSessionAction, { type: "authorize" }>,
  ssn: PersonalNumber,
  country: string
) {
  const msisdn = normalizeMsisdn(String(action.msisdn ?? ""), country as "SE" | "NO" | "FI")
  if (!msisdn) throw invalid("msisdn", "must be a mobile number, e.g. +46739000001")
  if (action.email !== undefined && action.email !== null && !isValidEmail(String(action.email))) throw invalid("email", "is not a valid e-mail address")
  const legal = checkAddress((action.legal_address ?? (data.legal_address as PayexAddressInput | undefined)) as PayexAddressInput, "legal_address", country)
  const billing = action.billing_address ? checkAddress(action.billing_address, "billing_address", country) : undefined

  const { operations } = await client.getPayment(data.payex_payment_id!)
  const res = await client.perform<{ authorization?: { transaction?: PayexTransaction } }>(operations, "create-authorization", {
    transaction: { activity: "FinancingConsumer" },
    consumer: {
      socialSecurityNumber: ssn.forAuthorization,
      email: action.email || undefined,
      msisdn,
      ip: action.ip,
    },
    legalAddress: toPayexAddress(legal),
    billingAddress: billing ? toPayexAddress(billing) : undefined,
  })
  const tx = res.authorization?.transaction
  if (!tx || tx.state !== "Completed") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `PayEx did not complete the authorization (${tx?.state ?? "no transaction"}${tx?.failedReason ? `: ${tx.failedReason}` : ""})`)
  }
  return { ...data, legal_address: fromPayexAddress(toPayexAddress(legal)), authorization_transaction_number: tx.number }
}
