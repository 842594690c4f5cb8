/**
 * Pure mapping from a Medusa order and one of its fulfillments to the Payer order that invoices it.
 * No HTTP, no Medusa container. The order-creation shapes come from Payer's WooCommerce integration
 * (see the notes), so they live here, in one place, easy to correct.
 */
import {
  buildPayerItems,
  type InvoiceLineInput,
  type PayerAddress,
  type PayerCreateOrderRequest,
  type PayerInvoiceCustomer,
  type PayerItem,
} from "../payer"
import { grossLinesForItems, type ItemSelection, type OrderLike } from "./order-lines"

/** A Payer item and the Medusa line it bills (a line item or a shipping method). */
export interface PlannedPayerItem extends PayerItem {
  line_item_id: string | null
  shipping_method_id: string | null
}

/** What the payer-b2b session stored (see lib/payer-b2b/session-data.ts). */
export interface B2BPaymentData {
  company_name?: string | null
  org_number?: string | null
  vat_id?: string | null
  email?: string | null
  phone?: string | null
  your_reference?: string | null
  delivery_type?: string | null
}

export interface OrderAddressLike {
  company?: string | null
  first_name?: string | null
  last_name?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  country_code?: string | null
  phone?: string | null
}

/** Payer's limit for an order's referenceId when credits are looked up by it (48, shorter than 64). */
export const MAX_PAYER_REFERENCE_ID_LENGTH = 48

/**
 * Payer items for some units of an order (positions from 1): unit prices incl. VAT in minor units, VAT in
 * basis points, a line whose slice does not divide evenly split in two items, shipping as its own line.
 */
export function payerItemsFor(
  order: OrderLike,
  selection: ItemSelection[],
  { includeShipping }: { includeShipping: boolean },
): PlannedPayerItem[] {
  // Positions follow the order's lines, not the order in which a fulfillment happens to list its items.
  const rank = new Map((order.items ?? []).map((i, index) => [i.id, index]))
  const sorted = [...selection].sort((a, b) => (rank.get(a.item_id) ?? 0) - (rank.get(b.item_id) ?? 0))
  const gross = grossLinesForItems(order, sorted, { includeShipping })
  const items = new Map((order.items ?? []).map((i) => [i.id, i]))
  const shippingIds = new Set((order.shipping_methods ?? []).map((m) => m.id))
  const quantities = new Map<string, number>()
  for (const s of sorted) quantities.set(s.item_id, (quantities.get(s.item_id) ?? 0) + s.quantity)

  const inputs: InvoiceLineInput[] = gross.map((line) => {
    const item = items.get(line.reference)
    return {
      lineItemId: line.reference,
      articleNumber: item?.variant_sku ?? undefined,
      description: item ? item.product_title || item.title || item.variant_sku || "Item" : line.description,
      quantity: item ? (quantities.get(line.reference) as number) : 1,
      grossAmount: line.amount,
      vatBasisPoints: line.vatBasisPoints,
    }
  })
  return buildPayerItems(inputs).map(({ lineItemId, ...item }) => {
    const isShipping = lineItemId !== undefined && shippingIds.has(lineItemId) && !items.has(lineItemId)
    return {
      ...item,
      line_item_id: isShipping ? null : (lineItemId ?? null),
      shipping_method_id: isShipping ? (lineItemId ?? null) : null,
    }
  })
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined)

/** Drops empty optional fields: Payer reads null as "not given", but a clean body is easier to debug. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "")) as T
}

/**
 * The invoice customer: the company from the checkout data, the address from the order's billing address.
 * Throws an Error naming what is missing (it ends up on the invoice record).
 */
export function payerInvoiceCustomer(
  data: B2BPaymentData,
  address: OrderAddressLike | null | undefined,
): PayerInvoiceCustomer {
  const companyName = text(data.company_name)
  const regNumber = String(data.org_number ?? "").replace(/\D/g, "")
  if (!companyName) throw new Error("The payment has no company_name")
  if (regNumber.length !== 10) throw new Error("The payment has no valid org_number")
  const a = address ?? {}
  const missing = (["address_1", "postal_code", "city", "country_code"] as const).filter((k) => !text(a[k]))
  if (missing.length) throw new Error(`The order's billing address lacks ${missing.join(", ")}`)
  const countryCode = (a.country_code as string).trim().toUpperCase()
  const zip = (a.postal_code as string).trim()
  const payerAddress: PayerAddress = compact({
    companyName,
    firstName: text(a.first_name),
    lastName: text(a.last_name),
    streetAddress1: (a.address_1 as string).trim(),
    streetAddress2: text(a.address_2),
    zipCode: countryCode === "SE" ? zip.replace(/\s+/g, "") : zip,
    city: (a.city as string).trim(),
    countryCode,
    emailAddress: text(data.email),
    phoneNumber: text(data.phone) ?? text(a.phone),
    yourReference: text(data.your_reference),
  })
  return compact({ customerType: "ORGANISATION" as const, regNumber, vatId: text(data.vat_id), address: payerAddress })
}

/** referenceId of a record's Payer order: the record id, with the attempt once a 409 forced a new order. */
export function payerReferenceId(recordId: string, attempt: number): string {
  const reference = attempt > 0 ? `${recordId}-${attempt}` : recordId
  if (reference.length > MAX_PAYER_REFERENCE_ID_LENGTH)
    throw new Error(`referenceId ${reference} is longer than ${MAX_PAYER_REFERENCE_ID_LENGTH} characters`)
  return reference
}

export function payerCreateOrderRequest(input: {
  currencyCode: string
  referenceId: string
  description: string
  customer: PayerInvoiceCustomer
  items: PlannedPayerItem[]
}): PayerCreateOrderRequest {
  return {
    currencyCode: input.currencyCode.toUpperCase(),
    purchaseChannel: "ECOMMERCE",
    referenceId: input.referenceId,
    description: input.description,
    invoiceCustomer: input.customer,
    items: input.items.map(({ line_item_id: _l, shipping_method_id: _s, ...item }) => item),
  }
}
