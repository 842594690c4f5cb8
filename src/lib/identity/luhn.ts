/**
 * Luhn (mod 10) check digit, used by Swedish personal, coordination and
 * organisation numbers (and card numbers). Input is digits only: callers strip
 * separators first, so a stray character is treated as invalid, not ignored.
 */

const DIGITS = /^\d+$/

/** Sum of Luhn-weighted digits, with the rightmost given digit doubled when `doubleLast`. */
function luhnSum(digits: string, doubleLast: boolean): number {
  let sum = 0
  for (let i = digits.length - 1, double = doubleLast; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) {
        d -= 9
      }
    }
    sum += d
  }
  return sum
}

/** True when the last digit is the correct Luhn check digit for the ones before it. */
export function luhnChecksumValid(digits: string): boolean {
  if (typeof digits !== "string" || digits.length < 2 || !DIGITS.test(digits)) {
    return false
  }
  return luhnSum(digits, false) % 10 === 0
}
