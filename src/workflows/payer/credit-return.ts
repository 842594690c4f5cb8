import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planReturnCredits, type ReturnedItem } from "../../lib/mapping/payer-return-credits"
import { creditableInvoices, orderRecords, payerInvoices } from "./steps/credit-records"
import { resolveOpenCredits } from "./steps/credit-outcome"
import { ensureCreditRecord, issuePayerCreditsStep, payerCreditsLockKey } from "./steps/issue-credit"
import { recordPayerCreditRefundsStep } from "./steps/record-credit-refund"

export const creditPayerReturnWorkflowId = "payer-credit-return"

export interface CreditPayerReturnInput {
  order_id: string
  return_id: string
}

/** The order's live payer-b2b payment, if it has one. */
export const findPayerPaymentStep = createStep("payer-find-return-payment", async (input: CreditPayerReturnInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.canceled_at"],
    filters: { id: input.order_id },
  })
  const payment = ((order?.payment_collections ?? []) as any[])
    .flatMap((pc) => pc?.payments ?? [])
    .find((p: any) => String(p?.provider_id).startsWith("pp_payer-b2b_") && !p.canceled_at)
  return new StepResponse(payment ? { payment_id: payment.id as string, currency_code: order!.currency_code as string } : undefined)
})

/**
 * Credits by position what this return received and no earlier event of the same return credited yet
 * (a return can be received in parts; the same event delivered twice credits nothing new).
 */
export const planPayerReturnCreditsStep = createStep(
  "payer-plan-return-credits",
  async (input: CreditPayerReturnInput & { payment_id: string; currency_code: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const service = payerInvoices(container)
    const { data: [ret] } = await query.graph({
      entity: "return",
      fields: ["id", "items.item_id", "items.received_quantity"],
      filters: { id: input.return_id },
    })
    const prefix = `return:${input.return_id}:`
    // Open credits of other requests are resolved first; this return's own are issued below as before.
    const alsoRecord = await resolveOpenCredits(container, input.order_id, (r) => r.source.startsWith(prefix))
    const records = await orderRecords(service, input.order_id)
    const existing = records.filter((r) => r.kind === "credit" && r.source.startsWith(prefix))
    const claimed = new Map<string, number>()
    for (const r of existing) {
      for (const item of (r.metadata?.returned ?? []) as ReturnedItem[]) {
        claimed.set(item.line_item_id, (claimed.get(item.line_item_id) ?? 0) + Number(item.quantity))
      }
    }
    const received = ((ret?.items ?? []) as any[])
      .map((i) => ({ line_item_id: String(i.item_id), quantity: Math.floor(Number(i.received_quantity ?? 0)) - (claimed.get(String(i.item_id)) ?? 0) }))
      .filter((i) => i.quantity > 0)

    const plan = planReturnCredits(creditableInvoices(records), received, input.currency_code)
    if (plan.uncovered.length) {
      logger.warn(`Payer: return ${input.return_id} has units no open invoice position can credit: ${JSON.stringify(plan.uncovered)}`)
    }
    const ids = [...existing.filter((r) => !r.medusa_recorded).map((r) => r.id), ...alsoRecord]
    for (const [i, planned] of plan.credits.entries()) {
      const { returned, ...credit } = planned
      const record = await ensureCreditRecord(container, {
        original: records.find((r) => r.id === credit.invoice_id)!,
        source: `${prefix}${existing.length + i + 1}`,
        plan: credit,
        payment_id: input.payment_id,
        metadata: { returned },
      })
      ids.push(record.id)
    }
    return new StepResponse({ credit_ids: ids })
  }
)

/**
 * order.return_received on an order paid with payer-b2b: the received units are credited at Payer by the
 * positions that invoiced them, and each credit is recorded as a refund on the Medusa payment (no second
 * Payer call), all under the payment's lock.
 */
export const creditPayerReturnWorkflow = createWorkflow(creditPayerReturnWorkflowId, (input: CreditPayerReturnInput) => {
  const payment = findPayerPaymentStep(input)
  const result = when("payer-return-is-payer-b2b", { payment }, ({ payment }) => !!payment).then(() => {
    const key = transform({ payment }, ({ payment }) => `payer-payment:${payment!.payment_id}`)
    acquireLockStep({ key, timeout: 120, ttl: 180 })
    const creditsKey = transform({ input }, ({ input }) => payerCreditsLockKey(input.order_id))
    acquireLockStep({ key: creditsKey, timeout: 60, ttl: 120 }).config({ name: "payer-lock-order-credits" })
    const planned = planPayerReturnCreditsStep(
      transform({ input, payment }, ({ input, payment }) => ({ ...input, payment_id: payment!.payment_id, currency_code: payment!.currency_code }))
    )
    issuePayerCreditsStep({ credit_ids: planned.credit_ids })
    releaseLockStep({ key: creditsKey }).config({ name: "payer-unlock-order-credits" })
    const recorded = recordPayerCreditRefundsStep({ credit_ids: planned.credit_ids })
    releaseLockStep({ key })
    return recorded
  })
  return new WorkflowResponse(transform({ result }, ({ result }) => result ?? []))
})
