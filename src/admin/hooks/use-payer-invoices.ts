import { useQuery } from "@tanstack/react-query"
import type { PayerInvoice } from "../lib/api-types"
import { sdk } from "../lib/sdk"
import { payexPayerKeys } from "./query-keys"

/** The order's Payer invoices and credit invoices, oldest first (GET /admin/orders/:id/payer-invoices). */
export function usePayerInvoices(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: payexPayerKeys.payerInvoices(orderId),
    queryFn: () =>
      sdk.client.fetch<{ payer_invoices: PayerInvoice[] }>(
        `/admin/orders/${encodeURIComponent(orderId)}/payer-invoices`,
      ),
    select: (data) => data.payer_invoices,
    enabled,
    retry: false,
  })
}
