import { ArrowUpRightOnBox, TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { IconButton, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useFormatters } from "../../hooks/use-formatters"
import type { PayerInvoice } from "../../lib/api-types"
import { invoiceActions, rowKey, type PayerInvoiceAction } from "../../lib/invoice-actions"
import { currencyDigits } from "../../lib/money-format"
import { PayerInvoiceActionsMenu } from "./payer-invoice-actions-menu"
import { PayerInvoiceLines } from "./payer-invoice-lines"
import { PayerStatusBadge } from "./payer-status-badge"

export const PAYER_TABLE_COLUMNS = 9

/** One invoice or credit invoice: its figures, a toggle for its lines, its public link and its actions. */
export function PayerInvoiceRow({
  invoice,
  onAction,
}: {
  invoice: PayerInvoice
  onAction: (action: PayerInvoiceAction, invoice: PayerInvoice) => void
}) {
  const { t } = useTranslation()
  const format = useFormatters(invoice.currency_code)
  const [expanded, setExpanded] = useState(false)
  const key = rowKey(invoice)
  const actions = invoiceActions(invoice, currencyDigits(invoice.currency_code))
  return (
    <>
      <Table.Row data-testid={`payer-invoice-row-${key}`}>
        <Table.Cell className="w-8 !pl-3 !pr-0">
          {invoice.lines.length > 0 && (
            <IconButton
              size="2xsmall"
              variant="transparent"
              aria-expanded={expanded}
              aria-label={t(expanded ? "payexPayer.payer.hideLines" : "payexPayer.payer.showLines")}
              data-testid={`payer-invoice-expand-${key}`}
              onClick={() => setExpanded((open) => !open)}
            >
              {expanded ? <TriangleDownMini /> : <TriangleRightMini />}
            </IconButton>
          )}
        </Table.Cell>
        <Table.Cell className="whitespace-nowrap">
          <div className="flex flex-col">
            <span data-testid="payer-invoice-number">
              {invoice.number ?? <span className="text-ui-fg-muted">{t("payexPayer.payer.notNumbered")}</span>}
            </span>
            <span className="text-ui-fg-subtle text-xs" data-testid="payer-invoice-kind" data-kind={invoice.kind}>
              {t(`payexPayer.payer.kinds.${invoice.kind}`)}
            </span>
            {invoice.credited_invoice_number && (
              <span className="text-ui-fg-muted text-xs">
                {t("payexPayer.payer.creditsInvoice", { number: invoice.credited_invoice_number })}
              </span>
            )}
          </div>
        </Table.Cell>
        <Table.Cell data-testid="payer-invoice-ocr" className="whitespace-nowrap font-mono text-xs">
          {invoice.ocr ?? "–"}
        </Table.Cell>
        <Table.Cell data-testid="payer-invoice-total" className="whitespace-nowrap text-right">
          {format.major(invoice.total)}
        </Table.Cell>
        <Table.Cell data-testid="payer-invoice-credited" className="whitespace-nowrap text-right">
          {format.major(invoice.credited)}
        </Table.Cell>
        <Table.Cell data-testid="payer-invoice-outstanding" className="whitespace-nowrap text-right">
          {format.major(invoice.outstanding)}
        </Table.Cell>
        <Table.Cell data-testid="payer-invoice-status">
          <PayerStatusBadge invoice={invoice} />
        </Table.Cell>
        <Table.Cell data-testid="payer-invoice-due-date" className="whitespace-nowrap">
          {format.day(invoice.due_date)}
        </Table.Cell>
        <Table.Cell className="!pr-3">
          <div className="flex items-center justify-end gap-x-1">
            {invoice.public_url && (
              <a
                href={invoice.public_url}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={t("payexPayer.payer.open")}
                title={t("payexPayer.payer.open")}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover flex h-6 w-6 items-center justify-center rounded"
                data-testid="payer-invoice-link"
              >
                <ArrowUpRightOnBox />
              </a>
            )}
            <PayerInvoiceActionsMenu rowKey={key} actions={actions} onAction={(action) => onAction(action, invoice)} />
          </div>
        </Table.Cell>
      </Table.Row>
      {invoice.status === "failed" && invoice.last_error && (
        <Table.Row className="hover:bg-transparent">
          {/* A plain td: Table.Cell's props have no colSpan. */}
          <td colSpan={PAYER_TABLE_COLUMNS} className="px-6 py-2">
            <Text size="small" className="text-ui-fg-error" data-testid={`payer-invoice-error-${key}`}>
              {invoice.last_error}
            </Text>
          </td>
        </Table.Row>
      )}
      {expanded && (
        <Table.Row className="hover:bg-transparent">
          <td colSpan={PAYER_TABLE_COLUMNS} className="bg-ui-bg-subtle px-6 py-2">
            <PayerInvoiceLines invoice={invoice} />
          </td>
        </Table.Row>
      )}
    </>
  )
}
