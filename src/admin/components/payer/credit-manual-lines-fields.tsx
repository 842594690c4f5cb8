import { Button, Input, Label, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { decimalToMinorUnits } from "../../lib/money-format"
import type { ManualLineDraft } from "../../lib/credit-form"
import { NativeSelect } from "../native-select"

/** Manual lines: free description, quantity, unit amount incl. VAT as typed, and one of the invoice's VAT rates. */
export function CreditManualLinesFields({
  lines,
  vatRates,
  digits,
  onChange,
  onAdd,
  onRemove,
}: {
  lines: ManualLineDraft[]
  vatRates: number[]
  digits: number
  onChange: (index: number, line: ManualLineDraft) => void
  onAdd: () => void
  onRemove: (index: number) => void
}) {
  const { t } = useTranslation()
  const label = (name: string) => t(`payexPayer.payer.credit.${name}`)
  return (
    <div className="flex flex-col gap-y-4">
      {lines.map((line, index) => {
        const set = (change: Partial<ManualLineDraft>) => onChange(index, { ...line, ...change })
        const badAmount = line.unitAmount.trim() !== "" && decimalToMinorUnits(line.unitAmount.trim(), digits) === null
        return (
          <div key={index} className="shadow-elevation-card-rest flex flex-col gap-y-2 rounded-lg p-3">
            <div className="flex flex-col gap-y-1">
              <Label size="xsmall">{label("manualDescription")}</Label>
              <Input
                size="small"
                value={line.description}
                maxLength={200}
                data-testid={`payer-credit-manual-description-${index}`}
                onChange={(event) => set({ description: event.target.value })}
              />
            </div>
            <div className="grid grid-cols-3 gap-x-2">
              <div className="flex flex-col gap-y-1">
                <Label size="xsmall">{label("manualQuantity")}</Label>
                <Input
                  size="small"
                  type="number"
                  min={1}
                  step={1}
                  value={line.quantity}
                  data-testid={`payer-credit-manual-quantity-${index}`}
                  onChange={(event) => set({ quantity: event.target.value })}
                />
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="xsmall">{label("manualUnitAmount")}</Label>
                <Input
                  size="small"
                  inputMode="decimal"
                  placeholder="0.00"
                  value={line.unitAmount}
                  aria-invalid={badAmount}
                  data-testid={`payer-credit-manual-unit-amount-${index}`}
                  onChange={(event) => set({ unitAmount: event.target.value })}
                />
              </div>
              <div className="flex flex-col gap-y-1">
                <Label size="xsmall">{label("manualVat")}</Label>
                <NativeSelect
                  value={line.vatPercent}
                  data-testid={`payer-credit-manual-vat-${index}`}
                  onChange={(event) => set({ vatPercent: event.target.value })}
                >
                  {vatRates.map((rate) => (
                    <option key={rate} value={String(rate)}>
                      {rate} %
                    </option>
                  ))}
                </NativeSelect>
              </div>
            </div>
            {badAmount && (
              <Text size="xsmall" className="text-ui-fg-error">
                {label("invalidAmount")}
              </Text>
            )}
            {lines.length > 1 && (
              <div className="flex justify-end">
                <Button
                  size="small"
                  variant="transparent"
                  data-testid={`payer-credit-manual-remove-${index}`}
                  onClick={() => onRemove(index)}
                >
                  {label("removeLine")}
                </Button>
              </div>
            )}
          </div>
        )
      })}
      <div>
        <Button size="small" variant="secondary" data-testid="payer-credit-manual-add" onClick={onAdd}>
          {label("addLine")}
        </Button>
      </div>
    </div>
  )
}
