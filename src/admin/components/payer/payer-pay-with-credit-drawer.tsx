import { Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useConfirmedAction } from "../../hooks/use-confirmed-action"
import { useFormatters } from "../../hooks/use-formatters"
import { useIdempotencyKey } from "../../hooks/use-idempotency-key"
import { usePayerInvoiceActions } from "../../hooks/use-payer-invoice-actions"
import type { PayerInvoice } from "../../lib/api-types"
import { payableInvoices } from "../../lib/invoice-actions"
import { currencyDigits, decimalToMinorUnits, majorToMinorUnits, minorUnitsToDecimal } from "../../lib/money-format"
import { NativeSelect } from "../native-select"
import { ActionDrawer } from "./action-drawer"

/**
 * Use (part of) a credit invoice to pay one of the order's issued invoices. The amount may not exceed what the
 * credit or the chosen invoice has outstanding (compared in minor units); the route checks the customer too.
 */
export function PayerPayWithCreditDrawer({
  orderId,
  credit,
  invoices,
  onClose,
}: {
  orderId: string
  credit: PayerInvoice
  invoices: PayerInvoice[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatters(credit.currency_code)
  const idempotencyKey = useIdempotencyKey(true)
  const { payWithCredit } = usePayerInvoiceActions(orderId)
  const { confirmAndRun, busy } = useConfirmedAction()
  const digits = currencyDigits(credit.currency_code)
  const targets = payableInvoices(invoices, digits)
  const [target, setTarget] = useState(targets[0]?.number ?? "")
  const targetInvoice = targets.find((invoice) => invoice.number === target)
  const creditLeft = majorToMinorUnits(credit.outstanding, digits) ?? 0
  const targetLeft = targetInvoice ? (majorToMinorUnits(targetInvoice.outstanding, digits) ?? 0) : 0
  const max = Math.min(creditLeft, targetLeft)
  const [amount, setAmount] = useState(() => (max > 0 ? minorUnitsToDecimal(max, digits) : ""))
  const typed = decimalToMinorUnits(amount.trim(), digits)
  const valid = !!targetInvoice && typed !== null && typed > 0 && typed <= max
  const number = credit.number ?? ""

  const submit = async () => {
    if (!valid) return
    const done = await confirmAndRun({
      title: t("payexPayer.payer.confirm.payWithCreditTitle", { number, target }),
      description: t("payexPayer.payer.confirm.payWithCreditDescription", {
        amount: format.minor(typed),
        target,
      }),
      confirmText: t("payexPayer.payer.payWithCredit.submit"),
      success: t("payexPayer.payer.toasts.paidWithCredit"),
      run: () =>
        payWithCredit.mutateAsync({
          invoiceNumber: number,
          idempotencyKey,
          toInvoiceNumber: target,
          amount: amount.trim(),
        }),
    })
    if (done) onClose()
  }

  return (
    <ActionDrawer
      title={t("payexPayer.payer.payWithCredit.title", { number })}
      description={t("payexPayer.payer.payWithCredit.description", { amount: format.major(credit.outstanding) })}
      testId="payer-pay-with-credit-drawer"
      onClose={onClose}
      submitLabel={t("payexPayer.payer.payWithCredit.submit")}
      submitTestId="payer-pay-with-credit-submit"
      canSubmit={valid}
      pending={busy || payWithCredit.isPending}
      onSubmit={() => void submit()}
    >
      {targets.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("payexPayer.payer.payWithCredit.noTargets")}
        </Text>
      ) : (
        <>
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="payer-pay-with-credit-target">
              {t("payexPayer.payer.payWithCredit.target")}
            </Label>
            <NativeSelect
              id="payer-pay-with-credit-target"
              value={target}
              data-testid="payer-pay-with-credit-target"
              onChange={(event) => setTarget(event.target.value)}
            >
              {targets.map((invoice) => (
                <option key={invoice.id} value={invoice.number ?? ""}>
                  {invoice.number} · {format.major(invoice.outstanding)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="payer-pay-with-credit-amount">
              {t("payexPayer.payer.payWithCredit.amount")}
            </Label>
            <Input
              id="payer-pay-with-credit-amount"
              size="small"
              inputMode="decimal"
              value={amount}
              aria-invalid={amount.trim() !== "" && !valid}
              data-testid="payer-pay-with-credit-amount"
              onChange={(event) => setAmount(event.target.value)}
            />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("payexPayer.payer.payWithCredit.tooMuch", { amount: format.minor(max) })}
            </Text>
          </div>
        </>
      )}
    </ActionDrawer>
  )
}
