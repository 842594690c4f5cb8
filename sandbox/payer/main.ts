/**
 * Standalone Payer sandbox:
 *   PORT=9412 npx ts-node --transpile-only sandbox/payer/main.ts
 * Env: PORT (default 9412), HOST (default 127.0.0.1), PAYER_CLIENT_ID, PAYER_CLIENT_SECRET,
 *      PAYER_TOKEN_TTL_SECONDS (default 3599), PAYER_FIRST_INVOICE_NUMBER (default 1001),
 *      PAYER_ANSWER_SHAPES ("default": invoice creation answers { invoice }, credits and lookups the invoice at
 *      the top level; "swapped": each the other way round), PAYER_EVENT_DELAY_MS (before an event's first
 *      delivery, default 100), PAYER_EVENT_RETRY_DELAYS_MS (comma-separated waits between deliveries while not
 *      acknowledged), PAYER_EVENT_METHOD (GET or POST, default POST).
 */
import {
  PAYER_SANDBOX_CLIENT_ID,
  PAYER_SANDBOX_CLIENT_SECRET,
  PAYER_SANDBOX_DEFAULT_PORT,
  startPayerSandbox,
  type AnswerShapesInput,
} from "./index"

function numberEnv(name: string): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return undefined
  const value = Number(raw)
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number (got ${raw})`)
  return value
}

async function main(): Promise<void> {
  const clientId = process.env.PAYER_CLIENT_ID || PAYER_SANDBOX_CLIENT_ID
  const clientSecret = process.env.PAYER_CLIENT_SECRET || PAYER_SANDBOX_CLIENT_SECRET
  const sandbox = await startPayerSandbox({
    port: numberEnv("PORT") ?? PAYER_SANDBOX_DEFAULT_PORT,
    host: process.env.HOST || "127.0.0.1",
    clientId,
    clientSecret,
    tokenTtlSeconds: numberEnv("PAYER_TOKEN_TTL_SECONDS"),
    firstInvoiceNumber: numberEnv("PAYER_FIRST_INVOICE_NUMBER"),
    answerShapes: (process.env.PAYER_ANSWER_SHAPES || undefined) as AnswerShapesInput | undefined,
    eventDelivery: {
      delayMs: numberEnv("PAYER_EVENT_DELAY_MS"),
      retryDelaysMs: process.env.PAYER_EVENT_RETRY_DELAYS_MS?.split(",").map(Number),
      method: (process.env.PAYER_EVENT_METHOD || undefined) as "GET" | "POST" | undefined,
    },
  })
  console.log(`Payer sandbox listening on ${sandbox.url}`)
  console.log(`  client id: ${clientId}  client secret: ${clientSecret}`)
  console.log(`  invoice answer shapes: ${JSON.stringify(sandbox.setAnswerShapes({}))}`)
  console.log(
    `  control: GET ${sandbox.url}/_sandbox/requests, POST ${sandbox.url}/_sandbox/faults, POST ${sandbox.url}/_sandbox/reset`,
  )
  let closing = false
  const stop = () => {
    if (closing) return
    closing = true
    sandbox.close().then(() => process.exit(0))
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
