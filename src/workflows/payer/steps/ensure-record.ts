import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PayerInvoicePlan } from "../../../lib/mapping/payer-invoice-plan"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { linkRecordsToOrder, unlinkRecordsFromOrder } from "../../../modules/payer-invoice/order-link"

export const ensurePayerInvoiceRecordStepId = "payer-ensure-invoice-record"

/**
 * The fulfillment's invoice record, found by its unique source or created pending with the planned lines (see
 * the module's ensureFulfillmentInvoiceRecord), and a new one linked to its order. Compensation removes a record
 * this run created and never used; one that reached Payer, or says why it failed, stays for the merchant.
 */
export const ensurePayerInvoiceRecordStep = createStep(
  ensurePayerInvoiceRecordStepId,
  async (plan: PayerInvoicePlan, { container }) => {
    const { record_id, created } = await payerInvoiceModule(container).ensureFulfillmentInvoiceRecord(plan)
    if (created) await linkRecordsToOrder(container, plan.order_id, [record_id])
    return new StepResponse({ record_id }, { created: created ? record_id : null })
  },
  async (compensation, { container }) => {
    if (!compensation?.created) return
    const removed = await payerInvoiceModule(container).deleteUnusedInvoiceRecord(compensation.created)
    if (removed) await unlinkRecordsFromOrder(container, removed.order_id, [compensation.created])
  },
)
