import { randomUUID } from "node:crypto"
import type { PayerClient } from "../../src/lib/payer"

/** Invoices at the Payer sandbox made straight through the plugin's client (orders of "another shop"). */
export async function sandboxInvoice(client: PayerClient, ref = `other-${randomUUID()}`): Promise<number> {
  const { orderId } = await client.createOrder(
    {
      currencyCode: "SEK",
      purchaseChannel: "ECOMMERCE",
      referenceId: ref,
      invoiceCustomer: {
        customerType: "ORGANISATION",
        regNumber: "5560360793",
        address: {
          companyName: "Other AB",
          streetAddress1: "Väg 1",
          zipCode: "11111",
          city: "Sthlm",
          countryCode: "SE",
        },
      },
      items: [
        {
          itemType: "FREEFORM",
          position: 1,
          description: "x",
          quantity: 1,
          unit: "pcs",
          unitPrice: 10000,
          subtotalPrice: 10000,
          vatPercentage: 2500,
        },
      ],
    },
    randomUUID(),
  )
  await client.approveOrder(orderId, randomUUID())
  const { invoice } = await client.createInvoice(
    orderId,
    { dueDays: 10, deliveryType: "NONE", orderReferenceId: ref },
    randomUUID(),
  )
  return invoice.invoiceNumber
}

/** `count` invoices in a row; answers their numbers. */
export async function sandboxInvoices(client: PayerClient, count: number): Promise<number[]> {
  const numbers: number[] = []
  for (let i = 0; i < count; i++) numbers.push(await sandboxInvoice(client))
  return numbers
}
