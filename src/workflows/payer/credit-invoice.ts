import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AdminCreditRequest, CreditRequestError, validateCreditRequest } from "../../lib/mapping/payer-credits"
import { creditableOf, orderRecords, payerInvoices, recordByNumber } from "./steps/credit-records"
import { resolveOpenCredits } from "./steps/credit-outcome"
import { ensureCreditRecord, issuePayerCreditsStep, payerCreditsLockKey } from "./steps/issue-credit"
import { recordPayerCreditRefundsStep } from "./steps/record-credit-refund"

export const creditPayerInvoiceWorkflowId = "payer-credit-invoice"

export interface CreditPayerInvoiceInput {
  invoice_number: string
  credit: AdminCreditRequest
  standalone?: boolean
  /**
   * Identifies this credit request: the same key again finds the credit already made instead of making a
   * second one (the admin route passes the Idempotency-Key header, else a fresh id).
   */
  key: string
}

/** The source of an admin credit: one per invoice and Idempotency-Key. */
export function adminCreditSource(originalId: string, key: string): string {
  return `credit:${originalId}:${key}`
}

/** What a keyed request asked for, as text independent of key order (jsonb does not keep it). */
function requestFingerprint(input: CreditPayerInvoiceInput): string {
  const canonical = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(canonical).join(",")}]`
      : value && typeof value === "object"
        ? `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`
        : JSON.stringify(value ?? null)
  return canonical({ credit: input.credit, standalone: !!input.standalone })
}

/** The order of the invoice (404 for an unknown number), to lock the order's credits by. */
export const findCreditedInvoiceStep = createStep("payer-find-credited-invoice", async (input: { invoice_number: string }, { container }) => {
  const original = await recordByNumber(payerInvoices(container), input.invoice_number)
  return new StepResponse({ order_id: original.order_id })
})

/**
 * Validates the request against the invoice record BEFORE anything reaches Payer (400 naming the field,
 * nothing sent), then writes the pending credit record.
 */
export const preparePayerCreditStep = createStep(
  "payer-prepare-admin-credit",
  async (input: CreditPayerInvoiceInput, { container }) => {
    const service = payerInvoices(container)
    const original = await recordByNumber(service, input.invoice_number)
    const source = adminCreditSource(original.id, input.key)
    const request = requestFingerprint(input)
    const [existing] = await service.listPayerInvoices({ source }, { take: 1 })
    if (existing) {
      const earlier = (existing.metadata as Record<string, unknown> | null)?.admin_request
      if (earlier !== undefined && earlier !== request) {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Idempotency-Key: this key was already used for a different credit of invoice ${input.invoice_number}; use a new key`)
      }
      return new StepResponse({ credit_id: existing.id, payment_id: existing.payment_id as string, also_record: [] as string[] })
    }

    if (original.kind !== "invoice") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payer invoice ${input.invoice_number} is a credit invoice; credit the original invoice instead`)
    }
    if (original.status !== "issued") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payer invoice ${input.invoice_number} is not issued yet`)
    }
    if (!original.payment_id) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Payer invoice ${input.invoice_number} has no Medusa payment to record the credit on`)
    }
    // Credits of this order whose outcome is open are resolved first: what remains counts every credit Payer may have made.
    const alsoRecord = await resolveOpenCredits(container, original.order_id)
    let plan
    try {
      const records = await orderRecords(service, original.order_id)
      const current = records.find((r) => r.id === original.id) ?? original // resolving may have credited it
      plan = validateCreditRequest(creditableOf(current, records), input.credit, original.currency_code)
    } catch (e) {
      if (e instanceof CreditRequestError) throw new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
      throw e
    }
    const credit = await ensureCreditRecord(container, { original, source, plan, standalone: !!input.standalone, metadata: { admin_request: request } })
    return new StepResponse({ credit_id: credit.id, payment_id: original.payment_id, also_record: alsoRecord })
  }
)

/**
 * Admin credit of one Payer invoice (full, partial by position, manual lines), recorded as a refund on
 * the Medusa payment without a second Payer call so that Medusa's order balance stays true. Refunds of
 * one payment are recorded one at a time (a lock per payment).
 */
export const creditPayerInvoiceWorkflow = createWorkflow(creditPayerInvoiceWorkflowId, (input: CreditPayerInvoiceInput) => {
  const target = findCreditedInvoiceStep(input)
  // What remains is checked and consumed one credit at a time per order (the refund workflow takes this lock too).
  const creditsKey = transform({ target }, ({ target }) => payerCreditsLockKey(target.order_id))
  acquireLockStep({ key: creditsKey, timeout: 60, ttl: 120 }).config({ name: "payer-lock-order-credits" })
  const prepared = preparePayerCreditStep(input)
  const ids = transform({ prepared }, ({ prepared }) => [prepared.credit_id])
  issuePayerCreditsStep({ credit_ids: ids })
  releaseLockStep({ key: creditsKey }).config({ name: "payer-unlock-order-credits" })
  const paymentKey = transform({ prepared }, ({ prepared }) => `payer-payment:${prepared.payment_id}`)
  acquireLockStep({ key: paymentKey, timeout: 60, ttl: 120 })
  // The credit, and admin/return credits that resolving found made at Payer but not yet refunded in Medusa.
  const toRecord = transform({ prepared }, ({ prepared }) => [prepared.credit_id, ...prepared.also_record])
  const recorded = recordPayerCreditRefundsStep({ credit_ids: toRecord })
  releaseLockStep({ key: paymentKey })
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded[0]))
})
