/**
 * The project's own PayEx `/psp/invoice` sandbox: stateful and strict, for tests, demos and offline development.
 * Not shipped in the npm package. See sandbox/README.md.
 */
import { DEFAULT_FAULTS, startSandboxServer } from "../shared/server"
import type { SandboxServer } from "../shared/server"
import { CallbackDispatcher } from "./callbacks"
import type { CallbackAttempt } from "./callbacks"
import type { PayexContext } from "./routes/context"
import { paymentRoutes } from "./routes/payments"
import { transactionRoutes } from "./routes/transactions"
import { PayexState } from "./state"
import type { PaymentRecord } from "./state"

export const PAYEX_SANDBOX_TOKEN = "sandbox-merchant-token"
export const PAYEX_SANDBOX_PAYEE_ID = "5cabf558-5283-482f-b252-4d58e06f6f3b"

export type { PaymentRecord, TransactionRecord } from "./state"
export type { CallbackAttempt } from "./callbacks"
export { TEST_PERSONS } from "./test-data"

export interface PayexSandbox extends SandboxServer {
  /** payments by their uuid (the last segment of payment.id) */
  payments: Map<string, PaymentRecord>
  /** every callback attempt, in delivery order */
  callbacks: CallbackAttempt[]
  /** forgets payments, used payeeReferences, callbacks, recorded requests and faults */
  reset(): void
  /** resolves when no callback is scheduled or in flight */
  callbacksIdle(): Promise<void>
}

export interface PayexSandboxOptions {
  /** 0 (default) = a random free port */
  port?: number
  /** default 127.0.0.1 */
  host?: string
  token?: string
  payeeId?: string
  /** delay before each callback is sent, default 50 ms */
  callbackDelayMs?: number
}

export async function startPayexSandbox(opts: PayexSandboxOptions = {}): Promise<PayexSandbox> {
  const state = new PayexState()
  const callbacks = new CallbackDispatcher(opts.callbackDelayMs ?? 50)
  let url = ""
  const ctx: PayexContext = {
    state,
    token: opts.token ?? PAYEX_SANDBOX_TOKEN,
    payeeId: opts.payeeId ?? PAYEX_SANDBOX_PAYEE_ID,
    callbacks,
    url: () => url,
  }
  const resetState = () => {
    state.reset()
    callbacks.clear()
  }
  const server = await startSandboxServer({
    name: "payex",
    port: opts.port ?? 0,
    host: opts.host,
    routes: [...paymentRoutes(ctx), ...transactionRoutes(ctx)],
    onReset: resetState,
  })
  url = server.url
  const closeServer = server.close
  return Object.assign(server, {
    payments: state.payments,
    callbacks: callbacks.attempts,
    reset() {
      resetState()
      server.setFaults({ ...DEFAULT_FAULTS })
      server.clearRequests()
    },
    callbacksIdle: () => callbacks.idle(),
    close: async () => {
      callbacks.clear()
      await closeServer()
    },
  })
}
