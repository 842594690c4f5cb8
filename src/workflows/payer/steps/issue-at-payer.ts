import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PayerApiError, requestIdFor } from "../../../lib/payer"
import { payerCreateOrderRequest, payerReferenceId } from "../../../lib/mapping/payer-order"
import type PayerInvoiceModuleService from "../../../modules/payer-invoice/service"
import type { PayerInvoicePlan } from "./prepare-invoice"
import { payerInvoiceModule } from "../../../modules/payer-invoice"
import { ISSUE_STEPS } from "../../../modules/payer-invoice/records/sources"

/** New Payer orders tried after a createOrder 409 before giving up. */
const MAX_ORDER_ATTEMPTS = 3

type Record_ = Awaited<ReturnType<PayerInvoiceModuleService["retrievePayerInvoice"]>>

/**
 * createOrder with the record's request id. Payer has no way to read an order back, so a 409 (the request
 * was handled, its answer lost) means: give up that order, take the next attempt number (a new request id
 * and referenceId, stored first so a crash here does not reuse them) and create it again.
 */
async function createPayerOrder(
  service: PayerInvoiceModuleService,
  record: Record_,
  plan: PayerInvoicePlan,
): Promise<Record_> {
  if (!plan.items?.length || !plan.customer) {
    throw new Error(plan.order_error ?? "The fulfillment no longer exists on the order: nothing to invoice")
  }
  const client = service.getPayerClient()
  let attempt = Number(record.attempt ?? 0)
  for (;;) {
    const referenceId = payerReferenceId(record.id, attempt)
    const body = payerCreateOrderRequest({
      currencyCode: plan.currency_code,
      referenceId,
      description: plan.description,
      customer: plan.customer,
      items: plan.items,
    })
    try {
      const created = await client.createOrder(body, requestIdFor(record.id, "create-order", String(attempt)))
      return await service.updatePayerInvoices({
        id: record.id,
        payer_order_id: String(created.orderId),
        reference_id: created.referenceId || referenceId,
        step: ISSUE_STEPS.orderCreated,
      })
    } catch (e) {
      if (
        !(e instanceof PayerApiError && e.isConflict) ||
        attempt + 1 >= Number(record.attempt ?? 0) + MAX_ORDER_ATTEMPTS
      )
        throw e
      attempt += 1
      await service.updatePayerInvoices({ id: record.id, attempt, reference_id: payerReferenceId(record.id, attempt) })
    }
  }
}

/**
 * Continues issuing from the step the record has reached: create the Payer order, approve it, create the
 * invoice; after each call its result is stored, so a crash or failure resumes where it stopped. Every call
 * carries requestIdFor(record id, step, attempt). Nothing here is compensated: a Payer order or invoice is
 * kept and continued from, never thrown away (an invoice cannot be deleted, only credited).
 */
export const issueAtPayerStep = createStep(
  "payer-issue-at-payer",
  async (input: { record_id: string; plan: PayerInvoicePlan }, { container }) => {
    const service = payerInvoiceModule(container)
    let record = await service.retrievePayerInvoice(input.record_id)
    if (record.invoice_number) return new StepResponse({ record_id: record.id })
    try {
      const client = service.getPayerClient()
      if (!record.payer_order_id) record = await createPayerOrder(service, record, input.plan)
      const orderId = Number(record.payer_order_id)
      const attempt = String(record.attempt ?? 0)
      if (record.step === ISSUE_STEPS.orderCreated) {
        await client.approveOrder(orderId, requestIdFor(record.id, "approve", attempt))
        record = await service.updatePayerInvoices({ id: record.id, step: ISSUE_STEPS.approved })
      }
      const { invoice } = await client.createInvoice(
        orderId,
        {
          dueDays: input.plan.due_days,
          deliveryType: record.delivery_type || input.plan.delivery_type,
          orderReferenceId: record.reference_id,
        },
        requestIdFor(record.id, "create-invoice", attempt),
      )
      await service.updatePayerInvoices({
        id: record.id,
        status: "issued",
        step: ISSUE_STEPS.invoiced,
        invoice_number: String(invoice.invoiceNumber),
        ocr: invoice.referenceNumber ?? null,
        payer_status: invoice.status ?? null,
        total_amount: invoice.totalAmount ?? record.total_amount,
        vat_amount: invoice.totalVatAmount ?? record.vat_amount,
        credited_amount: invoice.creditedAmount ?? 0,
        outstanding_amount: invoice.outstandingAmount ?? invoice.totalAmount ?? record.total_amount,
        invoice_date: invoice.invoiceDate ?? null,
        due_date: invoice.dueDate ?? null,
        delivery_type: invoice.deliveryType ?? record.delivery_type,
        public_url: invoice.publicInvoiceUrl ?? null,
        last_error: null,
      })
      return new StepResponse({ record_id: record.id })
    } catch (e) {
      await service.markInvoiceRecordFailed(record.id, e, "Issuing the Payer invoice failed")
      throw e
    }
  },
)
