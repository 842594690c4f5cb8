import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { linkRecordsToOrder } from "../../../modules/payer-invoice/order-link"
import type { AdminCreditInput } from "../../../modules/payer-invoice/records/admin-credits"

export const preparePayerCreditStepId = "payer-prepare-admin-credit"

/**
 * Validates an admin credit against the invoice record BEFORE anything reaches Payer (400 naming the field,
 * nothing sent) and writes the pending credit record, linked to the order (see the module's prepareAdminCredit).
 * No compensation: the pending record is what the same Idempotency-Key must find again.
 */
export const preparePayerCreditStep = createStep(
  preparePayerCreditStepId,
  async (input: AdminCreditInput, { container }) => {
    const prepared = await payerInvoiceModule(container).prepareAdminCredit(input)
    await linkRecordsToOrder(container, prepared.order_id, [prepared.credit_id])
    return new StepResponse(prepared)
  },
)
