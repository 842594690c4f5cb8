import { StatusBadge } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const COLORS: Record<string, BadgeColor> = {
  pending: "orange",
  authorized: "blue",
  partially_captured: "blue",
  captured: "green",
  partially_reversed: "purple",
  reversed: "purple",
  cancelled: "grey",
  failed: "red",
  aborted: "grey",
}

/** The PayEx payment's state as the route derives it; a state this version does not know shows as "Unknown". */
export function PayexStateBadge({ state }: { state: string }) {
  const { t } = useTranslation()
  const known = state in COLORS
  return (
    <StatusBadge color={COLORS[state] ?? "grey"} data-testid="payex-state" data-state={state}>
      {t(`payexPayer.payex.states.${known ? state : "unknown"}`)}
    </StatusBadge>
  )
}
