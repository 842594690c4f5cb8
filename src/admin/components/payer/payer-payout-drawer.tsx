import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useConfirmedAction } from "../../hooks/use-confirmed-action"
import { useFormatters } from "../../hooks/use-formatters"
import { useIdempotencyKey } from "../../hooks/use-idempotency-key"
import { usePayerInvoiceActions } from "../../hooks/use-payer-invoice-actions"
import type { PayerInvoice } from "../../lib/api-types"
import { ActionDrawer } from "./action-drawer"

/** Pay a credit invoice's outstanding amount back to the customer. One payout per opening of the drawer. */
export function PayerPayoutDrawer({
  orderId,
  credit,
  onClose,
}: {
  orderId: string
  credit: PayerInvoice
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatters(credit.currency_code)
  const idempotencyKey = useIdempotencyKey(true)
  const { payout } = usePayerInvoiceActions(orderId)
  const { confirmAndRun, busy } = useConfirmedAction()
  const number = credit.number ?? ""
  const amount = format.major(credit.outstanding)

  const submit = async () => {
    const done = await confirmAndRun({
      title: t("payexPayer.payer.confirm.payoutTitle", { number }),
      description: t("payexPayer.payer.confirm.payoutDescription", { amount }),
      confirmText: t("payexPayer.payer.payout.submit"),
      success: t("payexPayer.payer.toasts.paidOut"),
      run: () => payout.mutateAsync({ invoiceNumber: number, idempotencyKey }),
    })
    if (done) onClose()
  }

  return (
    <ActionDrawer
      title={t("payexPayer.payer.payout.title", { number })}
      description={t("payexPayer.payer.payout.description")}
      testId="payer-payout-drawer"
      onClose={onClose}
      submitLabel={t("payexPayer.payer.payout.submit")}
      submitTestId="payer-payout-submit"
      canSubmit
      pending={busy || payout.isPending}
      onSubmit={() => void submit()}
    >
      <div className="flex items-center justify-between">
        <Text size="small" className="text-ui-fg-subtle">
          {t("payexPayer.payer.payout.amount")}
        </Text>
        <Text size="small" weight="plus" data-testid="payer-payout-amount">
          {amount}
        </Text>
      </div>
    </ActionDrawer>
  )
}
