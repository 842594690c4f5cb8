import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payexPaymentLockKey } from "../../lib/payex-invoice/payex-lock-keys"
import { captureFulfillmentStep } from "./steps/capture-at-payex"
import { prepareFulfillmentCaptureStep } from "./steps/prepare-fulfillment-capture"

export const capturePayexFulfillmentWorkflowId = "payex-capture-fulfillment"

/**
 * order.fulfillment_created -> one PayEx capture of exactly what was fulfilled. Captures of one payment
 * run one at a time (a lock per payment), so two fulfillments created back to back both land.
 */
export const capturePayexFulfillmentWorkflow = createWorkflow(
  capturePayexFulfillmentWorkflowId,
  (input: { order_id: string; fulfillment_id: string }) => {
    const prepared = prepareFulfillmentCaptureStep(input)
    const result = when("payex-fulfillment-is-billable", { prepared }, ({ prepared }) => !!prepared).then(() => {
      const key = transform({ prepared }, ({ prepared }) => payexPaymentLockKey(prepared!.payment_id))
      acquireLockStep({ key, timeout: 60, ttl: 120 })
      const captured = captureFulfillmentStep(prepared)
      releaseLockStep({ key })
      return captured
    })
    // Nothing to do (not PayEx, manual captures, never captured) answers { captured: false }.
    return new WorkflowResponse(transform({ result }, ({ result }) => result ?? { captured: false }))
  },
)
