import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormatters } from "../../hooks/use-formatters"
import type { PayexSummary } from "../../lib/api-types"

const AMOUNTS = ["authorized", "captured", "reversed", "cancelled", "remaining"] as const

/** The payment's five amounts, label on the left and the formatted amount on the right, as the dashboard lists totals. */
export function PayexAmounts({ summary }: { summary: PayexSummary }) {
  const { t } = useTranslation()
  const format = useFormatters(summary.currency_code)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      {AMOUNTS.map((name) => (
        <div key={name} className="flex items-center justify-between">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {t(`payexPayer.payex.amounts.${name}`)}
          </Text>
          <Text
            size="small"
            leading="compact"
            weight={name === "captured" ? "plus" : "regular"}
            data-testid={`payex-amount-${name}`}
            data-minor-units={summary.amounts[name]}
          >
            {format.minor(summary.amounts[name])}
          </Text>
        </div>
      ))}
    </div>
  )
}
