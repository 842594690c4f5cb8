import { basisPointsToPercent, type GrossLine, isPayexVatBasisPoints, PAYEX_VAT_BASIS_POINTS } from "../money"
import { scaleLines, sumAmounts, truncateDescription, vatOfGross } from "../money"
import type { SwedbankPayOrderItem } from "../swedbankpay/payment-order-types"
import { UnsupportedVatRateError } from "./payex-transactions"

const NAME_MAX = 40

/**
 * Swedbank Pay `orderItems` (Payment Order v3.1) from gross invoice lines: one item a line, in minor units, VAT in
 * basis points, each line's VAT from its own gross amount, so the items add up exactly: sum(amount) is the amount
 * sent and sum(vatAmount) the vatAmount sent. For invoice these are the lines the shopper's invoice prints (at
 * capture) and the lines a reversal names. A line whose reference is a shipping method is a SHIPPING_FEE.
 *
 * `amount` below the lines' total (a partial capture or reversal) scales the lines down, still adding up exactly.
 */
export function orderItemsFor(
  lines: GrossLine[],
  amount?: number,
): { items: SwedbankPayOrderItem[]; vatAmount: number } {
  const total = sumAmounts(lines)
  const target = amount ?? total
  if (!Number.isSafeInteger(target) || target <= 0)
    throw new Error(`The amount must be a positive number of minor units, got ${target}`)
  const scaled = target === total ? lines.filter((l) => l.amount !== 0) : scaleLines(lines, target)
  const items = scaled.map((l): SwedbankPayOrderItem => {
    if (!isPayexVatBasisPoints(l.vatBasisPoints)) {
      throw new UnsupportedVatRateError(
        `Swedbank Pay invoice does not accept a VAT rate of ${basisPointsToPercent(l.vatBasisPoints)}% (line "${l.description}"); supported: ${PAYEX_VAT_BASIS_POINTS.map(basisPointsToPercent).join(", ")}%`,
      )
    }
    return {
      reference: truncateDescription(l.reference, 50),
      name: truncateDescription(l.description, NAME_MAX),
      type: isShippingReference(l.reference) ? "SHIPPING_FEE" : "PRODUCT",
      class: isShippingReference(l.reference) ? "Shipping" : "Product",
      quantity: 1,
      quantityUnit: "pcs",
      unitPrice: l.amount,
      vatPercent: l.vatBasisPoints,
      amount: l.amount,
      vatAmount: vatOfGross(l.amount, l.vatBasisPoints),
    }
  })
  return { items, vatAmount: items.reduce((sum, i) => sum + i.vatAmount, 0) }
}

/** Medusa's shipping method ids (order `ordsm_`, cart `casm_`): the lines shippingLines() makes. */
function isShippingReference(reference: string): boolean {
  return /^(ordsm|casm|sm)_/.test(reference)
}
