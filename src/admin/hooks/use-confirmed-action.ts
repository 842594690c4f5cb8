import { toast, usePrompt } from "@medusajs/ui"
import { useCallback, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../lib/request-errors"

export type ConfirmedAction = {
  title: string
  description: string
  /** The confirm button's label: the action's own name ("Credit", "Pay out"), never a bare "Confirm". */
  confirmText: string
  /** The toast after success. */
  success: string
  run: () => Promise<unknown>
}

/**
 * Every Payer action goes through here: a confirmation dialog, then the request, then a toast (on failure with
 * the server's message, which names Payer's reason or the field). `busy` is true from the click until the answer,
 * so a second click cannot open a second confirmation or send twice. Resolves true when the action succeeded.
 * The dashboard already renders the Toaster.
 */
export function useConfirmedAction() {
  const prompt = usePrompt()
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const confirmAndRun = useCallback(
    async (action: ConfirmedAction): Promise<boolean> => {
      if (busy) return false
      setBusy(true)
      try {
        const confirmed = await prompt({
          title: action.title,
          description: action.description,
          confirmText: action.confirmText,
          cancelText: t("payexPayer.common.cancel"),
          variant: "confirmation",
        })
        if (!confirmed) return false
        await action.run()
        toast.success(action.success)
        return true
      } catch (error) {
        toast.error(t("payexPayer.payer.toasts.failed"), {
          description: errorMessage(error, t("payexPayer.payer.toasts.failed")),
        })
        return false
      } finally {
        setBusy(false)
      }
    },
    [busy, prompt, t],
  )
  return { confirmAndRun, busy }
}
