import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { PayerInvoice } from "../../lib/api-types"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

// Payer's own statuses once issued; anything Payer adds later is shown as it is, in grey.
const PAYER_COLORS: Record<string, BadgeColor> = {
  PAID: "green",
  CREDITED: "purple",
  PARTIALLY_PAID: "blue",
  UNPAID: "blue",
  OVERDUE: "red",
}

/** The record's state ("Issued", "Failed", ...) and, once issued, Payer's status of the invoice ("UNPAID", ...). */
export function PayerStatusBadge({ invoice }: { invoice: Pick<PayerInvoice, "status" | "payer_status"> }) {
  const { t } = useTranslation()
  const color: BadgeColor =
    invoice.status === "failed"
      ? "red"
      : invoice.status === "unknown"
        ? "orange"
        : invoice.status === "pending"
          ? "grey"
          : (PAYER_COLORS[invoice.payer_status ?? ""] ?? "green")
  const label = t(`payexPayer.payer.statuses.${invoice.status}`, { defaultValue: invoice.status })
  return (
    <StatusBadge color={color} data-status={invoice.status} data-payer-status={invoice.payer_status ?? ""}>
      {invoice.status === "issued" && invoice.payer_status ? `${label} · ${invoice.payer_status}` : label}
    </StatusBadge>
  )
}
