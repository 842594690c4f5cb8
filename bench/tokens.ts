// Section 5: Payer tokens per 1,000 calls. In this process, before it made any other Payer call, 10 concurrent
// workers, each with its own PayerClient (as the plugin's module service, providers and scripts each build theirs),
// make `calls` Payer calls together (orders, approvals, invoices, lookups); token requests are counted at the sandbox.
import { randomUUID } from "node:crypto"
import { orderBody, payerClientFor } from "./payer-ops"
import { isToken, type Sandboxes } from "./sandboxes"

export interface TokenResult {
  calls: number
  apiCallsAtSandbox: number
  tokens: number
  perThousand: number
  concurrency: number
  clients: number
  seconds: number
}

export async function runTokens(s: Sandboxes, calls: number): Promise<TokenResult> {
  const started = Date.now()
  const from = s.payer.requests.length
  const concurrency = 10
  let made = 0
  const call = async (fn: () => Promise<unknown>) => {
    if (made >= calls) return false
    made++
    await fn()
    return true
  }
  const worker = async () => {
    const client = payerClientFor(s.payer.url)
    while (made < calls) {
      const ref = `tokens-${randomUUID()}`
      let orderId = 0
      if (!(await call(async () => (orderId = (await client.createOrder(orderBody(ref), randomUUID())).orderId))))
        return
      if (!(await call(() => client.approveOrder(orderId, randomUUID())))) return
      let invoiceNumber = 0
      const invoiced = await call(async () => {
        const answer = await client.createInvoice(
          orderId,
          { dueDays: 30, deliveryType: "NONE", orderReferenceId: ref },
          randomUUID(),
        )
        invoiceNumber = answer.invoice.invoiceNumber
      })
      if (!invoiced) return
      if (!(await call(() => client.getInvoice({ invoiceNumber })))) return
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const requests = s.payer.requests.slice(from)
  const tokens = requests.filter(isToken).length
  const api = requests.length - tokens
  return {
    calls: made,
    apiCallsAtSandbox: api,
    tokens,
    perThousand: (tokens / api) * 1000,
    concurrency,
    clients: concurrency,
    seconds: (Date.now() - started) / 1000,
  }
}
