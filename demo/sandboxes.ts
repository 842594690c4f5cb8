// Both PSP sandboxes inside the demo's own process, on their usual ports (9411 PayEx, 9412 Payer) when free,
// otherwise on free ones. Their state is in memory only: a restarted demo starts with empty sandboxes, while Medusa keeps its orders.
import { PAYEX_SANDBOX_PAYEE_ID, PAYEX_SANDBOX_TOKEN, startPayexSandbox, type PayexSandbox } from "../sandbox/payex"
import {
  PAYER_SANDBOX_CLIENT_ID,
  PAYER_SANDBOX_CLIENT_SECRET,
  PAYER_SANDBOX_DEFAULT_PORT,
  startPayerSandbox,
  type PayerSandbox,
} from "../sandbox/payer"
import { portInUse } from "./ports"

const PAYEX_DEFAULT_PORT = 9411

export interface DemoSandboxes {
  payex: PayexSandbox
  payer: PayerSandbox
  /** what medusa-config.js reads to reach them */
  env: Record<string, string>
  close(): Promise<void>
}

async function preferredPort(port: number): Promise<number> {
  return (await portInUse(port)) ? 0 : port
}

export async function startSandboxes(): Promise<DemoSandboxes> {
  const payex = await startPayexSandbox({
    port: await preferredPort(PAYEX_DEFAULT_PORT),
    host: "127.0.0.1",
    callbackDelayMs: 50,
  })
  const payer = await startPayerSandbox({ port: await preferredPort(PAYER_SANDBOX_DEFAULT_PORT), host: "127.0.0.1" })
  return {
    payex,
    payer,
    env: {
      PAYEX_BASE_URL: payex.url,
      PAYEX_TOKEN: PAYEX_SANDBOX_TOKEN,
      PAYEX_PAYEE_ID: PAYEX_SANDBOX_PAYEE_ID,
      PAYER_BASE_URL: payer.url,
      PAYER_CLIENT_ID: PAYER_SANDBOX_CLIENT_ID,
      PAYER_CLIENT_SECRET: PAYER_SANDBOX_CLIENT_SECRET,
    },
    async close() {
      await Promise.all([payex.close(), payer.close()])
    },
  }
}
