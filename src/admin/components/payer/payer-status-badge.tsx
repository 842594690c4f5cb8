import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { PayerInvoice } from "../../lib/api-types"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

// Payer's statuses of an issued invoice, with a label each; one Payer adds later is shown as Payer spells it.
const PAYER_COLORS: Record<string, BadgeColor> = {
  UNPAID: "blue",
  PARTIALLY_PAID: "blue",
  OVERDUE: "red",
  PAID: "green",
  PARTIALLY_CREDITED: "purple",
  CREDITED: "purple",
}

/**
 * One badge per record: Payer's status once the invoice is issued and Payer has reported one ("Unpaid",
 * "Partially credited"), otherwise the record's own state ("Issued", "Pending", "Failed", "Unknown outcome").
 */
export function PayerStatusBadge({ invoice }: { invoice: Pick<PayerInvoice, "status" | "payer_status"> }) {
  const { t } = useTranslation()
  const payerStatus = invoice.status === "issued" ? invoice.payer_status : null
  const state = t(`payexPayer.payer.statuses.${invoice.status}`, { defaultValue: invoice.status })
  const color: BadgeColor =
    invoice.status === "failed"
      ? "red"
      : invoice.status === "unknown"
        ? "orange"
        : invoice.status === "pending"
          ? "grey"
          : payerStatus
            ? (PAYER_COLORS[payerStatus] ?? "grey")
            : "green"
  const label = !payerStatus
    ? state
    : payerStatus in PAYER_COLORS
      ? t(`payexPayer.payer.payerStatuses.${payerStatus}`)
      : `${state} · ${payerStatus}`
  return (
    <StatusBadge
      color={color}
      className="whitespace-nowrap"
      data-status={invoice.status}
      data-payer-status={invoice.payer_status ?? ""}
    >
      {label}
    </StatusBadge>
  )
}
