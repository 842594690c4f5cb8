import { Input, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormatters } from "../../hooks/use-formatters"
import type { PayerInvoice } from "../../lib/api-types"
import { lineQuantityProblem, remainingQuantity } from "../../lib/credit-form"

/** By line: per position, how many units to credit, from 0 to what is not credited yet. */
export function CreditByLineFields({
  invoice,
  quantities,
  onChange,
}: {
  invoice: PayerInvoice
  quantities: Record<number, string>
  onChange: (position: number, quantity: string) => void
}) {
  const { t } = useTranslation()
  const format = useFormatters(invoice.currency_code)
  return (
    <div className="flex flex-col gap-y-3">
      {invoice.lines.map((line) => {
        const remaining = remainingQuantity(line)
        const value = quantities[line.position] ?? ""
        const problem = lineQuantityProblem(value, remaining)
        return (
          <div key={line.position} className="flex items-center justify-between gap-x-4">
            <div className="flex min-w-0 flex-col">
              <Text size="small" weight="plus" className="truncate">
                {line.position}. {line.description}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {format.major(line.unit_amount)} · {line.vat_percent} % ·{" "}
                {t("payexPayer.payer.credit.remaining", { count: remaining, quantity: line.quantity })}
              </Text>
            </div>
            <Input
              type="number"
              inputMode="numeric"
              min={0}
              max={remaining}
              step={1}
              size="small"
              className="w-20"
              value={value}
              placeholder="0"
              disabled={remaining === 0}
              aria-label={`${t("payexPayer.payer.credit.quantityToCredit")} ${line.position}`}
              aria-invalid={problem !== null}
              data-testid={`payer-credit-quantity-${line.position}`}
              onChange={(event) => {
                // Never more than remains: a larger number typed or pasted is capped at the position's remainder.
                const typed = event.target.value
                const over = lineQuantityProblem(typed, remaining) === "too-many"
                onChange(line.position, over ? String(remaining) : typed)
              }}
            />
          </div>
        )
      })}
    </div>
  )
}
