import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payerAdminCreditLockKey } from "../../modules/payer-invoice/lock-keys"
import type { KeyedCreditRequest } from "../../modules/payer-invoice/records/credit-payments"
import { findIssuedPayerCreditStep } from "./steps/find-issued-credit"
import { payoutPayerCreditStep } from "./steps/payout-credit-at-payer"

export type { PayoutAnswer } from "../../modules/payer-invoice/records/credit-payments"

export const payoutPayerCreditWorkflowId = "payer-payout-credit-invoice"

export type PayoutPayerCreditInput = KeyedCreditRequest

/**
 * Pays a credit invoice's outstanding amount back to the customer and answers the receipt and the record.
 * Keyed operations on one credit run one at a time (its admin lock).
 */
export const payoutPayerCreditWorkflow = createWorkflow(
  payoutPayerCreditWorkflowId,
  (input: PayoutPayerCreditInput) => {
    const credit = findIssuedPayerCreditStep(input)
    const key = transform({ credit }, ({ credit }) => payerAdminCreditLockKey(credit.id))
    acquireLockStep({ key, timeout: 60, ttl: 120 })
    const paid = payoutPayerCreditStep(
      transform({ credit, input }, ({ credit, input }) => ({ credit_id: credit.id, key: input.key })),
    )
    releaseLockStep({ key })
    return new WorkflowResponse(paid)
  },
)
