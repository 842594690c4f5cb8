/**
 * Typed calls of the Payer B2B API v2 on top of PayerTransport.
 *
 * Every non-GET call takes a requestId (see requestIdFor). Where Payer answers
 * a repeated request id with 409 and a GET can find what the first request
 * produced, the method recovers by itself and the caller sees an ordinary
 * success; the other calls rethrow the PayerApiError (isConflict = true) and
 * say why next to the method.
 */
import { invoiceFromAnswer, invoicePageFromAnswer, invoicesFromAnswer } from "./answers"
import {
  EVENT_ACK_PATH_SHOWN,
  EVENT_PATH_SHOWN,
  EVENTS_CALLBACKS_PATH,
  eventAckPath,
  eventFromAnswer,
  eventPath,
} from "./events"
import { PayerApiError } from "./payer-api-error"
import { PayerTransport } from "./transport"
import type {
  PayerCreateInvoiceRequest,
  PayerCreateOrderRequest,
  PayerCreateOrderResponse,
  PayerCreditFullRequest,
  PayerCreditInvoiceList,
  PayerCreditManualRequest,
  PayerCreditPartialRequest,
  PayerEvent,
  PayerInvoice,
  PayerInvoiceBatch,
  PayerInvoiceLookup,
  PayerInvoiceResponse,
  PayerPayoutCreditRequest,
  PayerPayoutCreditResponse,
  PayerPayWithCreditRequest,
  PayerSendInvoiceRequest,
} from "./payer-api-types"

const ORDERS = "/api/v2/orders"
const INVOICES = "/api/v2/orders/invoices"
/** Payer's limit for externalInvoiceNumber. */
const MAX_EXTERNAL_INVOICE_NUMBER_LENGTH = 36

function isConflict(error: unknown): error is PayerApiError {
  return error instanceof PayerApiError && error.isConflict
}

function isNotFound(error: unknown): boolean {
  return error instanceof PayerApiError && error.code === "http" && error.status === 404
}

function orderPath(orderId: number): string {
  return `${ORDERS}/${encodeURIComponent(String(orderId))}`
}

/** Lookups take exactly one key; two would let Payer pick one silently. */
function assertExactlyOne(what: string, values: Record<string, unknown>): void {
  const given = Object.keys(values).filter((key) => values[key] !== undefined && values[key] !== "")
  if (given.length !== 1) {
    throw new Error(`${what} needs exactly one of ${Object.keys(values).join(", ")}`)
  }
}

/** A 2xx without the promised invoice (in either shape, see answers.ts) must not pass as success. */
function expectInvoice(method: string, path: string, body: unknown): PayerInvoiceResponse {
  const invoice = invoiceFromAnswer(body)
  if (!invoice) {
    throw new PayerApiError({ method, path, code: "http", detail: "response has no invoice" })
  }
  return { invoice }
}

export class PayerClient extends PayerTransport {
  /**
   * POST /api/v2/orders. A 409 is rethrown: Payer has no "get order" call, so
   * the orderId of the first attempt cannot be recovered here.
   */
  createOrder(body: PayerCreateOrderRequest, requestId: string): Promise<PayerCreateOrderResponse> {
    return this.request({ method: "POST", path: ORDERS, body, requestId })
  }

  /** PUT /api/v2/orders/{orderId}/approve. A 409 means already approved: success. */
  async approveOrder(orderId: number, requestId: string): Promise<void> {
    try {
      await this.request({ method: "PUT", path: `${orderPath(orderId)}/approve`, requestId })
    } catch (error) {
      if (!isConflict(error)) {
        throw error
      }
    }
  }

  /**
   * DELETE /api/v2/orders/{orderId} (only before an invoice exists). A 409 is
   * rethrown: nothing can be read back to tell "already deleted" from "cannot
   * be deleted", so the caller decides.
   */
  async deleteOrder(orderId: number, requestId: string): Promise<void> {
    await this.request({ method: "DELETE", path: orderPath(orderId), requestId })
  }

  /**
   * POST /api/v2/orders/{orderId}/invoices. `orderReferenceId` (the order's
   * referenceId) is not sent: on a 409 the invoice made by the first attempt
   * is fetched by it, and returned if it belongs to this order.
   */
  async createInvoice(
    orderId: number,
    params: PayerCreateInvoiceRequest & { orderReferenceId: string },
    requestId: string,
  ): Promise<PayerInvoiceResponse> {
    const path = `${orderPath(orderId)}/invoices`
    const body = { dueDays: params.dueDays, deliveryType: params.deliveryType, type: "NORMAL" }
    try {
      return expectInvoice("POST", path, await this.request({ method: "POST", path, body, requestId }))
    } catch (error) {
      if (isConflict(error) && params.orderReferenceId) {
        const invoice = await this.getInvoice({ referenceId: params.orderReferenceId })
        const sameOrder = invoice && (invoice.orderId == null || String(invoice.orderId) === String(orderId))
        if (invoice && sameOrder) {
          return { invoice, foundAgain: true }
        }
      }
      throw error
    }
  }

  /** GET /api/v2/orders/invoices by exactly one key; null when Payer has no such invoice (404). */
  async getInvoice(lookup: PayerInvoiceLookup): Promise<PayerInvoice | null> {
    const { invoiceNumber, referenceId, externalInvoiceNumber } = lookup
    assertExactlyOne("getInvoice", { invoiceNumber, referenceId, externalInvoiceNumber })
    try {
      const body = await this.request<unknown>({
        method: "GET",
        path: INVOICES,
        query: { invoiceNumber, referenceId, externalInvoiceNumber },
      })
      return expectInvoice("GET", INVOICES, body).invoice
    } catch (error) {
      if (isNotFound(error)) {
        return null
      }
      throw error
    }
  }

  /** GET .../invoices/batch: invoices with number >= fromInvoiceNumber, 20 at a time (for polling). */
  async getInvoicesBatch(fromInvoiceNumber?: number): Promise<PayerInvoiceBatch> {
    const body = await this.request<unknown>({
      method: "GET",
      path: `${INVOICES}/batch`,
      query: { fromInvoiceNumber },
    })
    return invoicePageFromAnswer(body)
  }

  /** GET .../invoices/reg-number: a customer's invoices by organisation number or VAT id, 20 at a time. */
  async getInvoicesByRegNumber(params: {
    regNumber?: string
    customerVatId?: string
    fromInvoiceNumber?: number
  }): Promise<PayerInvoiceBatch> {
    const { regNumber, customerVatId, fromInvoiceNumber } = params
    assertExactlyOne("getInvoicesByRegNumber", { regNumber, customerVatId })
    const body = await this.request<unknown>({
      method: "GET",
      path: `${INVOICES}/reg-number`,
      query: { regNumber, customerVatId, fromInvoiceNumber },
    })
    return invoicePageFromAnswer(body)
  }

  /** GET .../invoices/credit: all credit invoices of an order. */
  async getCreditInvoices(params: { orderId?: number; orderReferenceId?: string }): Promise<PayerCreditInvoiceList> {
    const { orderId, orderReferenceId } = params
    assertExactlyOne("getCreditInvoices", { orderId, orderReferenceId })
    const body = await this.request<unknown>({
      method: "GET",
      path: `${INVOICES}/credit`,
      query: { orderId, orderReferenceId },
    })
    return { invoices: invoicesFromAnswer(body) }
  }

  /** POST .../credit/full. On a 409 the credit is found again by its externalInvoiceNumber. */
  creditFull(body: PayerCreditFullRequest, requestId: string): Promise<PayerInvoiceResponse> {
    return this.credit("full", body, requestId)
  }

  /** POST .../credit/partial (positions of the original invoice). 409: as creditFull. */
  creditPartial(body: PayerCreditPartialRequest, requestId: string): Promise<PayerInvoiceResponse> {
    return this.credit("partial", body, requestId)
  }

  /** POST .../credit/manual (free lines, see manualCreditItems). 409: as creditFull. */
  creditManual(body: PayerCreditManualRequest, requestId: string): Promise<PayerInvoiceResponse> {
    return this.credit("manual", body, requestId)
  }

  /**
   * PUT .../invoices/send: sends a copy. A 409 means this copy was already
   * sent, which is what the caller wanted: success.
   */
  async sendInvoice(body: PayerSendInvoiceRequest, requestId: string): Promise<void> {
    try {
      await this.request({ method: "PUT", path: `${INVOICES}/send`, body, requestId })
    } catch (error) {
      if (!isConflict(error)) {
        throw error
      }
    }
  }

  /**
   * POST .../invoices/pay-with-credit. A 409 is rethrown: money moved (or
   * not) and no GET confirms which, so the caller checks the invoices.
   */
  async payWithCredit(body: PayerPayWithCreditRequest, requestId: string): Promise<void> {
    await this.request({ method: "POST", path: `${INVOICES}/pay-with-credit`, body, requestId })
  }

  /**
   * POST .../invoices/payout-credit. A 409 is rethrown: the payout receipt
   * (payoutJobId) of the first attempt cannot be fetched again.
   */
  payoutCredit(body: PayerPayoutCreditRequest, requestId: string): Promise<PayerPayoutCreditResponse> {
    return this.request({ method: "POST", path: `${INVOICES}/payout-credit`, body, requestId })
  }

  /**
   * POST /api/v1/events/callbacks?type&url (both query parameters, no body; 204). Registering again is harmless,
   * so a 409 (this request id was handled already) is success.
   */
  async registerEventCallback(type: string, url: string, requestId: string): Promise<void> {
    try {
      await this.request({ method: "POST", path: EVENTS_CALLBACKS_PATH, query: { type, url }, requestId })
    } catch (error) {
      if (!isConflict(error)) throw error
    }
  }

  /** GET /api/v1/events/{token}: null when Payer knows no such event (404: forged, or acknowledged already). */
  async getEvent(token: string): Promise<PayerEvent | null> {
    const path = eventPath(token)
    try {
      const event = eventFromAnswer(await this.request<unknown>({ method: "GET", path, shownPath: EVENT_PATH_SHOWN }))
      if (event) return event
      throw new PayerApiError({ method: "GET", path: EVENT_PATH_SHOWN, code: "http", detail: "response has no event" })
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
  }

  /** GET /api/v1/events/{token}/ack (a GET, as Payer documents it). A 404 means nothing is left to acknowledge. */
  async acknowledgeEvent(token: string): Promise<void> {
    try {
      await this.request({ method: "GET", path: eventAckPath(token), shownPath: EVENT_ACK_PATH_SHOWN })
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
  }

  private async credit(
    kind: "full" | "partial" | "manual",
    body: PayerCreditFullRequest | PayerCreditPartialRequest | PayerCreditManualRequest,
    requestId: string,
  ): Promise<PayerInvoiceResponse> {
    const path = `${INVOICES}/credit/${kind}`
    assertExactlyOne(`credit/${kind}`, { invoiceNumber: body.invoiceNumber, referenceId: body.referenceId })
    const external = body.externalInvoiceNumber
    if (external !== undefined && external.length > MAX_EXTERNAL_INVOICE_NUMBER_LENGTH) {
      throw new Error(`externalInvoiceNumber is longer than ${MAX_EXTERNAL_INVOICE_NUMBER_LENGTH} characters`)
    }
    try {
      return expectInvoice("POST", path, await this.request({ method: "POST", path, body, requestId }))
    } catch (error) {
      // Only an externalInvoiceNumber identifies this particular credit; the
      // original invoice's number would find the debit, not the credit.
      if (isConflict(error) && external) {
        const invoice = await this.getInvoice({ externalInvoiceNumber: external })
        if (invoice) {
          return { invoice, foundAgain: true }
        }
      }
      throw error
    }
  }
}
