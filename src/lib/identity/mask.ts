/**
 * Masking of national identity numbers for logs and admin views. PayEx's rules
 * and GDPR allow at most the last 4 digits to be shown.
 */

/**
 * Replaces every character except the last 4 digits, "-" and spaces with "*":
 * "600307-1161" -> "******-1161". Letters and "+" (which would reveal an age of
 * 100+) are masked too. With 4 digits or fewer nothing is shown, since then the
 * last 4 would be the whole value.
 */
export function maskPersonalNumber(input: string): string {
  const text = typeof input === "string" ? input.trim() : ""
  const digitCount = (text.match(/\d/g) ?? []).length
  const reveal = digitCount > 4 ? 4 : 0
  let digitsSeen = 0
  return Array.from(text, (ch) => {
    if (/\d/.test(ch)) {
      digitsSeen++
      return digitsSeen > digitCount - reveal ? ch : "*"
    }
    return ch === "-" || ch === " " ? ch : "*"
  }).join("")
}
