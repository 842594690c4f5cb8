import { PayexClient, type PayexClientOptions, PayexProblemError } from "../payex"
import { readPaymentOrder } from "./payment-order-reads"
import type {
  SwedbankPayCreateRequest,
  SwedbankPayPaymentOrderResponse,
  SwedbankPayTransactionRequest,
} from "./payment-order-types"

/** Version 3.1 of the Payment Order API is chosen by these headers alone (the body names no version). */
export const VERSION_3_1_HEADERS = {
  "Content-Type": "application/json;version=3.1",
  Accept: "application/problem+json, application/json;version=3.1",
}

/**
 * The only code that speaks HTTP to Swedbank Pay's Payment Order API. It is the PayEx client (one origin, no
 * redirects, operations followed by their href, retries with the same body, problem+json errors: Swedbank Pay
 * and PayEx are one API platform) with the v3.1 headers, and it reads every answer as a payment order.
 */
export class SwedbankPayClient {
  readonly http: PayexClient

  constructor(options: PayexClientOptions) {
    this.http = new PayexClient({ ...options, headers: { ...VERSION_3_1_HEADERS, ...options.headers } })
  }

  async createPaymentOrder(body: SwedbankPayCreateRequest): Promise<SwedbankPayPaymentOrderResponse> {
    const answer = await this.http.request({
      method: "POST",
      url: "/psp/paymentorders",
      body,
      operation: "create-paymentorder",
    })
    return paymentOrderOf(answer, "create-paymentorder")
  }

  /** The payment order with the sub-resources named in `expand` inlined (`$expand=paid,financialtransactions`). */
  async getPaymentOrder(id: string, expand: string[] = []): Promise<SwedbankPayPaymentOrderResponse> {
    const query = expand.length ? `?$expand=${expand.join(",")}` : ""
    const answer = await this.http.request({ method: "GET", url: `${id}${query}`, operation: "get-paymentorder" })
    return paymentOrderOf(answer, "get-paymentorder")
  }

  /** Follows an operation of the payment order (capture, cancel, reversal, abort): v3.1 answers the whole order. */
  async perform(
    order: SwedbankPayPaymentOrderResponse,
    rel: "capture" | "cancel" | "reversal" | "abort",
    body: SwedbankPayTransactionRequest | { paymentorder: { operation: "Abort"; abortReason: string } },
  ): Promise<SwedbankPayPaymentOrderResponse> {
    return paymentOrderOf(await this.http.perform(order.operations, rel, body), rel)
  }
}

function paymentOrderOf(answer: unknown, operation: string): SwedbankPayPaymentOrderResponse {
  const order = readPaymentOrder(answer)
  if (!order)
    throw new PayexProblemError(operation, "http", { detail: "Swedbank Pay answered without a payment order" })
  return order
}
