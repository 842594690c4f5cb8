import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormatters } from "../../hooks/use-formatters"
import type { PayexSummary } from "../../lib/api-types"

/**
 * PayEx's transactions of the payment, oldest first, as a compact list: the card sits in the order page's narrow
 * side column, where a five-column table wraps every cell. Types and states PayEx adds later show as PayEx spells them.
 */
export function PayexTransactions({ summary }: { summary: PayexSummary }) {
  const { t } = useTranslation()
  const format = useFormatters(summary.currency_code)
  if (!summary.transactions.length) {
    return (
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          {t("payexPayer.payex.noTransactions")}
        </Text>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Text size="small" weight="plus">
        {t("payexPayer.payex.transactions.heading")}
      </Text>
      <ul className="flex flex-col gap-y-3" data-testid="payex-transactions">
        {summary.transactions.map((transaction, index) => (
          <li
            key={transaction.number ?? `i${index}`}
            className="flex flex-col gap-y-0.5"
            data-testid={`payex-transaction-${transaction.number ?? index}`}
          >
            <div className="flex items-center justify-between gap-x-2">
              <Text size="small" leading="compact">
                <span data-testid="payex-transaction-type">
                  {t(`payexPayer.payex.transactionTypes.${transaction.type}`, { defaultValue: transaction.type })}
                </span>
                {" · "}
                <span data-testid="payex-transaction-state" className="text-ui-fg-subtle">
                  {t(`payexPayer.payex.transactionStates.${transaction.state}`, { defaultValue: transaction.state })}
                </span>
              </Text>
              <Text size="small" leading="compact" data-testid="payex-transaction-amount">
                {transaction.amount === null ? "–" : format.minor(transaction.amount)}
              </Text>
            </div>
            <Text size="xsmall" leading="compact" className="text-ui-fg-subtle flex justify-between gap-x-2">
              <span data-testid="payex-transaction-date">{format.moment(transaction.created)}</span>
              <span
                data-testid="payex-transaction-reference"
                className="truncate font-mono"
                title={`${t("payexPayer.payex.transactions.reference")}: ${transaction.payee_reference ?? "–"}`}
              >
                {transaction.payee_reference ?? "–"}
              </span>
            </Text>
          </li>
        ))}
      </ul>
    </div>
  )
}
