import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormatters } from "../../hooks/use-formatters"
import type { PayexSummary } from "../../lib/api-types"

/** PayEx's transactions of the payment, oldest first. Types and states PayEx adds later show as PayEx spells them. */
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
    <div className="flex flex-col gap-y-2 py-4">
      <Text size="small" weight="plus" className="px-6">
        {t("payexPayer.payex.transactions.heading")}
      </Text>
      <div className="overflow-x-auto">
        <Table data-testid="payex-transactions">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("payexPayer.payex.transactions.type")}</Table.HeaderCell>
              <Table.HeaderCell>{t("payexPayer.payex.transactions.state")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("payexPayer.payex.transactions.amount")}</Table.HeaderCell>
              <Table.HeaderCell>{t("payexPayer.payex.transactions.date")}</Table.HeaderCell>
              <Table.HeaderCell>{t("payexPayer.payex.transactions.reference")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {summary.transactions.map((transaction, index) => (
              <Table.Row
                key={transaction.number ?? `i${index}`}
                data-testid={`payex-transaction-${transaction.number ?? index}`}
              >
                <Table.Cell>
                  {t(`payexPayer.payex.transactionTypes.${transaction.type}`, { defaultValue: transaction.type })}
                </Table.Cell>
                <Table.Cell>
                  {t(`payexPayer.payex.transactionStates.${transaction.state}`, { defaultValue: transaction.state })}
                </Table.Cell>
                <Table.Cell className="text-right">
                  {transaction.amount === null ? "–" : format.minor(transaction.amount)}
                </Table.Cell>
                <Table.Cell>{format.moment(transaction.created)}</Table.Cell>
                <Table.Cell className="font-mono text-xs">{transaction.payee_reference ?? "–"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  )
}
