// What the cards show, derived from integers the sandboxes hold (src/admin/README.md: amounts are formatted with
// Intl.NumberFormat for the dashboard's language and the order's currency; the browser runs in English).

/** Whitespace as a reader sees it: Intl and the browser put no-break and narrow spaces where a reader sees one. */
export function visible(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim()
}

/** An integer amount in minor units as the card shows it, e.g. 64899 -> "SEK 648.99". */
export function shownAmount(minor: number, currency = "SEK", locale = "en"): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not a whole number of minor units: ${minor}`)
  const digits = String(Math.abs(minor)).padStart(3, "0")
  const decimal = `${minor < 0 ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}` // SEK has two decimals
  const format = new Intl.NumberFormat(locale, { style: "currency", currency })
  return visible(format.format(decimal as Intl.StringNumericLiteral))
}
