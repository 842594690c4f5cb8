/**
 * The project's own PayEx sandbox: `/psp/invoice` and the Payment Order v3.1 API `/psp/paymentorders` on one server
 * (one port, one token, one payeeId, one payeeReference space). Stateful and strict, for tests, demos and offline
 * development. Not shipped in the npm package. See sandbox/README.md.
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
import type { PaymentOrderContext } from "./paymentorders/context"
import { paymentOrderRoutes } from "./paymentorders/routes"
import { transactionRoutes as paymentOrderTransactionRoutes } from "./paymentorders/routes-transactions"
import { shopperRoutes } from "./paymentorders/shopper-page"
import { abortPaymentOrder, approvePaymentOrder, declinePaymentOrder } from "./paymentorders/shopper"
import type { ApproveOptions } from "./paymentorders/shopper"
import { PaymentOrderState } from "./paymentorders/state"
import type { PaymentOrderRecord } from "./paymentorders/state"

export const PAYEX_SANDBOX_TOKEN = "sandbox-merchant-token"
export const PAYEX_SANDBOX_PAYEE_ID = "5cabf558-5283-482f-b252-4d58e06f6f3b"

export type { PaymentRecord, TransactionRecord } from "./state"
export type { CallbackAttempt } from "./callbacks"
export type { FinancialTransaction, OrderItem, PaymentOrderRecord, PaymentOrderStatus } from "./paymentorders/state"
export type { ApproveOptions } from "./paymentorders/shopper"
export { TEST_PERSONS } from "./test-data"

export interface PayexSandbox extends SandboxServer {
  /** payments by their uuid (the last segment of payment.id) */
  payments: Map<string, PaymentRecord>
  /** every callback attempt, in delivery order */
  callbacks: CallbackAttempt[]
  /** payment orders (v3.1) by their uuid (the last segment of paymentOrder.id) */
  paymentOrders: Map<string, PaymentOrderRecord>
  /**
   * The shopper approves on the payment page (as the page's Approve button): the order becomes Paid with an
   * Authorization, or, for a test person whose credit is not approved (`ssn`, or the prefilled payer), gets a failed
   * attempt and stays Initialized. `id` is the uuid or `/psp/paymentorders/<uuid>`. Throws a problem error when the
   * order is unknown or not Initialized. Returns the order.
   */
  approvePaymentOrder(id: string, opts?: ApproveOptions): PaymentOrderRecord
  /** The shopper's credit is refused (the page's Decline button): a failed attempt, the order stays Initialized. */
  declinePaymentOrder(id: string): PaymentOrderRecord
  /** The shopper cancels on the payment page: Aborted, abortReason CancelledByConsumer. */
  cancelPaymentOrder(id: string): PaymentOrderRecord
  /** forgets payments, payment orders, used payeeReferences, callbacks, recorded requests and faults */
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
  const orders = new PaymentOrderState(state)
  const poCtx: PaymentOrderContext = { orders, token: ctx.token, payeeId: ctx.payeeId, callbacks, url: () => url }
  const resetState = () => {
    state.reset()
    orders.reset()
    callbacks.clear()
  }
  const server = await startSandboxServer({
    name: "payex",
    port: opts.port ?? 0,
    host: opts.host,
    routes: [
      ...paymentRoutes(ctx),
      ...transactionRoutes(ctx),
      ...paymentOrderRoutes(poCtx),
      ...paymentOrderTransactionRoutes(poCtx),
      ...shopperRoutes(poCtx),
    ],
    onReset: resetState,
  })
  url = server.url
  const closeServer = server.close
  return Object.assign(server, {
    payments: state.payments,
    callbacks: callbacks.attempts,
    paymentOrders: orders.orders,
    approvePaymentOrder: (id: string, opts?: ApproveOptions) => approvePaymentOrder(poCtx, id, opts).order,
    declinePaymentOrder: (id: string) => declinePaymentOrder(poCtx, id).order,
    cancelPaymentOrder: (id: string) => abortPaymentOrder(poCtx, id, "CancelledByConsumer", "Payer").order,
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
