import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useCallback, useState } from "react"
import type { PayexSummary } from "../lib/api-types"
import { errorStatus } from "../lib/request-errors"
import { sdk } from "../lib/sdk"
import { payexPayerKeys } from "./query-keys"

/** The order's PayEx summary, or null when the route says the order has no PayEx payment (404). */
async function fetchPayexSummary(orderId: string, fresh: boolean): Promise<PayexSummary | null> {
  try {
    const { payex } = await sdk.client.fetch<{ payex: PayexSummary | null }>(
      `/admin/orders/${encodeURIComponent(orderId)}/payex`,
      { query: fresh ? { fresh: "true" } : undefined },
    )
    return payex ?? null
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/**
 * The PayEx card's data. `refresh` reads PayEx again past the server's 10 s cache; `refreshing` is true
 * while it runs.
 */
export function usePayexSummary(orderId: string, enabled: boolean) {
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: payexPayerKeys.payexSummary(orderId),
    queryFn: () => fetchPayexSummary(orderId, false),
    enabled,
    // A PayEx failure is shown with a Try again button; retrying a 4xx/5xx three times only delays that.
    retry: false,
  })
  const [refreshing, setRefreshing] = useState(false)
  const refresh = useCallback(async () => {
    setRefreshing(true)
    try {
      await queryClient.fetchQuery({
        queryKey: payexPayerKeys.payexSummary(orderId),
        queryFn: () => fetchPayexSummary(orderId, true),
        staleTime: 0,
      })
    } catch {
      // fetchQuery leaves the error on the query, where the card shows it.
    } finally {
      setRefreshing(false)
    }
  }, [queryClient, orderId])
  return { ...query, refresh, refreshing }
}
