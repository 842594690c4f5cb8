/**
 * Swedish organisationsnummer, as Payer needs it for B2B invoices.
 *
 * A legal person's number is NNNNNN-NNNC with a Luhn check digit and a "month"
 * (digits 3-4) of 20 or more, which is what keeps it apart from personal
 * numbers. A sole trader (enskild firma) has no organisation number of its own
 * and uses the owner's personnummer, so a valid personnummer is accepted too.
 */
import { luhnChecksumValid } from "./luhn"
import { parseSwedishPersonalNumber } from "./swedish-personal-number"

export type SwedishOrganisationNumber = {
  /** The 10 digits, without the "16" prefix or separator. */
  digits10: string
  /** NNNNNN-NNNN */
  formatted: string
}

// Optional "16" prefix (the 12-digit form used by Skatteverket/Bolagsverket), optional hyphen.
const LEGAL_PERSON_FORMAT = /^(?:16)?(\d{6})-?(\d{4})$/

function result(digits10: string): SwedishOrganisationNumber {
  return { digits10, formatted: `${digits10.slice(0, 6)}-${digits10.slice(6)}` }
}

/**
 * Parses a Swedish organisation number (or a sole trader's personnummer) with
 * surrounding whitespace ignored. Returns null when it is neither.
 */
export function parseSwedishOrganisationNumber(input: string): SwedishOrganisationNumber | null {
  if (typeof input !== "string") {
    return null
  }
  const text = input.trim()

  const legal = LEGAL_PERSON_FORMAT.exec(text)
  if (legal) {
    const digits10 = legal[1] + legal[2]
    if (Number(digits10.slice(2, 4)) >= 20 && luhnChecksumValid(digits10)) {
      return result(digits10)
    }
  }

  // Sole trader: any accepted personnummer form; the organisation number is its
  // 10-digit form (always written with "-", it is not an age marker here).
  const person = parseSwedishPersonalNumber(text)
  if (person) {
    return result(person.digits12.slice(2))
  }
  return null
}
