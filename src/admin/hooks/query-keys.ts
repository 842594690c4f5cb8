/** The react-query keys of the plugin's widgets, under one prefix so they never collide with the dashboard's. */
export const payexPayerKeys = {
  payexSummary: (orderId: string) => ["payex-payer", "payex", orderId] as const,
  payerInvoices: (orderId: string) => ["payex-payer", "payer-invoices", orderId] as const,
  // The dashboard's own order query (queryKeysFactory("orders").detail(id)): refreshed after a credit or a
  // retry so the order page's payment section shows the refund or capture the plugin recorded.
  dashboardOrder: (orderId: string) => ["orders", "detail", orderId] as const,
}
