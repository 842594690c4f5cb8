import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payexPaymentLockKey } from "../../lib/payex-invoice/payex-lock-keys"
import { prepareFulfillmentReversalStep } from "./steps/prepare-fulfillment-reversal"
import { reverseFulfillmentStep } from "./steps/reverse-at-payex"

export const reversePayexFulfillmentWorkflowId = "payex-reverse-fulfillment"

/**
 * order.fulfillment_canceled -> one PayEx reversal of exactly what that fulfillment's capture billed,
 * recorded as a Medusa refund. Under the same lock per payment as the captures, so a capture and a
 * reversal of one payment never interleave, and the event delivered twice reverses once.
 */
export const reversePayexFulfillmentWorkflow = createWorkflow(
  reversePayexFulfillmentWorkflowId,
  (input: { order_id: string; fulfillment_id: string }) => {
    const prepared = prepareFulfillmentReversalStep(input)
    const result = when("payex-fulfillment-was-captured", { prepared }, ({ prepared }) => !!prepared).then(() => {
      const key = transform({ prepared }, ({ prepared }) => payexPaymentLockKey(prepared!.payment_id))
      acquireLockStep({ key, timeout: 60, ttl: 120 }).config({ name: "payex-lock-payment-reversal" })
      const reversed = reverseFulfillmentStep(prepared)
      releaseLockStep({ key }).config({ name: "payex-unlock-payment-reversal" })
      return reversed
    })
    // Nothing to do (not PayEx, manual captures, never captured) answers { reversed: false }.
    return new WorkflowResponse(transform({ result }, ({ result }) => result ?? { reversed: false }))
  },
)
