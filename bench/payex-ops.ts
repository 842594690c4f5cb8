// One PayEx invoice payment through all seven operations, either with the plugin's PayexClient or with the
// identical plain HTTP requests (same URLs, headers and bodies), each operation timed on its own.
// Amounts are integer öre: 500.00 SEK at 25 % VAT, half captured, 100.00 of that reversed, the rest cancelled.
import { randomBytes } from "node:crypto"
import { PayexClient, type PayexOperation } from "../src/lib/payex"
import { PAYEX_SANDBOX_PAYEE_ID, PAYEX_SANDBOX_TOKEN } from "../sandbox/payex"
import { rawJson } from "./raw-http"
import { timed } from "./stats"

export const PAYEX_OPS = [
  "create payment",
  "approved legal address",
  "authorization",
  "get payment",
  "capture",
  "reversal",
  "cancellation",
] as const
export type PayexOp = (typeof PAYEX_OPS)[number]

/** The sandbox's approved Swedish test person (sandbox/README.md); never printed. */
const PERSON = { long: "196003071161", short: "600307-1161", zip: "19792", msisdn: "+46739000001" }
const AMOUNT = 50000
const VAT = 10000

const reference = (kind: string) => `${kind}${randomBytes(12).toString("hex")}`.slice(0, 30)

function createBody() {
  return {
    payment: {
      operation: "FinancingConsumer",
      intent: "Authorization",
      currency: "SEK",
      prices: [{ type: "Invoice", amount: AMOUNT, vatAmount: VAT }],
      description: "Bench order",
      userAgent: "payex-payer-bench",
      language: "sv-SE",
      payeeInfo: { payeeId: PAYEX_SANDBOX_PAYEE_ID, payeeReference: reference("PS"), payeeName: "Bench Store" },
    },
    invoice: { invoiceType: "PayExFinancingSe" },
  }
}

const legalAddressBody = () => ({ addressee: { socialSecurityNumber: PERSON.long, zipCode: PERSON.zip } })

function authorizationBody(address: any) {
  const { addressee, coAddress, streetAddress, zipCode, city, countryCode } = address
  return {
    transaction: { activity: "FinancingConsumer" },
    consumer: { socialSecurityNumber: PERSON.short, msisdn: PERSON.msisdn, ip: "127.0.0.1" },
    legalAddress: { addressee, ...(coAddress ? { coAddress } : {}), streetAddress, zipCode, city, countryCode },
  }
}

const captureBody = () => ({
  transaction: {
    activity: "FinancingConsumer",
    amount: 25000,
    vatAmount: 5000,
    payeeReference: reference("CP"),
    description: "Bench capture",
    itemDescriptions: [{ amount: 25000, description: "Stol Ekbacken" }],
    vatSummary: [{ amount: 25000, vatPercent: 2500, vatAmount: 5000 }],
  },
})

const reversalBody = () => ({
  transaction: {
    activity: "FinancingConsumer",
    amount: 10000,
    vatAmount: 2000,
    payeeReference: reference("RF"),
    description: "Bench refund",
  },
})

const cancellationBody = () => ({
  transaction: { activity: "FinancingConsumer", payeeReference: reference("CN"), description: "Bench cancel" },
})

/** What a payment's answers offer after its authorization, from its id (the sandbox's hrefs). */
function operationsAfterAuthorization(baseUrl: string, paymentId: string): PayexOperation[] {
  const base = `${baseUrl}${paymentId}`
  return [
    { rel: "create-capture", method: "POST", href: `${base}/captures` },
    { rel: "create-reversal", method: "POST", href: `${base}/reversals` },
    { rel: "create-cancellation", method: "POST", href: `${base}/cancellations` },
  ]
}

const href = (ops: PayexOperation[], rel: string) => {
  const op = ops.find((o) => o.rel === rel)
  if (!op) throw new Error(`the payment does not offer ${rel}`)
  return op.href
}

export type Timings<Op extends string> = Record<Op, number>

export function payexClientFor(baseUrl: string) {
  return new PayexClient({ token: PAYEX_SANDBOX_TOKEN, baseUrl, maxRetries: 0 })
}

/** The seven operations with the plugin's client. */
export async function payexWithClient(client: PayexClient, baseUrl: string): Promise<Timings<PayexOp>> {
  const t = {} as Timings<PayexOp>
  const created = await timed(() => client.createPayment(createBody()))
  t["create payment"] = created.ms
  const { payment, operations } = created.value
  const ala = await timed(() => client.perform<any>(operations, "create-approved-legal-address", legalAddressBody()))
  t["approved legal address"] = ala.ms
  const auth = await timed(() =>
    client.perform(operations, "create-authorization", authorizationBody(ala.value.approvedLegalAddress)),
  )
  t.authorization = auth.ms
  t["get payment"] = (await timed(() => client.getPayment(payment.id))).ms
  const ops = operationsAfterAuthorization(baseUrl, payment.id)
  t.capture = (await timed(() => client.perform(ops, "create-capture", captureBody()))).ms
  t.reversal = (await timed(() => client.perform(ops, "create-reversal", reversalBody()))).ms
  t.cancellation = (await timed(() => client.perform(ops, "create-cancellation", cancellationBody()))).ms
  return t
}

/** The same seven requests as plain HTTP. */
export async function payexRaw(baseUrl: string): Promise<Timings<PayexOp>> {
  const headers = {
    Authorization: `Bearer ${PAYEX_SANDBOX_TOKEN}`,
    Accept: "application/problem+json, application/json",
  }
  const t = {} as Timings<PayexOp>
  const created = await timed(() => rawJson("POST", `${baseUrl}/psp/invoice/payments`, headers, createBody()))
  t["create payment"] = created.ms
  const { payment, operations } = created.value
  const ala = await timed(() =>
    rawJson("POST", href(operations, "create-approved-legal-address"), headers, legalAddressBody()),
  )
  t["approved legal address"] = ala.ms
  const body = authorizationBody(ala.value.approvedLegalAddress)
  t.authorization = (await timed(() => rawJson("POST", href(operations, "create-authorization"), headers, body))).ms
  t["get payment"] = (await timed(() => rawJson("GET", `${baseUrl}${payment.id}`, headers))).ms
  const ops = operationsAfterAuthorization(baseUrl, payment.id)
  t.capture = (await timed(() => rawJson("POST", href(ops, "create-capture"), headers, captureBody()))).ms
  t.reversal = (await timed(() => rawJson("POST", href(ops, "create-reversal"), headers, reversalBody()))).ms
  const cancel = cancellationBody()
  t.cancellation = (await timed(() => rawJson("POST", href(ops, "create-cancellation"), headers, cancel))).ms
  return t
}
