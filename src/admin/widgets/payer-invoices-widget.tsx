import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { CardError, CardLoading } from "../components/card-states"
import { PayerCreditDrawer } from "../components/payer/payer-credit-drawer"
import { PayerInvoicesTable } from "../components/payer/payer-invoices-table"
import { PayerPayWithCreditDrawer } from "../components/payer/payer-pay-with-credit-drawer"
import { PayerPayoutDrawer } from "../components/payer/payer-payout-drawer"
import { PayerSendCopyDrawer } from "../components/payer/payer-send-copy-drawer"
import { useConfirmedAction } from "../hooks/use-confirmed-action"
import { usePayerInvoiceActions } from "../hooks/use-payer-invoice-actions"
import { usePayerInvoices } from "../hooks/use-payer-invoices"
import type { PayerInvoice } from "../lib/api-types"
import { errorMessage } from "../lib/request-errors"
import type { PayerInvoiceAction } from "../lib/invoice-actions"
import { hasPaymentOf, PAYER_B2B_IDENTIFIER } from "../lib/order-payments"

type OpenDialog = { action: Exclude<PayerInvoiceAction, "retry">; invoice: PayerInvoice }

/**
 * The order's Payer invoices and credit invoices with their actions. Renders nothing on orders without a
 * payer-b2b payment. Each dialog is mounted for one opening, so its form and its Idempotency-Key are new each time.
 */
const PayerInvoicesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation()
  const isPayer = hasPaymentOf(order, PAYER_B2B_IDENTIFIER)
  const { data: invoices, isPending, error, refetch, isFetching } = usePayerInvoices(order.id, isPayer)
  const { retryIssue } = usePayerInvoiceActions(order.id)
  const { confirmAndRun } = useConfirmedAction()
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  if (!isPayer) return null

  const onAction = (action: PayerInvoiceAction, invoice: PayerInvoice) => {
    if (action !== "retry") return setDialog({ action, invoice })
    const fulfillmentId = invoice.fulfillment_id
    if (!fulfillmentId) return
    void confirmAndRun({
      title: t("payexPayer.payer.confirm.retryTitle"),
      description: t("payexPayer.payer.confirm.retryDescription"),
      confirmText: t("payexPayer.payer.actions.retry"),
      success: t("payexPayer.payer.toasts.issued"),
      run: () => retryIssue.mutateAsync({ fulfillmentId }),
    })
  }
  const close = () => setDialog(null)

  return (
    <Container className="divide-y p-0" data-testid="payer-invoices-card">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("payexPayer.payer.heading")}</Heading>
        <Button
          size="small"
          variant="secondary"
          onClick={() => void refetch()}
          isLoading={isFetching && !isPending}
          data-testid="payer-refresh"
        >
          <ArrowPath />
          {t("payexPayer.common.refresh")}
        </Button>
      </div>
      {isPending ? (
        <CardLoading testId="payer-invoices-loading" text={t("payexPayer.payer.loading")} />
      ) : error ? (
        <CardError
          testId="payer-invoices-error"
          text={t("payexPayer.payer.error")}
          reason={errorMessage(error, t("payexPayer.payer.error"))}
          onRetry={() => void refetch()}
        />
      ) : !invoices?.length ? (
        <div className="px-6 py-4" data-testid="payer-invoices-empty">
          <Text size="small" className="text-ui-fg-subtle">
            {t("payexPayer.payer.empty")}
          </Text>
        </div>
      ) : (
        <PayerInvoicesTable invoices={invoices} onAction={onAction} />
      )}
      {dialog?.action === "credit" && <PayerCreditDrawer orderId={order.id} invoice={dialog.invoice} onClose={close} />}
      {dialog?.action === "sendCopy" && (
        <PayerSendCopyDrawer orderId={order.id} invoice={dialog.invoice} onClose={close} />
      )}
      {dialog?.action === "payWithCredit" && (
        <PayerPayWithCreditDrawer
          orderId={order.id}
          credit={dialog.invoice}
          invoices={invoices ?? []}
          onClose={close}
        />
      )}
      {dialog?.action === "payout" && <PayerPayoutDrawer orderId={order.id} credit={dialog.invoice} onClose={close} />}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details",
})

export default PayerInvoicesWidget
