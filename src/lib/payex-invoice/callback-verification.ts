import { MathBN, PaymentActions } from "@medusajs/framework/utils"
import type { Logger, WebhookActionResult } from "@medusajs/framework/types"
import type { PaymentModuleRecords } from "../medusa/payment-records"
import { fromMinorUnits } from "../money"
import { isOwnPayeeReference, type PayexClient } from "../payex"
import { completedCaptureTotal } from "./replayable-transactions"
import { isPayexTransactionOf } from "./session-trust"

/**
 * The Medusa session an authorization belongs to, from the transaction alone: PayEx gives the authorization
 * the payment's payeeReference, which the plugin derived from the session id (`PS<session ULID>...`). Trusted
 * only when that session's stored payment is the callback's payment; otherwise (another reference shape, an
 * unknown session) the payment and its payee info are read as before.
 */
async function sessionOfOwnAuthorization(
  records: PaymentModuleRecords,
  paymentId: string,
  payeeReference: string | undefined,
  logger: Logger | undefined,
) {
  const ulid = /^PS([0-9A-HJKMNP-TV-Z]{26})/.exec(payeeReference ?? "")?.[1]
  if (!ulid) return null
  const session = await records.session(`payses_${ulid}`).catch((e) => {
    logger?.debug(`PayEx callback: session payses_${ulid} could not be read (${(e as Error).message}); reading PayEx`)
    return null
  })
  if (session?.data?.payex_payment_id === paymentId) return session
  logger?.debug(
    `PayEx callback: session payses_${ulid} ${session ? "holds another payment" : "not found"}; reading PayEx`,
  )
  return null
}

/**
 * What a PayEx callback means for Medusa. Callbacks are unsigned: the body only says which transaction to look
 * at. The transaction is read back from PayEx, and only a completed authorization, or a completed capture
 * Medusa has not recorded yet (one made in PayEx's portal), changes anything in Medusa.
 */
export async function webhookActionFor(
  client: PayexClient,
  records: PaymentModuleRecords,
  data: unknown,
  logger?: Logger,
): Promise<WebhookActionResult> {
  const notSupported = { action: PaymentActions.NOT_SUPPORTED }
  const body = data as { payment?: { id?: unknown }; transaction?: { id?: unknown } } | undefined
  const paymentId = body?.payment?.id
  const transactionId = body?.transaction?.id
  // Exactly `<payment>/transactions/<uuid>`: a "../" or a query would make the GET read another resource.
  if (!isPayexTransactionOf(paymentId, transactionId) || typeof transactionId !== "string") return notSupported
  try {
    const { transaction: tx } = await client.getTransaction(transactionId)
    if (tx.state !== "Completed") return notSupported
    // Only an authorization or a capture can change anything in Medusa: a reversal or a cancellation (the
    // plugin's own or one made in PayEx's portal) is decided by the transaction alone.
    if (tx.type !== "Authorization" && tx.type !== "Capture") return notSupported
    // The plugin's own captures are recorded by the plugin: the transaction alone says so (one read).
    if (tx.type === "Capture" && isOwnPayeeReference(tx.payeeReference, ["CP", "FC"])) return notSupported
    if (tx.type === "Authorization") {
      const known = await sessionOfOwnAuthorization(records, paymentId as string, tx.payeeReference, logger)
      if (known) {
        const amount = fromMinorUnits(tx.amount, known.currency_code)
        return { action: PaymentActions.AUTHORIZED, data: { session_id: known.id, amount } }
      }
    }
    const payment = await client.getPayment(paymentId)
    const { payeeInfo } = await client.getPayeeInfo(payment.payment)
    const sessionId = payeeInfo.orderReference
    if (!sessionId) return notSupported
    const amount = fromMinorUnits(tx.amount, payment.payment.currency)
    if (tx.type === "Authorization")
      return { action: PaymentActions.AUTHORIZED, data: { session_id: sessionId, amount } }
    const { payment: medusaPayment, total } = await records.capturedTotal({ payment_session_id: sessionId })
    const payexCaptured = completedCaptureTotal(await client.listTransactions(payment.payment))
    if (!medusaPayment || MathBN.gte(total, fromMinorUnits(payexCaptured, payment.payment.currency)))
      return notSupported
    return { action: PaymentActions.SUCCESSFUL, data: { session_id: sessionId, amount } }
  } catch (e) {
    logger?.warn(`PayEx callback for ${paymentId} could not be verified: ${(e as Error).message}`)
    return notSupported
  }
}
