import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payerAdminCreditLockKey } from "../../modules/payer-invoice/lock-keys"
import type { KeyedCreditRequest, PayWithCreditRequest } from "../../modules/payer-invoice/records/credit-payments"
import { checkPayerCreditCustomerStep } from "./steps/check-credit-customer"
import { findPayerCreditTargetStep } from "./steps/find-credit-target"
import { findIssuedPayerCreditStep } from "./steps/find-issued-credit"
import { payAtPayerWithCreditStep } from "./steps/pay-at-payer-with-credit"

export const payPayerInvoiceWithCreditWorkflowId = "payer-pay-invoice-with-credit"

export type PayPayerInvoiceWithCreditInput = KeyedCreditRequest & PayWithCreditRequest

/**
 * Pays (part of) an invoice with a credit invoice's outstanding amount (major units as the admin sends them).
 * Every check (the credit, the invoice number and amount, the same customer, what is outstanding on both) runs
 * before Payer is called; keyed operations on one credit run one at a time (its admin lock).
 */
export const payPayerInvoiceWithCreditWorkflow = createWorkflow(
  payPayerInvoiceWithCreditWorkflowId,
  (input: PayPayerInvoiceWithCreditInput) => {
    const credit = findIssuedPayerCreditStep(input)
    const request = transform({ input }, ({ input }) => ({
      to_invoice_number: input.to_invoice_number,
      amount: input.amount,
    }))
    const found = findPayerCreditTargetStep({ credit, request })
    checkPayerCreditCustomerStep(
      transform({ credit, found }, ({ credit, found }) => ({ credit, target: found.target })),
    )
    const key = transform({ credit }, ({ credit }) => payerAdminCreditLockKey(credit.id))
    acquireLockStep({ key, timeout: 60, ttl: 120 })
    const paid = payAtPayerWithCreditStep(
      transform({ credit, found, input }, ({ credit, found, input }) => ({
        credit_id: credit.id,
        target_id: found.target.id,
        amount: found.amount,
        key: input.key,
      })),
    )
    releaseLockStep({ key })
    return new WorkflowResponse(paid)
  },
)
