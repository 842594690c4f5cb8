import { Label, RadioGroup, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useConfirmedAction } from "../../hooks/use-confirmed-action"
import { useFormatters } from "../../hooks/use-formatters"
import { useIdempotencyKey } from "../../hooks/use-idempotency-key"
import { usePayerInvoiceActions } from "../../hooks/use-payer-invoice-actions"
import type { PayerInvoice } from "../../lib/api-types"
import {
  creditBody,
  emptyManualLine,
  invoiceVatRates,
  type CreditMode,
  type ManualLineDraft,
} from "../../lib/credit-form"
import { uncreditedMinorUnits } from "../../lib/invoice-actions"
import { currencyDigits } from "../../lib/money-format"
import { ActionDrawer } from "./action-drawer"
import { CreditByLineFields } from "./credit-by-line-fields"
import { CreditManualLinesFields } from "./credit-manual-lines-fields"

const MODES: Array<{ mode: CreditMode; label: string; testId: string }> = [
  { mode: "full", label: "full", testId: "payer-credit-mode-full" },
  { mode: "by-line", label: "byLine", testId: "payer-credit-mode-by-line" },
  { mode: "manual", label: "manual", testId: "payer-credit-mode-manual" },
]

/** Credit an invoice in full, by line, or with manual lines; mounted per opening, so each opening is one credit. */
export function PayerCreditDrawer({
  orderId,
  invoice,
  onClose,
}: {
  orderId: string
  invoice: PayerInvoice
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatters(invoice.currency_code)
  const idempotencyKey = useIdempotencyKey(true)
  const { credit } = usePayerInvoiceActions(orderId)
  const { confirmAndRun, busy } = useConfirmedAction()
  const digits = currencyDigits(invoice.currency_code)
  const vatRates = invoiceVatRates(invoice)
  const [mode, setMode] = useState<CreditMode>("full")
  const [quantities, setQuantities] = useState<Record<number, string>>({})
  const [manualLines, setManualLines] = useState<ManualLineDraft[]>(() => [emptyManualLine(vatRates)])
  const body = creditBody({ mode, invoice, quantities, manualLines, digits })
  const number = invoice.number ?? ""

  const submit = async () => {
    if (!body) return
    const done = await confirmAndRun({
      title: t("payexPayer.payer.confirm.creditTitle", { number }),
      description: t("payexPayer.payer.confirm.creditDescription"),
      confirmText: t("payexPayer.payer.credit.submit"),
      success: t("payexPayer.payer.toasts.credited"),
      run: () => credit.mutateAsync({ invoiceNumber: number, idempotencyKey, body }),
    })
    if (done) onClose()
  }

  return (
    <ActionDrawer
      title={t("payexPayer.payer.credit.title", { number })}
      description={t("payexPayer.payer.credit.description")}
      testId="payer-credit-drawer"
      onClose={onClose}
      submitLabel={t("payexPayer.payer.credit.submit")}
      submitTestId="payer-credit-submit"
      canSubmit={body !== null}
      pending={busy || credit.isPending}
      onSubmit={() => void submit()}
    >
      <RadioGroup
        value={mode}
        onValueChange={(value) => setMode(MODES.find((m) => m.mode === value)?.mode ?? "full")}
        className="flex gap-x-4"
      >
        {MODES.map(({ mode: value, label, testId }) => (
          <div key={value} className="flex items-center gap-x-2">
            <RadioGroup.Item value={value} id={`payer-credit-mode-${value}`} data-testid={testId} />
            <Label htmlFor={`payer-credit-mode-${value}`} size="small">
              {t(`payexPayer.payer.credit.modes.${label}`)}
            </Label>
          </div>
        ))}
      </RadioGroup>
      {mode === "full" && (
        <Text size="small" data-testid="payer-credit-full-summary">
          {t("payexPayer.payer.credit.fullSummary", { amount: format.minor(uncreditedMinorUnits(invoice, digits)) })}
        </Text>
      )}
      {mode === "by-line" && (
        <CreditByLineFields
          invoice={invoice}
          quantities={quantities}
          onChange={(position, quantity) => setQuantities((all) => ({ ...all, [position]: quantity }))}
        />
      )}
      {mode === "manual" && (
        <CreditManualLinesFields
          lines={manualLines}
          vatRates={vatRates}
          digits={digits}
          onChange={(index, line) => setManualLines((all) => all.map((old, i) => (i === index ? line : old)))}
          onAdd={() => setManualLines((all) => [...all, emptyManualLine(vatRates)])}
          onRemove={(index) => setManualLines((all) => all.filter((_, i) => i !== index))}
        />
      )}
    </ActionDrawer>
  )
}
