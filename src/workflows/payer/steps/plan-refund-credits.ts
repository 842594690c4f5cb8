import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { linkRecordsToOrder } from "../../../modules/payer-invoice/order-link"
import type { RefundCreditsInput } from "../../../modules/payer-invoice/records/credit-batches"

export const planPayerRefundCreditsStepId = "payer-plan-refund-credits"

/**
 * The pending credit records of a Medusa refund, linked to the order (see the module's planRefundCreditRecords).
 * No compensation: a pending record is exactly what a retry of the same refund must find again.
 */
export const planPayerRefundCreditsStep = createStep(
  planPayerRefundCreditsStepId,
  async (input: RefundCreditsInput, { container }) => {
    const creditIds = await payerInvoiceModule(container).planRefundCreditRecords(input)
    await linkRecordsToOrder(container, input.order_id, creditIds)
    return new StepResponse({ credit_ids: creditIds })
  },
)
