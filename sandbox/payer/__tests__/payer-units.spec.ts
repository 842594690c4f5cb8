/** Pure parts of the Payer sandbox, without HTTP. */
import { creditFull, creditManual, creditPartial } from "../domain/credits"
import { batch, findInvoice } from "../domain/lookups"
import { approveOrder, createInvoice, createOrder } from "../domain/orders"
import { PayerApiError } from "../errors"
import { createStore, resetStore, type PayerStore } from "../state"
import {
  addDaysIso,
  isIsoDate,
  isLuhnValid,
  isUuid,
  luhnCheckDigit,
  ocrReference,
  subtotalMatches,
  vatAmountOf,
} from "../util"
import { validateOrder } from "../validation"
import { validateFullCredit, validateManualCredit, validatePartialCredit } from "../validation-credits"
import { orderBody } from "./helpers"

function caught(fn: () => unknown): PayerApiError {
  try {
    fn()
  } catch (e) {
    if (e instanceof PayerApiError) return e
    throw e
  }
  throw new Error("expected a PayerApiError")
}

describe("util", () => {
  it("computes Luhn check digits and OCR references", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3)
    expect(isLuhnValid("79927398713")).toBe(true)
    expect(isLuhnValid("79927398710")).toBe(false)
    expect(ocrReference(1001)).toBe("10017")
    for (let n = 1; n < 3000; n += 37) expect(isLuhnValid(ocrReference(n))).toBe(true)
  })

  it("computes VAT contained in gross amounts (basis points)", () => {
    expect(vatAmountOf(12500, 2500)).toBe(2500)
    expect(vatAmountOf(4900, 2500)).toBe(980)
    expect(vatAmountOf(10600, 600)).toBe(600)
    expect(vatAmountOf(11200, 1200)).toBe(1200)
    expect(vatAmountOf(999, 0)).toBe(0)
  })

  it("dates, UUIDs and subtotal comparison", () => {
    expect(addDaysIso("2024-02-28", 2)).toBe("2024-03-01")
    expect(isIsoDate("2024-02-29")).toBe(true)
    expect(isIsoDate("2023-02-29")).toBe(false)
    expect(isUuid("3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f")).toBe(true)
    expect(isUuid("3f1c2b9e8d7a4c6b9e5f1a2b3c4d5e6f")).toBe(false)
    expect(subtotalMatches(10, 0.3, 3)).toBe(true)
    expect(subtotalMatches(10, 0.3, 4)).toBe(false)
  })
})

describe("validation", () => {
  it("collects every problem into one 400 message", () => {
    const body = orderBody("r", { currencyCode: "XXX" })
    body.items[0].subtotalPrice = 1
    body.items[1].position = 1
    const e = caught(() => validateOrder(body))
    expect(e.status).toBe(400)
    expect(e.message.split("; ")).toEqual([
      'currencyCode must be one of DKK, EUR, GBP, NOK, SEK, USD, CHF (got "XXX")',
      "items[0].subtotalPrice must equal unitPrice * quantity (12500 * 2 = 25000, got 1)",
      "items[1].position 1 is used more than once",
    ])
  })

  it("returns typed, normalised input", () => {
    const order = validateOrder(orderBody("r"))
    expect(order.items[0]).toEqual({
      itemType: "FREEFORM",
      position: 1,
      articleNumber: "SKU-1",
      description: "Widget",
      quantity: 2,
      unit: "pcs",
      unitPrice: 12500,
      subtotalPrice: 25000,
      vatPercentage: 2500,
    })
    expect(order.invoiceCustomer.address.coAddress).toBeNull()
    expect(order.deliveryCustomer).toBeNull()
    expect(validateFullCredit({ referenceId: "r" })).toEqual({
      invoiceNumber: null,
      referenceId: "r",
      standalone: false,
      deliveryType: null,
      invoiceDate: null,
      externalInvoiceNumber: null,
    })
    expect(
      caught(() =>
        validateOrder(
          orderBody("r", {
            items: [{ ...orderBody("r").items[0], quantity: 1, unitPrice: -100, subtotalPrice: -100 }],
          }),
        ),
      ).message,
    ).toContain("order total must be at least 1")
    expect(caught(() => validateOrder("nope")).message).toBe("Request body is missing or is not a JSON object")
  })
})

describe("credit bookkeeping (domain, no HTTP)", () => {
  let store: PayerStore
  beforeEach(() => {
    store = createStore(1001)
  })

  function invoice(items: any[]) {
    const order = createOrder(store, validateOrder(orderBody(`r${store.nextOrderId}`, { items })))
    approveOrder(store, order.orderId)
    return createInvoice(store, order.orderId, {
      dueDays: 10,
      deliveryType: "EMAIL",
      type: "NORMAL",
      externalInvoiceNumber: null,
    })
  }
  const line = (position: number, quantity: number, unitPrice: number, vatPercentage: number) => ({
    itemType: "FREEFORM",
    position,
    description: `line ${position}`,
    quantity,
    unitPrice,
    subtotalPrice: unitPrice * quantity,
    vatPercentage,
  })

  it("rounds partial quantities and gives the last part the exact rest", () => {
    const inv = invoice([line(1, 3, 333, 2500)])
    const first = creditPartial(
      store,
      validatePartialCredit({ invoiceNumber: inv.invoiceNumber, items: [{ position: 1, quantity: 0.5 }] }),
    )
    expect(first.totalAmount).toBe(167) // 166.5 rounded
    const rest = creditPartial(
      store,
      validatePartialCredit({ invoiceNumber: inv.invoiceNumber, items: [{ position: 1, quantity: 2.5 }] }),
    )
    expect(rest.totalAmount).toBe(999 - 167)
    expect(inv.creditLedger).toMatchObject({ byPosition: { 1: { quantity: 3, amount: 999 } }, total: 999 })
    expect(inv.status).toBe("CREDITED")
  })

  it("a full credit after a manual credit over-crediting one VAT rate takes the deficit from the others", () => {
    const inv = invoice([line(1, 1, 10000, 2500), line(2, 1, 1000, 600)])
    creditManual(store, validateManualCredit({ invoiceNumber: inv.invoiceNumber, items: [line(1, 1, 3000, 600)] }))
    const rest = creditFull(store, validateFullCredit({ invoiceNumber: inv.invoiceNumber }))
    expect(rest.items.map((i) => [i.vatPercentage, i.subtotalPrice])).toEqual([[2500, 8000]])
    expect(rest.totalAmount).toBe(8000)
    expect(inv).toMatchObject({ creditedAmount: 11000, outstandingAmount: 0, status: "CREDITED" })
  })

  it("a failed credit changes nothing", () => {
    const inv = invoice([line(1, 2, 500, 2500)])
    const before = JSON.stringify([...store.invoices.values()])
    const e = caught(() =>
      creditPartial(
        store,
        validatePartialCredit({
          invoiceNumber: inv.invoiceNumber,
          items: [
            { position: 1, quantity: 1 },
            { position: 7, quantity: 1 },
          ],
        }),
      ),
    )
    expect(e.message).toBe(`items[1].position 7 does not exist on invoice ${inv.invoiceNumber}`)
    expect(JSON.stringify([...store.invoices.values()])).toBe(before)
    expect(store.nextInvoiceNumber).toBe(inv.invoiceNumber + 1)
  })

  it("lookups prefer the NORMAL invoice; reset restarts numbering", () => {
    const inv = invoice([line(1, 1, 500, 2500)])
    creditFull(store, validateFullCredit({ referenceId: inv.referenceId }))
    expect(
      findInvoice(store, { invoiceNumber: null, referenceId: inv.referenceId, externalInvoiceNumber: null }).type,
    ).toBe("NORMAL")
    expect(batch(store, null).invoices.map((i) => i.type)).toEqual(["NORMAL", "CREDIT"])
    resetStore(store)
    expect(store.invoices.size).toBe(0)
    expect(invoice([line(1, 1, 500, 2500)]).invoiceNumber).toBe(1001)
  })
})
