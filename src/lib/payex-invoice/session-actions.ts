import { MedusaError } from "@medusajs/framework/utils"
import { parseFinnishPersonalIdentityCode } from "../identity/finnish-personal-identity-code"
import { isValidEmail, normalizeMsisdn, parseNorwegianNationalId, parseSwedishPersonalNumber } from "../identity"
import { PayexProblemError } from "../payex"
import type { PayexClient, PayexLegalAddressResponse, PayexTransaction } from "../payex"
import { performOnPayment } from "./known-operations"
import { payexToMedusaError } from "./medusa-errors"
import { PAYEX_CURRENCIES } from "./provider-options"
import {
  fromPayexAddress,
  PayexAddressInput,
  PayexSessionAction,
  PayexSessionData,
  toPayexAddress,
} from "./payex-session-data"

/** A personal number in the forms PayEx wants, plus every spelling to scrub from errors. */
export interface PersonalNumber {
  forLegalAddress: string
  forAuthorization: string
  spellings: string[]
}

function invalid(field: string, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${message}`)
}

// Separators a number is written with: "-" and "+" (Swedish age, Finnish century), a space, or none.
const SEPARATORS = ["", "-", "+", " "]
// Finnish century signs: PayEx or a shopper may write any of them for the same person.
const FINNISH_CENTURY_SIGNS = ["-", "+", "A", "B", "C", "D", "E", "F", "U", "V", "W", "X", "Y"]

function joined(head: string, tail: string, separators: string[]): string[] {
  return separators.map((sep) => `${head}${sep}${tail}`)
}

/**
 * Every way the number can be written, so an error text that echoes any of them can be scrubbed: the
 * shopper's own input, and for Sweden the 10- and 12-digit forms with "-", "+", a space or no separator
 * (YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN, ...); Norway the 11 digits with or
 * without a separator after the date; Finland the code with any century sign or none, in both cases.
 */
export function personalNumberSpellings(input: string, country: string, canonical: string): string[] {
  const raw = [input, input.replace(/\s/g, ""), input.replace(/\D/g, "")]
  let forms: string[] = []
  if (country === "SE") {
    const d12 = canonical
    const d10 = d12.slice(2)
    forms = [...joined(d10.slice(0, 6), d10.slice(6), SEPARATORS), ...joined(d12.slice(0, 8), d12.slice(8), SEPARATORS)]
  } else if (country === "NO") {
    forms = joined(canonical.slice(0, 6), canonical.slice(6), SEPARATORS)
  } else {
    const date = canonical.slice(0, 6)
    const rest = canonical.slice(7)
    forms = joined(date, rest, [...SEPARATORS, ...FINNISH_CENTURY_SIGNS]).flatMap((f) => [f, f.toLowerCase()])
  }
  return [...new Set([...raw, ...forms].filter((s) => s.length > 0))]
}

/** Validates the shopper's personal number for the payment's country before PayEx sees it. */
export function parsePersonalNumber(raw: unknown, country: string): PersonalNumber {
  const input = typeof raw === "string" ? raw.trim() : ""
  if (country === "SE") {
    const p = parseSwedishPersonalNumber(input)
    if (p) {
      // PayEx's authorization wants YYMMDD-NNNN; "+" (100 years or older) is sent as "-" like before.
      const forAuthorization = p.short.replace("+", "-")
      return {
        forLegalAddress: p.digits12,
        forAuthorization,
        spellings: personalNumberSpellings(input, "SE", p.digits12),
      }
    }
    throw invalid(
      "social_security_number",
      "not a valid Swedish personal identity number (YYMMDD-NNNN or YYYYMMDDNNNN)",
    )
  }
  if (country === "NO") {
    const p = parseNorwegianNationalId(input)
    if (p)
      return {
        forLegalAddress: p.digits11,
        forAuthorization: p.digits11,
        spellings: personalNumberSpellings(input, "NO", p.digits11),
      }
    throw invalid("social_security_number", "not a valid Norwegian national identity number (11 digits)")
  }
  const p = parseFinnishPersonalIdentityCode(input)
  if (p)
    return {
      forLegalAddress: p.code,
      forAuthorization: p.code,
      spellings: personalNumberSpellings(input, "FI", p.code),
    }
  throw invalid("social_security_number", "not a valid Finnish personal identity code (DDMMYYCZZZQ)")
}

function countryOf(data: PayexSessionData): string {
  const c = PAYEX_CURRENCIES[String(data.currency_code ?? "").toLowerCase()]
  if (!c || !data.payex_payment_id) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "payment_session_id: this session has no PayEx payment; create the payment session again",
    )
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

/** An action whose input passed every local check: what is sent to PayEx, and the spellings to scrub. */
export type PreparedSessionAction = (
  | { type: "legal-address"; ssn: PersonalNumber; zipCode: string }
  | {
      type: "authorize"
      ssn: PersonalNumber
      msisdn: string
      email?: string
      ip: string
      legal: PayexAddressInput
      billing?: PayexAddressInput
    }
) & { /** false on a retry: read the payment first (see PayexSessionAction.attempt). */ followKept: boolean }

/**
 * Every check that needs no PayEx call: the session has a PayEx payment, the personal number is valid for
 * its country (check digit), the zip code, mobile number, e-mail and addresses. The store routes run it
 * before they count an attempt against the session's cap, so a mistyped number costs the shopper nothing.
 */
export function prepareSessionAction(data: PayexSessionData, action: PayexSessionAction): PreparedSessionAction {
  const country = countryOf(data)
  const ssn = parsePersonalNumber(action.social_security_number, country)
  if (action.type === "legal-address") {
    if (country !== "SE") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "PayEx offers the approved legal address in Sweden only; send legal_address with the authorization instead",
      )
    }
    const zipCode = typeof action.zip_code === "string" ? action.zip_code.replace(/\s/g, "") : ""
    if (!/^\d{5}$/.test(zipCode)) throw invalid("zip_code", "must be a Swedish postal code of 5 digits")
    return { type: "legal-address", ssn, zipCode, followKept: !(Number(action.attempt) > 1) }
  }
  const msisdn = normalizeMsisdn(String(action.msisdn ?? ""), country as "SE" | "NO" | "FI")
  if (!msisdn) throw invalid("msisdn", "must be a mobile number, e.g. +46739000001")
  if (action.email !== undefined && action.email !== null && !isValidEmail(String(action.email)))
    throw invalid("email", "is not a valid e-mail address")
  const legal = checkAddress(
    (action.legal_address ?? (data.legal_address as PayexAddressInput | undefined)) as PayexAddressInput,
    "legal_address",
    country,
  )
  const billing = action.billing_address ? checkAddress(action.billing_address, "billing_address", country) : undefined
  const followKept = !(Number(action.attempt) > 1)
  return { type: "authorize", ssn, msisdn, email: action.email || undefined, ip: action.ip, legal, billing, followKept }
}

/**
 * Runs a storefront action against PayEx and returns the session data to store. The personal number
 * is used for the one PayEx call and then forgotten: it is in neither the returned data nor any error.
 */
export async function runSessionAction(
  client: PayexClient,
  data: PayexSessionData,
  action: PayexSessionAction,
): Promise<PayexSessionData> {
  const prepared = prepareSessionAction(data, action)
  try {
    if (prepared.type === "legal-address") return await fetchLegalAddress(client, data, prepared)
    return await authorize(client, data, prepared)
  } catch (e) {
    throw payexToMedusaError(e, prepared.ssn.spellings)
  }
}

/**
 * The one answer for "no such person" and "the postal code does not match" (and any other refusal of the
 * lookup's input): telling them apart would let anyone confirm that a personal number exists and then find
 * its postal code by trying. Nothing of PayEx's problem travels with it, for the same reason.
 */
export const NO_LEGAL_ADDRESS_MESSAGE =
  "No address was found for this personal number and postal code. Check both, or enter your address or choose another payment method."

/** PayEx refused the lookup's input: unknown person, postal code that does not match, or a number it does not know. */
export function isLegalAddressMismatch(error: unknown): boolean {
  if (!(error instanceof PayexProblemError) || error.code !== "http") return false
  return error.errorType === "notfound" || error.errorType === "inputerror" || error.status === 404
}

async function fetchLegalAddress(
  client: PayexClient,
  data: PayexSessionData,
  action: Extract<PreparedSessionAction, { type: "legal-address" }>,
) {
  const res = await performOnPayment<PayexLegalAddressResponse>(
    client,
    data,
    "create-approved-legal-address",
    { addressee: { socialSecurityNumber: action.ssn.forLegalAddress, zipCode: action.zipCode } },
    "PayEx no longer offers the legal address for this payment",
    { followKept: action.followKept },
  ).catch((e) => {
    throw isLegalAddressMismatch(e) ? new MedusaError(MedusaError.Types.INVALID_DATA, NO_LEGAL_ADDRESS_MESSAGE) : e
  })
  const address = res.approvedLegalAddress ?? res.legalAddress
  if (!address)
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "PayEx answered without an approved legal address")
  return { ...data, legal_address: fromPayexAddress(address) }
}

async function authorize(
  client: PayexClient,
  data: PayexSessionData,
  action: Extract<PreparedSessionAction, { type: "authorize" }>,
) {
  const res = await performOnPayment<{ authorization?: { transaction?: PayexTransaction } }>(
    client,
    data,
    "create-authorization",
    {
      transaction: { activity: "FinancingConsumer" },
      consumer: {
        socialSecurityNumber: action.ssn.forAuthorization,
        email: action.email,
        msisdn: action.msisdn,
        ip: action.ip,
      },
      legalAddress: toPayexAddress(action.legal),
      billingAddress: action.billing ? toPayexAddress(action.billing) : undefined,
    },
    "This PayEx payment can no longer be authorized",
    { followKept: action.followKept },
  ).catch(async (e) => {
    const earlier = await earlierAuthorization(client, data, e)
    if (!earlier) throw e
    return { authorization: { transaction: earlier } }
  })
  const tx = res.authorization?.transaction
  if (!tx || tx.state !== "Completed") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `PayEx did not complete the authorization (${tx?.state ?? "no transaction"}${tx?.failedReason ? `: ${tx.failedReason}` : ""})`,
    )
  }
  return {
    ...data,
    legal_address: fromPayexAddress(toPayexAddress(action.legal)),
    authorization_transaction_number: tx.number,
    // Authorized: what the creation offered is gone (capture and cancel read the payment as it is then).
    payex_operations: null,
  }
}

/**
 * The authorization an earlier attempt made, when this one failed in a way that may hide it: PayEx authorized and
 * its answer was lost (a dropped connection, a timeout, a 5xx), so the client's own retry, or the shopper's, finds
 * the payment no longer offering the authorization. PayEx's transactions tell; a completed authorization is the
 * answer the first attempt should have had. PayEx's refusals of this request (credit not approved, bad input) are
 * its answer, and the transactions are not read for them.
 */
async function earlierAuthorization(
  client: PayexClient,
  data: PayexSessionData,
  error: unknown,
): Promise<PayexTransaction | undefined> {
  if (error instanceof PayexProblemError && ["creditnotapproved", "inputerror"].includes(error.errorType ?? ""))
    return undefined
  const transactions = await client.listTransactionsOf(data.payex_payment_id!).catch((): PayexTransaction[] => [])
  return transactions.find((t) => t.type === "Authorization" && t.state === "Completed")
}
