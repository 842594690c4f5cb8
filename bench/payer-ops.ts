// One Payer B2B invoice through six operations (token, order, approve, invoice, partial credit, lookup), either
// with the plugin's PayerClient or with the identical plain HTTP requests, each timed on its own. Integer öre.
import { randomUUID } from "node:crypto"
import { PayerClient } from "../src/lib/payer"
import { PAYER_SANDBOX_CLIENT_ID, PAYER_SANDBOX_CLIENT_SECRET } from "../sandbox/payer"
import type { Timings } from "./payex-ops"
import { rawJson, rawRequest } from "./raw-http"
import { timed } from "./stats"

export const PAYER_OPS = ["token", "create order", "approve", "create invoice", "credit", "get invoice"] as const
export type PayerOp = (typeof PAYER_OPS)[number]

export function orderBody(referenceId: string) {
  return {
    currencyCode: "SEK",
    purchaseChannel: "ECOMMERCE" as const,
    referenceId,
    invoiceCustomer: {
      customerType: "ORGANISATION" as const,
      regNumber: "5560360793",
      address: {
        companyName: "Bench AB",
        streetAddress1: "Storgatan 1",
        zipCode: "19792",
        city: "Bro",
        countryCode: "SE",
      },
    },
    items: [
      {
        itemType: "FREEFORM" as const,
        position: 1,
        description: "Stol Ekbacken",
        quantity: 2,
        unit: "pcs" as const,
        unitPrice: 25000,
        subtotalPrice: 50000,
        vatPercentage: 2500,
      },
    ],
  }
}

export function payerClientFor(baseUrl: string) {
  return new PayerClient({
    clientId: PAYER_SANDBOX_CLIENT_ID,
    clientSecret: PAYER_SANDBOX_CLIENT_SECRET,
    baseUrl,
    maxRetries: 0,
  })
}

const invoiceBody = { dueDays: 30, deliveryType: "NONE" }
const creditBody = (invoiceNumber: number) => ({
  invoiceNumber,
  items: [{ position: 1, quantity: 1 }],
  externalInvoiceNumber: randomUUID(),
})

/** With the plugin's client; its token is cached, so "token" times the client's own token request. */
export async function payerWithClient(client: PayerClient): Promise<Timings<PayerOp>> {
  const t = {} as Timings<PayerOp>
  // The transport's token request (what its token cache calls once per token lifetime).
  t.token = (await timed(() => (client as any).fetchToken())).ms
  const ref = `bench-${randomUUID()}`
  const order = await timed(() => client.createOrder(orderBody(ref), randomUUID()))
  t["create order"] = order.ms
  const orderId = order.value.orderId
  t.approve = (await timed(() => client.approveOrder(orderId, randomUUID()))).ms
  const invoice = await timed(() =>
    client.createInvoice(orderId, { ...invoiceBody, orderReferenceId: ref }, randomUUID()),
  )
  t["create invoice"] = invoice.ms
  const invoiceNumber = invoice.value.invoice.invoiceNumber
  t.credit = (await timed(() => client.creditPartial(creditBody(invoiceNumber), randomUUID()))).ms
  t["get invoice"] = (await timed(() => client.getInvoice({ invoiceNumber }))).ms
  return t
}

/** The same requests as plain HTTP, with a token fetched the plain way. */
export async function payerRaw(baseUrl: string): Promise<Timings<PayerOp>> {
  const t = {} as Timings<PayerOp>
  const basic = Buffer.from(`${PAYER_SANDBOX_CLIENT_ID}:${PAYER_SANDBOX_CLIENT_SECRET}`).toString("base64")
  const tokenAnswer = await timed(() =>
    rawRequest(
      "POST",
      `${baseUrl}/oauth2/token`,
      {
        Authorization: `Basic ${basic}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      "grant_type=client_credentials",
    ),
  )
  t.token = tokenAnswer.ms
  if (tokenAnswer.value.status !== 200) throw new Error(`raw token -> ${tokenAnswer.value.status}`)
  const bearer = { Authorization: `Bearer ${tokenAnswer.value.body.access_token}`, Accept: "application/json" }
  const withId = () => ({ ...bearer, "Payer-Request-ID": randomUUID() })
  const orders = `${baseUrl}/api/v2/orders`
  const order = await timed(() => rawJson("POST", orders, withId(), orderBody(`bench-${randomUUID()}`)))
  t["create order"] = order.ms
  const orderId = order.value.orderId
  t.approve = (await timed(() => rawJson("PUT", `${orders}/${orderId}/approve`, withId()))).ms
  const invoice = await timed(() =>
    rawJson("POST", `${orders}/${orderId}/invoices`, withId(), { ...invoiceBody, type: "NORMAL" }),
  )
  t["create invoice"] = invoice.ms
  const invoiceNumber = invoice.value.invoice.invoiceNumber
  const credit = creditBody(invoiceNumber)
  t.credit = (await timed(() => rawJson("POST", `${orders}/invoices/credit/partial`, withId(), credit))).ms
  const lookup = `${orders}/invoices?invoiceNumber=${invoiceNumber}`
  t["get invoice"] = (await timed(() => rawJson("GET", lookup, bearer))).ms
  return t
}
