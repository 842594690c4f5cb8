import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { PayerCreditBody } from "../lib/api-types"
import { sdk } from "../lib/sdk"
import { payexPayerKeys } from "./query-keys"

type Keyed = { invoiceNumber: string; idempotencyKey: string }

const invoicePath = (invoiceNumber: string, action: string) =>
  `/admin/payer-invoices/${encodeURIComponent(invoiceNumber)}/${action}`

const post = <T>(path: string, body: unknown, idempotencyKey?: string) =>
  sdk.client.fetch<T>(path, {
    method: "POST",
    body: body ?? {},
    headers: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined,
  })

/**
 * The Payer card's actions, one mutation each. After any answer (success, and also a failure: a failed credit
 * or retry leaves a record whose state changed) the order's invoices and the dashboard's order are reloaded.
 */
export function usePayerInvoiceActions(orderId: string) {
  const queryClient = useQueryClient()
  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: payexPayerKeys.payerInvoices(orderId) }),
      queryClient.invalidateQueries({ queryKey: payexPayerKeys.dashboardOrder(orderId) }),
    ])

  const credit = useMutation({
    mutationFn: ({ invoiceNumber, idempotencyKey, body }: Keyed & { body: PayerCreditBody }) =>
      post(invoicePath(invoiceNumber, "credits"), body, idempotencyKey),
    onSettled: reload,
  })
  const sendCopy = useMutation({
    mutationFn: ({ invoiceNumber, idempotencyKey, deliveryType }: Keyed & { deliveryType: string }) =>
      post(invoicePath(invoiceNumber, "send"), { delivery_type: deliveryType }, idempotencyKey),
    onSettled: reload,
  })
  const payWithCredit = useMutation({
    mutationFn: ({ invoiceNumber, idempotencyKey, toInvoiceNumber, amount }: Keyed & PayWithCreditInput) =>
      post(
        invoicePath(invoiceNumber, "pay-with-credit"),
        { to_invoice_number: toInvoiceNumber, amount },
        idempotencyKey,
      ),
    onSettled: reload,
  })
  const payout = useMutation({
    mutationFn: ({ invoiceNumber, idempotencyKey }: Keyed) =>
      post(invoicePath(invoiceNumber, "payout"), {}, idempotencyKey),
    onSettled: reload,
  })
  const retryIssue = useMutation({
    mutationFn: ({ fulfillmentId }: { fulfillmentId: string }) =>
      post(`/admin/orders/${encodeURIComponent(orderId)}/payer-invoices/issue`, { fulfillment_id: fulfillmentId }),
    onSettled: reload,
  })
  return { credit, sendCopy, payWithCredit, payout, retryIssue }
}

/** Amount in major units as the merchant typed it (a plain decimal string, sent as it is). */
type PayWithCreditInput = { toInvoiceNumber: string; amount: string }
