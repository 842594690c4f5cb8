import {
  ArrowPath,
  ArrowUturnLeft,
  CurrencyDollar,
  EllipsisHorizontal,
  Envelope,
  ReceiptPercent,
} from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import type { PayerInvoiceAction } from "../../lib/invoice-actions"

const ICONS: Record<PayerInvoiceAction, ReactNode> = {
  credit: <ArrowUturnLeft />,
  sendCopy: <Envelope />,
  payWithCredit: <ReceiptPercent />,
  payout: <CurrencyDollar />,
  retry: <ArrowPath />,
}

/** The "…" menu of a row with the actions that apply to it; nothing when none does. */
export function PayerInvoiceActionsMenu({
  rowKey,
  actions,
  onAction,
}: {
  rowKey: string
  actions: PayerInvoiceAction[]
  onAction: (action: PayerInvoiceAction) => void
}) {
  const { t } = useTranslation()
  if (!actions.length) return null
  return (
    // Not modal: the items open a drawer or a confirmation dialog, and a modal menu that is still closing while a
    // dialog opens can leave the page without pointer events (a Radix layering quirk).
    <DropdownMenu modal={false}>
      <DropdownMenu.Trigger asChild>
        <IconButton
          size="small"
          variant="transparent"
          aria-label={t("payexPayer.payer.actions.menu")}
          data-testid={`payer-invoice-actions-${rowKey}`}
        >
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        {actions.map((action) => (
          <DropdownMenu.Item
            key={action}
            className="gap-x-2"
            data-testid={`payer-invoice-action-${action}`}
            onClick={() => onAction(action)}
          >
            {ICONS[action]}
            {t(`payexPayer.payer.actions.${action}`)}
          </DropdownMenu.Item>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
