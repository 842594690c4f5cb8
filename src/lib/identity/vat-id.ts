/**
 * Swedish VAT registration number (momsregistreringsnummer): "SE", the
 * 10-digit organisation number (or a sole trader's personnummer) and "01".
 */
import { parseSwedishOrganisationNumber } from "./organisation-number"

const FORMAT = /^SE(\d{10})01$/

/**
 * Normalises a Swedish VAT id to "SE" + 10 digits + "01" (case-insensitive,
 * whitespace anywhere ignored) and checks the organisation number inside it.
 * Returns null when it is not a valid Swedish VAT id.
 */
export function parseSwedishVatId(input: string): string | null {
  if (typeof input !== "string") {
    return null
  }
  const match = FORMAT.exec(input.replace(/\s+/g, "").toUpperCase())
  if (!match) {
    return null
  }
  const org = parseSwedishOrganisationNumber(match[1])
  return org ? `SE${org.digits10}01` : null
}
