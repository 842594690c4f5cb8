import { Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { PayerInvoice } from "../../lib/api-types"
import { rowKey, type PayerInvoiceAction } from "../../lib/invoice-actions"
import { PayerInvoiceRow } from "./payer-invoice-row"

/** The order's invoices and credit invoices, oldest first, as the route answers them. */
export function PayerInvoicesTable({
  invoices,
  onAction,
}: {
  invoices: PayerInvoice[]
  onAction: (action: PayerInvoiceAction, invoice: PayerInvoice) => void
}) {
  const { t } = useTranslation()
  const column = (name: string) => t(`payexPayer.payer.columns.${name}`)
  return (
    <div className="overflow-x-auto">
      <Table data-testid="payer-invoices-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-8" />
            <Table.HeaderCell>{column("invoice")}</Table.HeaderCell>
            <Table.HeaderCell>{column("ocr")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{column("total")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{column("credited")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{column("outstanding")}</Table.HeaderCell>
            <Table.HeaderCell>{column("status")}</Table.HeaderCell>
            <Table.HeaderCell>{column("dueDate")}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {invoices.map((invoice) => (
            <PayerInvoiceRow key={rowKey(invoice)} invoice={invoice} onAction={onAction} />
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
