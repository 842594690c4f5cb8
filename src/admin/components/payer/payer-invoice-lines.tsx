import { Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useFormatters } from "../../hooks/use-formatters"
import type { PayerInvoice } from "../../lib/api-types"
import { rowKey } from "../../lib/invoice-actions"

/** The lines of one invoice, shown when its row is expanded. */
export function PayerInvoiceLines({ invoice }: { invoice: PayerInvoice }) {
  const { t } = useTranslation()
  const format = useFormatters(invoice.currency_code)
  return (
    <Table data-testid={`payer-invoice-lines-${rowKey(invoice)}`}>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>{t("payexPayer.payer.lines.position")}</Table.HeaderCell>
          <Table.HeaderCell>{t("payexPayer.payer.lines.description")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("payexPayer.payer.lines.quantity")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("payexPayer.payer.lines.credited")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("payexPayer.payer.lines.unitAmount")}</Table.HeaderCell>
          <Table.HeaderCell className="text-right">{t("payexPayer.payer.lines.vat")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {invoice.lines.map((line) => (
          <Table.Row key={line.position} data-testid={`payer-invoice-line-${line.position}`}>
            <Table.Cell>{line.position}</Table.Cell>
            <Table.Cell>{line.description}</Table.Cell>
            <Table.Cell className="text-right">{line.quantity}</Table.Cell>
            <Table.Cell className="text-right">{line.credited_quantity}</Table.Cell>
            <Table.Cell className="text-right">{format.major(line.unit_amount)}</Table.Cell>
            <Table.Cell className="text-right">{line.vat_percent} %</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
