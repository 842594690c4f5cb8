/**
 * Pragmatic e-mail check for invoice delivery. Not RFC 5322: it only rejects
 * what is certainly undeliverable, and leaves the rest to the mail server.
 */

const MAX_LENGTH = 254 // RFC 5321 path limit minus the angle brackets.

/** One "@", non-empty local part, a dotted domain without empty labels, no whitespace, at most 254 chars. */
export function isValidEmail(s: string): boolean {
  if (typeof s !== "string" || s.length === 0 || s.length > MAX_LENGTH || /\s/.test(s)) {
    return false
  }
  const parts = s.split("@")
  if (parts.length !== 2) {
    return false
  }
  const [local, domain] = parts
  if (local.length === 0 || local.length > 64) {
    return false
  }
  const labels = domain.split(".")
  return (
    labels.length >= 2 && labels.every((label) => label.length > 0 && !label.startsWith("-") && !label.endsWith("-"))
  )
}
