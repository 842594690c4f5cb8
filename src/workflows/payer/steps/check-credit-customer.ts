import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  orgNumberOfPaymentData,
  otherCustomerProblem,
  type CustomerRecord,
} from "../../../lib/mapping/payer-credit-customer"

export const checkPayerCreditCustomerStepId = "payer-check-credit-customer"

type PaidRecord = CustomerRecord & { payment_id: string | null }

/**
 * A credit may only pay an invoice of the same business customer: the same order, or an order paid by the same
 * organisation number (read from the two payer-b2b payments). 400 otherwise. Reads only: nothing to undo.
 */
export const checkPayerCreditCustomerStep = createStep(
  checkPayerCreditCustomerStepId,
  async (input: { credit: PaidRecord; target: PaidRecord }, { container }) => {
    if (input.credit.order_id !== input.target.order_id) {
      const payments = container.resolve(Modules.PAYMENT)
      const orgNumberOf = async (record: PaidRecord) =>
        record.payment_id
          ? orgNumberOfPaymentData((await payments.retrievePayment(record.payment_id, { select: ["id", "data"] })).data)
          : null
      const [creditOrg, targetOrg] = await Promise.all([orgNumberOf(input.credit), orgNumberOf(input.target)])
      const problem = otherCustomerProblem(input.credit, input.target, creditOrg, targetOrg)
      if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    }
    return new StepResponse(undefined)
  },
)
