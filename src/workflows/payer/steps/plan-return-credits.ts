import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { linkRecordsToOrder } from "../../../modules/payer-invoice/order-link"

export const planPayerReturnCreditsStepId = "payer-plan-return-credits"

export interface PlanReturnCreditsInput {
  order_id: string
  return_id: string
  payment_id: string
  currency_code: string
}

type ReturnItem = { item_id: string; received_quantity?: unknown }

/**
 * Reads what the return received so far and lets the module plan the credits no earlier part of it made
 * (see the module's planReturnCreditRecords); new records are linked to the order. No compensation: the
 * pending records are what the same event delivered again must find.
 */
export const planPayerReturnCreditsStep = createStep(
  planPayerReturnCreditsStepId,
  async (input: PlanReturnCreditsInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [ret],
    } = await query.graph({
      entity: "return",
      fields: ["id", "items.item_id", "items.received_quantity"],
      filters: { id: input.return_id },
    })
    const received = ((ret?.items ?? []) as ReturnItem[]).map((i) => ({
      line_item_id: String(i.item_id),
      quantity: Math.floor(Number(i.received_quantity ?? 0)),
    }))
    const creditIds = await payerInvoiceModule(container).planReturnCreditRecords({ ...input, received })
    await linkRecordsToOrder(container, input.order_id, creditIds)
    return new StepResponse({ credit_ids: creditIds })
  },
)
