import { Label } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useConfirmedAction } from "../../hooks/use-confirmed-action"
import { useIdempotencyKey } from "../../hooks/use-idempotency-key"
import { usePayerInvoiceActions } from "../../hooks/use-payer-invoice-actions"
import type { PayerInvoice } from "../../lib/api-types"
import { NativeSelect } from "../native-select"
import { ActionDrawer } from "./action-drawer"

// The route refuses NONE (a copy that is not sent is no copy).
const DELIVERY_TYPES = ["EMAIL", "PRINT", "EINVOICE", "SMS"] as const

/** Ask Payer to send the customer a copy of an invoice or credit invoice. One copy per opening of the drawer. */
export function PayerSendCopyDrawer({
  orderId,
  invoice,
  onClose,
}: {
  orderId: string
  invoice: PayerInvoice
  onClose: () => void
}) {
  const { t } = useTranslation()
  const idempotencyKey = useIdempotencyKey(true)
  const { sendCopy } = usePayerInvoiceActions(orderId)
  const { confirmAndRun, busy } = useConfirmedAction()
  const initial = DELIVERY_TYPES.find((type) => type === invoice.delivery_type) ?? "EMAIL"
  const [deliveryType, setDeliveryType] = useState<string>(initial)
  const number = invoice.number ?? ""
  const deliveryLabel = (type: string) => t(`payexPayer.payer.send.deliveryTypes.${type}`, { defaultValue: type })

  const submit = async () => {
    const done = await confirmAndRun({
      title: t("payexPayer.payer.confirm.sendTitle", { number }),
      description: t("payexPayer.payer.confirm.sendDescription", { deliveryType: deliveryLabel(deliveryType) }),
      confirmText: t("payexPayer.payer.send.submit"),
      success: t("payexPayer.payer.toasts.sent"),
      run: () => sendCopy.mutateAsync({ invoiceNumber: number, idempotencyKey, deliveryType }),
    })
    if (done) onClose()
  }

  return (
    <ActionDrawer
      title={t("payexPayer.payer.send.title", { number })}
      testId="payer-send-drawer"
      onClose={onClose}
      submitLabel={t("payexPayer.payer.send.submit")}
      submitTestId="payer-send-submit"
      canSubmit
      pending={busy || sendCopy.isPending}
      onSubmit={() => void submit()}
    >
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor="payer-send-delivery-type">
          {t("payexPayer.payer.send.deliveryType")}
        </Label>
        <NativeSelect
          id="payer-send-delivery-type"
          value={deliveryType}
          data-testid="payer-send-delivery-type"
          onChange={(event) => setDeliveryType(event.target.value)}
        >
          {DELIVERY_TYPES.map((type) => (
            <option key={type} value={type}>
              {deliveryLabel(type)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </ActionDrawer>
  )
}
