/**
 * Mobile numbers (MSISDN) in the E.164 form PayEx wants: "+46701234567",
 * no spaces. Shoppers type national forms ("070-123 45 67"), "0046..." or
 * "+46 (0)70...", so those are normalised; anything that is not plausibly a
 * mobile number in Sweden, Norway or Finland gives null (PayEx invoice only
 * serves those markets, and a landline cannot receive the SMS PayEx sends).
 */

export type MsisdnCountry = "SE" | "NO" | "FI"

type CountryRule = {
  callingCode: string
  /** Does the national number have a leading trunk "0" that E.164 drops? */
  trunkZero: boolean
  /** National significant number (after the calling code) of a mobile line. */
  mobile: RegExp
}

// Mobile ranges after the numbering plans (PTS, Nkom, Traficom), as libphonenumber has them.
const RULES: Record<MsisdnCountry, CountryRule> = {
  // 070, 072, 073, 076, 079 + 7 digits.
  SE: { callingCode: "46", trunkZero: true, mobile: /^7[02369]\d{7}$/ },
  // 8 digits starting with 4 or 9; Norway has no trunk prefix.
  NO: { callingCode: "47", trunkZero: false, mobile: /^[49]\d{7}$/ },
  // 04x or 050 + 4..8 digits (lengths vary by operator).
  FI: { callingCode: "358", trunkZero: true, mobile: /^(?:4\d|50)\d{4,8}$/ },
}

/** The national significant number as a mobile of `country`, or null. */
function asMobile(country: MsisdnCountry, national: string): string | null {
  const rule = RULES[country]
  // A trunk 0 kept after the country code ("+46 070...", "+46 (0)70...") is a common slip.
  const nsn = rule.trunkZero && national.startsWith("0") ? national.slice(1) : national
  return rule.mobile.test(nsn) ? `+${rule.callingCode}${nsn}` : null
}

/**
 * Normalises a mobile number to "+<country code><number>". An explicit "+" or
 * "00" prefix wins over `defaultCountry`, which applies to national forms only.
 * Spaces, hyphens, dots, slashes and parentheses are ignored; any other
 * character makes the input invalid.
 */
export function normalizeMsisdn(input: string, defaultCountry: MsisdnCountry): string | null {
  if (typeof input !== "string" || !(defaultCountry in RULES)) {
    return null
  }
  const compact = input
    .trim()
    .replace(/\(0\)/g, "")
    .replace(/[\s\-./()]/g, "")
  let international: string | null = null
  if (compact.startsWith("+")) {
    international = compact.slice(1)
  } else if (compact.startsWith("00")) {
    international = compact.slice(2)
  }

  if (international !== null) {
    if (!/^\d+$/.test(international)) {
      return null
    }
    for (const country of Object.keys(RULES) as MsisdnCountry[]) {
      const code = RULES[country].callingCode
      if (international.startsWith(code)) {
        return asMobile(country, international.slice(code.length))
      }
    }
    return null
  }

  if (!/^\d+$/.test(compact)) {
    return null
  }
  return asMobile(defaultCountry, compact)
}
