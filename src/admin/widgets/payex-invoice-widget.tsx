import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { CardError, CardLoading } from "../components/card-states"
import { PayexAmounts } from "../components/payex/payex-amounts"
import { PayexStateBadge } from "../components/payex/payex-state-badge"
import { PayexTransactions } from "../components/payex/payex-transactions"
import { useFormatters } from "../hooks/use-formatters"
import { usePayexSummary } from "../hooks/use-payex-summary"
import { errorMessage } from "../lib/request-errors"
import { hasPaymentOf, PAYEX_INVOICE_IDENTIFIER } from "../lib/order-payments"

/**
 * The order's PayEx invoice payment as PayEx has it now: state, amounts, transactions and who is invoiced.
 * Renders nothing on orders without a live PayEx payment (the route's 404 says the same).
 */
const PayexInvoiceWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const isPayex = hasPaymentOf(order, PAYEX_INVOICE_IDENTIFIER, true)
  const { data: summary, isPending, error, refetch, refresh, refreshing } = usePayexSummary(order.id, isPayex)
  const format = useFormatters(summary?.currency_code ?? order.currency_code)
  if (!isPayex || (!isPending && !error && !summary)) return null

  return (
    <Container className="divide-y p-0" data-testid="payex-invoice-card">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">{t("payexPayer.payex.heading")}</Heading>
          {summary && <PayexStateBadge state={summary.state} />}
        </div>
        <Button
          size="small"
          variant="secondary"
          onClick={() => void refresh()}
          isLoading={refreshing}
          disabled={refreshing}
          data-testid="payex-refresh"
        >
          <ArrowPath />
          {t("payexPayer.common.refresh")}
        </Button>
      </div>
      {isPending ? (
        <CardLoading testId="payex-loading" text={t("payexPayer.payex.loading")} />
      ) : error && !summary ? (
        <CardError
          testId="payex-error"
          text={t("payexPayer.payex.error")}
          reason={errorMessage(error, t("payexPayer.payex.error"))}
          onRetry={() => void refetch()}
        />
      ) : summary ? (
        <>
          {error && (
            <div className="px-6 py-3" data-testid="payex-error" role="alert">
              <Text size="small" className="text-ui-fg-error">
                {errorMessage(error, t("payexPayer.payex.error"))}
              </Text>
            </div>
          )}
          <PayexAmounts summary={summary} />
          {summary.addressee && (
            <div className="flex items-start justify-between gap-x-4 px-6 py-4" data-testid="payex-addressee">
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                {t("payexPayer.payex.addressee")}
              </Text>
              <Text size="small" leading="compact" className="text-right">
                {summary.addressee.name}
                {summary.addressee.city ? `, ${summary.addressee.city}` : ""}
              </Text>
            </div>
          )}
          <PayexTransactions summary={summary} />
          {summary.fetched_at && (
            <div className="px-6 py-3">
              <Text size="xsmall" className="text-ui-fg-muted" data-testid="payex-fetched-at">
                {t("payexPayer.payex.refreshed", { time: format.moment(summary.fetched_at) })}
              </Text>
            </div>
          )}
        </>
      ) : null}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side",
})

export default PayexInvoiceWidget
