/**
 * Format and checksum rules for the national identity numbers the sandbox accepts.
 * The sandbox never logs or echoes these numbers.
 */

function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1)
    if (d > 9) d -= 9
    sum += d
  }
  return sum % 10 === 0
}

function plausibleSwedishDate(mm: number, dd: number): boolean {
  // samordningsnummer: day + 60
  const day = dd > 60 ? dd - 60 : dd
  return mm >= 1 && mm <= 12 && day >= 1 && day <= 31
}

/**
 * Swedish personnummer as the authorization takes it: `YYMMDD-NNNN` (or `YYMMDD+NNNN` for 100+ years).
 * Returns the 10-digit form `YYMMDDNNNN`, or null when the format, date or Luhn digit is wrong.
 */
export function parseSwedishShort(ssn: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})[-+](\d{4})$/.exec(ssn)
  if (!m) return null
  if (!plausibleSwedishDate(Number(m[2]), Number(m[3]))) return null
  const ten = m[1] + m[2] + m[3] + m[4]
  return luhnValid(ten) ? ten : null
}

/** Swedish personnummer as approvedlegaladdress takes it: `YYYYMMDDNNNN`. Returns the 10-digit form or null. */
export function parseSwedishLong(ssn: string): string | null {
  const m = /^(19|20)(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(ssn)
  if (!m) return null
  if (!plausibleSwedishDate(Number(m[3]), Number(m[4]))) return null
  const ten = m[2] + m[3] + m[4] + m[5]
  return luhnValid(ten) ? ten : null
}

/** Norwegian fødselsnummer `DDMMYYIIIKK` (D-numbers day + 40, synthetic test numbers month + 80), two mod-11 digits. */
export function parseNorwegian(ssn: string): string | null {
  if (!/^\d{11}$/.test(ssn)) return null
  const d = ssn.split("").map(Number)
  let day = d[0] * 10 + d[1]
  let month = d[2] * 10 + d[3]
  if (day > 40) day -= 40
  if (month > 80) month -= 80
  else if (month > 40) month -= 40
  if (day < 1 || day > 31 || month < 1 || month > 12) return null
  const k = (weights: number[]) => {
    const r = 11 - (weights.reduce((sum, w, i) => sum + w * d[i], 0) % 11)
    return r === 11 ? 0 : r
  }
  const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2])
  const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
  return k1 === d[9] && k2 === d[10] ? ssn : null
}

/** Finnish henkilötunnus `DDMMYYCZZZQ` with its mod-31 check character. */
export function parseFinnish(ssn: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})[-+A-FU-Y](\d{3})([0-9A-Y])$/.exec(ssn)
  if (!m) return null
  const day = Number(m[1])
  const month = Number(m[2])
  if (day < 1 || day > 31 || month < 1 || month > 12) return null
  const check = "0123456789ABCDEFHJKLMNPRSTUVWXY"[Number(m[1] + m[2] + m[3] + m[4]) % 31]
  return check === m[5] ? m[1] + m[2] + m[3] + m[4] + m[5] : null
}

export const SSN_FORMAT_HINT: Record<"SE" | "NO" | "FI", string> = {
  SE: "a valid Swedish personal number formatted YYMMDD-NNNN",
  NO: "a valid Norwegian personal number of 11 digits DDMMYYNNNNN",
  FI: "a valid Finnish personal identity code DDMMYYCZZZQ",
}

/** Parses the authorization's socialSecurityNumber for the payment's country; returns the lookup key or null. */
export function parseConsumerSsn(country: "SE" | "NO" | "FI", ssn: string): string | null {
  if (country === "SE") return parseSwedishShort(ssn)
  if (country === "NO") return parseNorwegian(ssn)
  return parseFinnish(ssn)
}
