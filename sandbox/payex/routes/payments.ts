/** Payment resource routes: create, read, abort, approved legal address, legal address. */
import type { Route } from "../../shared/server"
import { parseSwedishLong } from "../identity"
import { PayexProblemError, ProblemCollector, operationNotAvailable } from "../problems"
import { COUNTRY_BY_CURRENCY, now } from "../state"
import type { PaymentRecord } from "../state"
import { findTestPerson, normaliseZip } from "../test-data"
import { assertPayeeReferenceFree, isText, requireBody, validateAbort, validateCreatePayment } from "../validation"
import { PAYMENTS_PATH, addressView, paymentPath, paymentResponse, transactionView } from "../views"
import { loadPayment, payexRoute } from "./context"
import type { PayexContext } from "./context"

function assertBeforeAuthorization(ctx: PayexContext, p: PaymentRecord, rel: string): void {
  if (p.state !== "Ready") throw operationNotAvailable(rel, `the payment is ${p.state}`)
  if (ctx.state.isAuthorized(p)) throw operationNotAvailable(rel, "the payment is already authorized")
}

export function paymentRoutes(ctx: PayexContext): Route[] {
  const { state } = ctx
  return [
    payexRoute(ctx, "POST", PAYMENTS_PATH, (req, _params, baseUrl) => {
      const body = requireBody(req.body, "payment")
      const payeeId = body.payment.payeeInfo?.payeeId
      if (typeof payeeId === "string" && payeeId !== ctx.payeeId) {
        throw new PayexProblemError("forbidden", "The payeeId is not valid for this merchant token", [
          { name: "payment.payeeInfo.payeeId", description: "payeeId does not belong to this merchant" },
        ])
      }
      assertPayeeReferenceFree(body.payment.payeeInfo?.payeeReference, (r) => state.isReferenceUsed(r))
      const input = validateCreatePayment(body)
      const at = now()
      const payment: PaymentRecord = {
        id: state.newId(),
        number: state.number(),
        created: at,
        updated: at,
        state: "Ready",
        operation: "FinancingConsumer",
        intent: "Authorization",
        currency: input.currency,
        country: COUNTRY_BY_CURRENCY[input.currency].country,
        invoiceType: input.invoiceType,
        amount: input.amount,
        vatAmount: input.vatAmount,
        description: input.description,
        ...(input.payerReference !== undefined ? { payerReference: input.payerReference } : {}),
        userAgent: input.userAgent,
        language: input.language,
        urls: input.urls,
        payeeInfo: input.payeeInfo,
        remainingCaptureAmount: 0,
        remainingCancellationAmount: 0,
        remainingReversalAmount: 0,
        transactions: [],
      }
      state.payments.set(payment.id, payment)
      state.useReference(input.payeeInfo.payeeReference)
      return { status: 200, body: paymentResponse(state, payment, baseUrl) }
    }),

    payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id`, (req, params, baseUrl) => {
      const p = loadPayment(ctx, params.id)
      const body = paymentResponse(state, p, baseUrl)
      // PayEx's `$expand` inlines sub-resources (comma separated); the sandbox knows how to inline transactions.
      const expand = (req.query.$expand ?? "").split(",").map((s) => s.trim().toLowerCase())
      if (expand.includes("transactions")) {
        const view = body.payment as Record<string, unknown>
        view.transactions = {
          id: `${paymentPath(p)}/transactions`,
          transactionList: p.transactions.map((t) => transactionView(p, t)),
        }
      }
      return { status: 200, body }
    }),

    payexRoute(ctx, "PATCH", `${PAYMENTS_PATH}/:id`, (req, params, baseUrl) => {
      const p = loadPayment(ctx, params.id)
      const body = requireBody(req.body, "payment")
      assertBeforeAuthorization(ctx, p, "update-payment-abort")
      const abortReason = validateAbort(body)
      p.state = "Aborted"
      p.abortReason = abortReason
      p.updated = now()
      return { status: 200, body: paymentResponse(state, p, baseUrl) }
    }),

    payexRoute(ctx, "POST", `${PAYMENTS_PATH}/:id/approvedlegaladdress`, (req, params) => {
      const p = loadPayment(ctx, params.id)
      const body = requireBody(req.body, "addressee")
      if (p.country !== "SE")
        throw operationNotAvailable("create-approved-legal-address", "approvedlegaladdress is only available in Sweden")
      assertBeforeAuthorization(ctx, p, "create-approved-legal-address")
      const c = new ProblemCollector()
      const ssn = body.addressee.socialSecurityNumber
      const key = typeof ssn === "string" ? parseSwedishLong(ssn) : null
      c.check(
        key !== null,
        "addressee.socialSecurityNumber",
        "socialSecurityNumber must be a valid Swedish personal number formatted YYYYMMDDNNNN",
      )
      const zip = body.addressee.zipCode
      c.check(
        isText(zip) && /^\d{5}$/.test(normaliseZip(zip)),
        "addressee.zipCode",
        "zipCode must be a Swedish postal code of 5 digits",
      )
      c.throwIfAny()
      const person = findTestPerson("SE", key!)
      if (!person) {
        throw new PayexProblemError("notfound", "No registered address was found for the personal number", [
          {
            name: "addressee.socialSecurityNumber",
            description: "no registered address was found for this personal number",
          },
        ])
      }
      if (normaliseZip(zip) !== normaliseZip(person.address.zipCode)) {
        throw new PayexProblemError("inputerror", "The zip code does not match the registered address", [
          {
            name: "addressee.zipCode",
            description: "zipCode does not match the registered address of the personal number",
          },
        ])
      }
      p.approvedLegalAddress = { ...person.address }
      p.legalAddress = { ...person.address }
      p.updated = now()
      return {
        status: 200,
        body: {
          payment: paymentPath(p),
          approvedLegalAddress: addressView(p, "approvedlegaladdress", p.approvedLegalAddress),
        },
      }
    }),

    payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/approvedlegaladdress`, (_req, params) => {
      const p = loadPayment(ctx, params.id)
      if (!p.approvedLegalAddress) throw new PayexProblemError("notfound", "The payment has no approved legal address")
      return {
        status: 200,
        body: {
          payment: paymentPath(p),
          approvedLegalAddress: addressView(p, "approvedlegaladdress", p.approvedLegalAddress),
        },
      }
    }),

    payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/legaladdress`, (_req, params) => {
      const p = loadPayment(ctx, params.id)
      if (!p.legalAddress) throw new PayexProblemError("notfound", "The payment has no legal address yet")
      return {
        status: 200,
        body: { payment: paymentPath(p), legalAddress: addressView(p, "legaladdress", p.legalAddress) },
      }
    }),

    ...["payeeInfo", "payeeinfo"].map((resource) =>
      payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/${resource}`, (_req, params) => {
        const p = loadPayment(ctx, params.id)
        return {
          status: 200,
          body: { payment: paymentPath(p), payeeInfo: { id: `${paymentPath(p)}/payeeInfo`, ...p.payeeInfo } },
        }
      }),
    ),

    payexRoute(ctx, "GET", `${PAYMENTS_PATH}/:id/urls`, (_req, params) => {
      const p = loadPayment(ctx, params.id)
      return { status: 200, body: { payment: paymentPath(p), urls: { id: `${paymentPath(p)}/urls`, ...p.urls } } }
    }),
  ]
}
