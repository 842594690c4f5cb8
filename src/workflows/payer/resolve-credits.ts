import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveOpenCredits } from "./steps/credit-outcome"
import { payerInvoices } from "./steps/credit-records"
import { payerCreditsLockKey } from "./steps/issue-credit"
import { recordPayerCreditRefundsStep } from "./steps/record-credit-refund"

export const resolvePayerCreditsWorkflowId = "payer-resolve-credits"

/** Resolves the order's open credits (see resolveOpenCredits); answers the ones to record in Medusa. */
export const resolvePayerCreditsStep = createStep("payer-resolve-open-credits", async (input: { order_id: string }, { container }) => {
  const toRecord = await resolveOpenCredits(container, input.order_id)
  const records = toRecord.length ? await payerInvoices(container).listPayerInvoices({ id: toRecord }) : []
  const paymentId = records.find((r: { payment_id?: string | null }) => r.payment_id)?.payment_id ?? null
  return new StepResponse({ to_record: toRecord, payment_id: paymentId })
})

/**
 * Settles an order's Payer credits whose outcome is open (answer lost, crashed run) without crediting
 * anything new: found at Payer -> issued, not there -> sent once more under the same Payer-Request-ID.
 * Admin and return credits found this way are recorded as Medusa refunds (refund credits already are).
 */
export const resolvePayerCreditsWorkflow = createWorkflow(resolvePayerCreditsWorkflowId, (input: { order_id: string }) => {
  const creditsKey = transform({ input }, ({ input }) => payerCreditsLockKey(input.order_id))
  acquireLockStep({ key: creditsKey, timeout: 60, ttl: 120 }).config({ name: "payer-lock-order-credits" })
  const resolved = resolvePayerCreditsStep(input)
  releaseLockStep({ key: creditsKey }).config({ name: "payer-unlock-order-credits" })
  const recorded = when("payer-resolved-credits-to-record", { resolved }, ({ resolved }) => resolved.to_record.length > 0 && !!resolved.payment_id).then(() => {
    const paymentKey = transform({ resolved }, ({ resolved }) => `payer-payment:${resolved.payment_id}`)
    acquireLockStep({ key: paymentKey, timeout: 60, ttl: 120 })
    const done = recordPayerCreditRefundsStep({ credit_ids: resolved.to_record })
    releaseLockStep({ key: paymentKey })
    return done
  })
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => (recorded ?? []).map((r) => r.id)))
})
