import { Button, Drawer } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

/**
 * The frame every Payer action dialog shares: a drawer with a title, the form, Cancel and the action's submit
 * button. The submit button is disabled while the form is incomplete and from the click until the answer.
 */
export function ActionDrawer({
  title,
  description,
  testId,
  onClose,
  submitLabel,
  submitTestId,
  canSubmit,
  pending,
  onSubmit,
  children,
}: {
  title: string
  description?: string
  testId: string
  onClose: () => void
  submitLabel: string
  submitTestId: string
  canSubmit: boolean
  pending: boolean
  onSubmit: () => void
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Drawer open onOpenChange={(open) => !open && !pending && onClose()}>
      <Drawer.Content data-testid={testId}>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
          {description && <Drawer.Description>{description}</Drawer.Description>}
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">{children}</Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" onClick={onClose} disabled={pending}>
            {t("payexPayer.common.cancel")}
          </Button>
          <Button
            size="small"
            variant="primary"
            onClick={onSubmit}
            disabled={!canSubmit || pending}
            isLoading={pending}
            data-testid={submitTestId}
          >
            {submitLabel}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
