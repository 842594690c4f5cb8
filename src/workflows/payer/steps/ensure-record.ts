import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sumItems } from "../../../lib/payer"
import { payerReferenceId } from "../../../lib/mapping/payer-order"
import { PAYER_INVOICE_MODULE, payerInvoiceModule } from "../../../modules/payer-invoice"
import type { PayerInvoicePlan } from "./prepare-invoice"
import { fulfillmentSource } from "../../../modules/payer-invoice/records/sources"

function lineRows(invoiceId: string, plan: PayerInvoicePlan) {
  return (plan.items ?? []).map((item) => ({
    invoice_id: invoiceId,
    position: item.position,
    line_item_id: item.line_item_id,
    shipping_method_id: item.shipping_method_id,
    description: item.description,
    quantity: item.quantity,
    unit_amount: item.unitPrice,
    total_amount: item.subtotalPrice,
    vat_basis_points: item.vatPercentage,
  }))
}

function amounts(plan: PayerInvoicePlan) {
  const { total, vat } = sumItems(plan.items ?? [])
  return { total_amount: total, vat_amount: vat, outstanding_amount: total }
}

/**
 * Finds the fulfillment's invoice record by its unique source, or creates it (pending, with the planned
 * lines). While nothing has reached Payer yet (no step), the lines are planned again from the order, so a
 * retry after the merchant fixed the order bills what the order says now; once the Payer order exists, its
 * lines are what Payer has and stay. Compensation removes a record this run created and never used.
 */
export const ensurePayerInvoiceRecordStep = createStep(
  "payer-ensure-invoice-record",
  async (plan: PayerInvoicePlan, { container }) => {
    const service = payerInvoiceModule(container)
    const source = fulfillmentSource(plan.fulfillment_id)
    const [existing] = await service.listPayerInvoices({ source }, { take: 1 })

    if (existing) {
      if (!existing.step && !existing.payer_order_id && plan.items) {
        const old = await service.listPayerInvoiceLines({ invoice_id: existing.id }, { select: ["id"] })
        if (old.length) await service.deletePayerInvoiceLines(old.map((l) => l.id))
        await service.createPayerInvoiceLines(lineRows(existing.id, plan))
        await service.updatePayerInvoices({ id: existing.id, ...amounts(plan), delivery_type: plan.delivery_type })
      }
      return new StepResponse({ record_id: existing.id }, { created: null as string | null })
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
        ...amounts(plan),
      })
    } catch (e) {
      // Another run created it between our read and our write (the unique source index said no).
      const [raced] = await service.listPayerInvoices({ source }, { take: 1 })
      if (raced) return new StepResponse({ record_id: raced.id }, { created: null as string | null })
      throw e
    }
    await service.createPayerInvoiceLines(lineRows(id, plan))
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create({
      [Modules.ORDER]: { order_id: plan.order_id },
      [PAYER_INVOICE_MODULE]: { payer_invoice_id: id },
    })
    return new StepResponse({ record_id: id }, { created: id as string | null })
  },
  async (compensation, { container }) => {
    if (!compensation?.created) return
    const service = payerInvoiceModule(container)
    const [record] = await service.listPayerInvoices({ id: compensation.created }, { take: 1 })
    // A record that reached Payer, or that says why it failed, is exactly what the merchant must see.
    if (!record || record.step || record.payer_order_id || record.status !== "pending") return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss({
      [Modules.ORDER]: { order_id: record.order_id },
      [PAYER_INVOICE_MODULE]: { payer_invoice_id: record.id },
    })
    await service.deletePayerInvoices(record.id)
  },
)
