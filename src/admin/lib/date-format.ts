/**
 * Dates on the admin cards in the dashboard's language. A calendar date without a time ("2026-12-31", Payer's
 * due dates) is shown as that day everywhere, not shifted by the browser's time zone.
 */
export function formatCalendarDate(value: string | null | undefined, locale: string): string {
  if (!value) return "–"
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = new Date(day ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", ...(day ? { timeZone: "UTC" } : {}) }).format(date)
}

/** A moment (PayEx's transaction times) with date and time, in the browser's time zone. */
export function formatMoment(value: string | null | undefined, locale: string): string {
  if (!value) return "–"
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date)
}
