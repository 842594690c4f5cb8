/**
 * The invoice of one fulfillment: its record (unique per fulfillment), issued at Payer step by step, and marked
 * once its capture is recorded in Medusa. Linking the record to its order is the caller's (see ../order-link.ts).
 */
import { generateEntityId } from "@medusajs/framework/utils"
import { invoiceAmounts, invoiceLineRows, type PayerInvoicePlan } from "../../../lib/mapping/payer-invoice-plan"
import { payerCreateOrderRequest, payerReferenceId } from "../../../lib/mapping/payer-order"
import { PayerApiError, requestIdFor } from "../../../lib/payer"
import type PayerInvoiceModuleService from "../service"
import { fulfillmentSource, ISSUE_STEPS } from "./sources"

/** A record as the generated retrieve/update answer it (the issuing steps write it back as they go). */
type StoredInvoice = Awaited<ReturnType<PayerInvoiceModuleService["retrievePayerInvoice"]>>

/** New Payer orders tried after a createOrder 409 before giving up. */
const MAX_ORDER_ATTEMPTS = 3

/**
 * Finds the fulfillment's invoice record by its unique source, or creates it (pending, with the planned lines).
 * While nothing has reached Payer yet (no step), the lines are planned again from the order, so a retry after the
 * merchant fixed the order bills what the order says now; once the Payer order exists, its lines are what Payer
 * has and stay. `created`: this call made the record (the caller links it, and may remove it if unused).
 */
export async function ensureFulfillmentInvoiceRecord(
  service: PayerInvoiceModuleService,
  plan: PayerInvoicePlan,
): Promise<{ record_id: string; created: boolean }> {
  const source = fulfillmentSource(plan.fulfillment_id)
  const [existing] = await service.listPayerInvoices({ source }, { take: 1 })
  if (existing) {
    if (!existing.step && !existing.payer_order_id && plan.items) {
      const old = await service.listPayerInvoiceLines({ invoice_id: existing.id }, { select: ["id"] })
      if (old.length) await service.deletePayerInvoiceLines(old.map((l) => l.id))
      await service.createPayerInvoiceLines(invoiceLineRows(existing.id, plan.items))
      await service.updatePayerInvoices({
        id: existing.id,
        ...invoiceAmounts(plan.items),
        delivery_type: plan.delivery_type,
      })
    }
    return { record_id: existing.id, created: false }
  }
  const id = generateEntityId(undefined, "pinv")
  try {
    await service.createPayerInvoices({
      id,
      order_id: plan.order_id,
      payment_id: plan.payment_id,
      kind: "invoice",
      source,
      fulfillment_id: plan.fulfillment_id,
      status: "pending",
      step: null,
      attempt: 0,
      reference_id: payerReferenceId(id, 0),
      currency_code: plan.currency_code,
      delivery_type: plan.delivery_type,
      ...invoiceAmounts(plan.items),
    })
  } catch (e) {
    // Another run created it between our read and our write (the unique source index said no).
    const [raced] = await service.listPayerInvoices({ source }, { take: 1 })
    if (raced) return { record_id: raced.id, created: false }
    throw e
  }
  await service.createPayerInvoiceLines(invoiceLineRows(id, plan.items))
  return { record_id: id, created: true }
}

/**
 * Deletes a record that never reached Payer and says nothing (pending, no step, no Payer order); answers its
 * order, or null when it is kept: a record that reached Payer, or that says why it failed, is what the merchant must see.
 */
export async function deleteUnusedInvoiceRecord(
  service: PayerInvoiceModuleService,
  recordId: string,
): Promise<{ order_id: string } | null> {
  const [record] = await service.listPayerInvoices({ id: recordId }, { take: 1 })
  if (!record || record.step || record.payer_order_id || record.status !== "pending") return null
  await service.deletePayerInvoices(record.id)
  return { order_id: record.order_id }
}

/**
 * createOrder with the record's request id. Payer has no way to read an order back, so a 409 (the request was
 * handled, its answer lost) means: give up that order, take the next attempt number (a new request id and
 * referenceId, stored first so a crash here does not reuse them) and create it again.
 */
async function createPayerOrder(
  service: PayerInvoiceModuleService,
  record: StoredInvoice,
  plan: PayerInvoicePlan,
): Promise<StoredInvoice> {
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
      const retry = e instanceof PayerApiError && e.isConflict
      if (!retry || attempt + 1 >= Number(record.attempt ?? 0) + MAX_ORDER_ATTEMPTS) throw e
      attempt += 1
      await service.updatePayerInvoices({ id: record.id, attempt, reference_id: payerReferenceId(record.id, attempt) })
    }
  }
}

/**
 * Continues issuing from the step the record has reached: create the Payer order, approve it, create the invoice;
 * after each call its result is stored, so a crash or failure resumes where it stopped. Every call carries
 * requestIdFor(record id, step, attempt). A failure marks the record failed (with why) and is thrown on.
 */
export async function issueInvoiceRecordAtPayer(
  service: PayerInvoiceModuleService,
  recordId: string,
  plan: PayerInvoicePlan,
): Promise<void> {
  let record = await service.retrievePayerInvoice(recordId)
  if (record.invoice_number) return
  try {
    const client = service.getPayerClient()
    if (!record.payer_order_id) record = await createPayerOrder(service, record, plan)
    const orderId = Number(record.payer_order_id)
    const attempt = String(record.attempt ?? 0)
    if (record.step === ISSUE_STEPS.orderCreated) {
      await client.approveOrder(orderId, requestIdFor(record.id, "approve", attempt))
      record = await service.updatePayerInvoices({ id: record.id, step: ISSUE_STEPS.approved })
    }
    const { invoice } = await client.createInvoice(
      orderId,
      {
        dueDays: plan.due_days,
        deliveryType: record.delivery_type || plan.delivery_type,
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
  } catch (e) {
    await service.markInvoiceRecordFailed(record.id, e, "Issuing the Payer invoice failed")
    throw e
  }
}

/** The invoice is issued and stands as a capture on the Medusa payment: nothing is left to do for it. */
export async function markInvoiceRecorded(service: PayerInvoiceModuleService, recordId: string): Promise<void> {
  await service.updatePayerInvoices({
    id: recordId,
    status: "issued",
    medusa_recorded: true,
    step: ISSUE_STEPS.recorded,
    last_error: null,
  })
}
