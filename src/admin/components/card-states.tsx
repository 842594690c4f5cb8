import { Button, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

/** The body of a card while its first read runs. */
export function CardLoading({ testId, text }: { testId: string; text: string }) {
  return (
    <div className="px-6 py-4" data-testid={testId} aria-busy="true">
      <Text size="small" className="text-ui-fg-subtle">
        {text}
      </Text>
    </div>
  )
}

/** The body of a card whose read failed: what failed, the server's reason, and a way to try again. */
export function CardError({
  testId,
  text,
  reason,
  onRetry,
}: {
  testId: string
  text: string
  reason: string
  onRetry: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="flex flex-col items-start gap-y-2 px-6 py-4" data-testid={testId} role="alert">
      <Text size="small" weight="plus">
        {text}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {reason}
      </Text>
      <Button size="small" variant="secondary" onClick={onRetry}>
        {t("payexPayer.common.tryAgain")}
      </Button>
    </div>
  )
}
