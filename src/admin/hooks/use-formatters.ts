import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { formatCalendarDate, formatMoment } from "../lib/date-format"
import { formatMajorUnits, formatMinorUnits, intlLocale } from "../lib/money-format"

/** Amount and date formatting in the dashboard's current language, for one currency. */
export function useFormatters(currency: string) {
  const { i18n } = useTranslation()
  const locale = intlLocale(i18n.resolvedLanguage ?? i18n.language)
  return useMemo(
    () => ({
      locale,
      minor: (amount: number) => formatMinorUnits(amount, currency, locale),
      major: (amount: number) => formatMajorUnits(amount, currency, locale),
      day: (value: string | null | undefined) => formatCalendarDate(value, locale),
      moment: (value: string | null | undefined) => formatMoment(value, locale),
    }),
    [currency, locale],
  )
}
