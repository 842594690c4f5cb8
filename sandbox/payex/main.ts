/**
 * Standalone PayEx sandbox: `npx ts-node --transpile-only sandbox/payex/main.ts`
 * Env: PORT (default 9411), HOST (default 127.0.0.1), PAYEX_SANDBOX_TOKEN, PAYEX_SANDBOX_PAYEE_ID,
 * PAYEX_SANDBOX_CALLBACK_DELAY_MS (default 50). Logs its url, token and payee id; never request data.
 */
import { PAYEX_SANDBOX_PAYEE_ID, PAYEX_SANDBOX_TOKEN, startPayexSandbox } from "./index"

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 9411)
  const token = process.env.PAYEX_SANDBOX_TOKEN || PAYEX_SANDBOX_TOKEN
  const payeeId = process.env.PAYEX_SANDBOX_PAYEE_ID || PAYEX_SANDBOX_PAYEE_ID
  const callbackDelayMs = process.env.PAYEX_SANDBOX_CALLBACK_DELAY_MS
    ? Number(process.env.PAYEX_SANDBOX_CALLBACK_DELAY_MS)
    : undefined
  const sandbox = await startPayexSandbox({
    port,
    host: process.env.HOST || undefined,
    token,
    payeeId,
    callbackDelayMs,
  })
  console.log(`PayEx sandbox listening on ${sandbox.url}`)
  console.log(`  base url:  ${sandbox.url}  (POST ${sandbox.url}/psp/invoice/payments)`)
  console.log(`  v3.1:      POST ${sandbox.url}/psp/paymentorders  (Content-Type: application/json;version=3.1)`)
  console.log(`  token:     ${token}`)
  console.log(`  payee id:  ${payeeId}`)
  console.log(
    `  control:   ${sandbox.url}/_sandbox/requests | /_sandbox/faults | /_sandbox/reset (see sandbox/README.md)`,
  )
  const stop = () => {
    sandbox.close().then(() => process.exit(0))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

main().catch((e) => {
  console.error(`PayEx sandbox failed to start: ${(e as Error).message}`)
  process.exit(1)
})
