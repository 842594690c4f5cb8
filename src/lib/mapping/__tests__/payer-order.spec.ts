import { payerCreateOrderRequest, payerInvoiceCustomer, payerItemsFor, payerReferenceId } from "../payer-order"
import type { OrderLike } from "../order-lines"

/** 2 chairs (500.00 at 25 %), 3 coffees (99.99 at 12 %), shipping 49.00 at 25 %. */
const order: OrderLike = {
  id: "order_1",
  currency_code: "sek",
  items: [
    {
      id: "item_chair",
      product_title: "Stol Ekbacken",
      title: "Standard",
      variant_sku: "CHAIR-1",
      quantity: 2,
      total: 500,
      tax_lines: [{ rate: 25 }],
    },
    {
      id: "item_coffee",
      product_title: "Kaffe",
      title: "Standard",
      variant_sku: "COFFEE-1",
      quantity: 3,
      total: 99.99,
      tax_lines: [{ rate: 12 }],
    },
  ],
  shipping_methods: [{ id: "ordsm_1", name: "PostNord", total: 49, tax_lines: [{ rate: 25 }] }],
}

describe("payerItemsFor", () => {
  it("prices the first fulfillment incl. VAT in öre, VAT in basis points, shipping as its own line", () => {
    const items = payerItemsFor(
      order,
      [
        { item_id: "item_chair", quantity: 1 },
        { item_id: "item_coffee", quantity: 1 },
      ],
      { includeShipping: true },
    )
    expect(items).toEqual([
      {
        itemType: "FREEFORM",
        position: 1,
        articleNumber: "CHAIR-1",
        description: "Stol Ekbacken",
        quantity: 1,
        unit: "pcs",
        unitPrice: 25000,
        subtotalPrice: 25000,
        vatPercentage: 2500,
        line_item_id: "item_chair",
        shipping_method_id: null,
      },
      {
        itemType: "FREEFORM",
        position: 2,
        articleNumber: "COFFEE-1",
        description: "Kaffe",
        quantity: 1,
        unit: "pcs",
        unitPrice: 3333,
        subtotalPrice: 3333,
        vatPercentage: 1200,
        line_item_id: "item_coffee",
        shipping_method_id: null,
      },
      {
        itemType: "FREEFORM",
        position: 3,
        description: "Shipping: PostNord",
        quantity: 1,
        unit: "pcs",
        unitPrice: 4900,
        subtotalPrice: 4900,
        vatPercentage: 2500,
        line_item_id: null,
        shipping_method_id: "ordsm_1",
      },
    ])
  })

  it("splits a slice whose total does not divide by its units, keeping the line item on both positions", () => {
    const items = payerItemsFor(order, [{ item_id: "item_coffee", quantity: 2, from: 1 }], { includeShipping: false })
    // units 2-3 of 3 x 33.33 = 66.66: divisible, one item
    expect(items.map((i) => [i.quantity, i.unitPrice, i.subtotalPrice])).toEqual([[2, 3333, 6666]])
    const odd: OrderLike = { ...order, items: [{ ...order.items![1], total: 100 }] }
    const split = payerItemsFor(odd, [{ item_id: "item_coffee", quantity: 3 }], { includeShipping: false })
    expect(split.map((i) => [i.position, i.quantity, i.unitPrice, i.subtotalPrice, i.line_item_id])).toEqual([
      [1, 2, 3333, 6666, "item_coffee"],
      [2, 1, 3334, 3334, "item_coffee"],
    ])
  })

  it("numbers positions in the order's line order, whatever order the fulfillment lists its items in", () => {
    const items = payerItemsFor(
      order,
      [
        { item_id: "item_coffee", quantity: 1 },
        { item_id: "item_chair", quantity: 1 },
      ],
      { includeShipping: false },
    )
    expect(items.map((i) => [i.position, i.line_item_id])).toEqual([
      [1, "item_chair"],
      [2, "item_coffee"],
    ])
  })

  it("adds up to the order total over all fulfillments", () => {
    const first = payerItemsFor(
      order,
      [
        { item_id: "item_chair", quantity: 1 },
        { item_id: "item_coffee", quantity: 1 },
      ],
      { includeShipping: true },
    )
    const second = payerItemsFor(
      order,
      [
        { item_id: "item_chair", quantity: 1, from: 1 },
        { item_id: "item_coffee", quantity: 2, from: 1 },
      ],
      { includeShipping: false },
    )
    const sum = [...first, ...second].reduce((s, i) => s + i.subtotalPrice, 0)
    expect(sum).toBe(50000 + 9999 + 4900)
  })
})

describe("payerInvoiceCustomer", () => {
  const data = {
    company_name: "Ekbacken Möbler AB",
    org_number: "556036-0793",
    vat_id: "SE556036079301",
    email: "faktura@ekbacken.example",
    phone: null,
    your_reference: "Anna Andersson",
  }
  const address = {
    first_name: "Sven",
    last_name: "Svensson",
    address_1: "Storgatan 1",
    address_2: "",
    postal_code: "197 92",
    city: "Bro",
    country_code: "se",
    phone: "+46739000001",
  }

  it("is an organisation with the org number's digits, the VAT id and the billing address", () => {
    expect(payerInvoiceCustomer(data, address)).toEqual({
      customerType: "ORGANISATION",
      regNumber: "5560360793",
      vatId: "SE556036079301",
      address: {
        companyName: "Ekbacken Möbler AB",
        firstName: "Sven",
        lastName: "Svensson",
        streetAddress1: "Storgatan 1",
        zipCode: "19792",
        city: "Bro",
        countryCode: "SE",
        emailAddress: "faktura@ekbacken.example",
        phoneNumber: "+46739000001",
        yourReference: "Anna Andersson",
      },
    })
  })

  it("names what is missing", () => {
    expect(() => payerInvoiceCustomer(data, { ...address, city: " ", postal_code: null })).toThrow(/postal_code, city/)
    expect(() => payerInvoiceCustomer(data, null)).toThrow(/address_1/)
    expect(() => payerInvoiceCustomer({ ...data, org_number: "" }, address)).toThrow(/org_number/)
    expect(() => payerInvoiceCustomer({ ...data, company_name: "" }, address)).toThrow(/company_name/)
  })
})

describe("payer order request and reference", () => {
  it("derives referenceId from the record and the attempt, within 48 characters", () => {
    expect(payerReferenceId("pinv_01JABCDEFGHJKMNPQRSTVWXYZ0", 0)).toBe("pinv_01JABCDEFGHJKMNPQRSTVWXYZ0")
    expect(payerReferenceId("pinv_01JABCDEFGHJKMNPQRSTVWXYZ0", 2)).toBe("pinv_01JABCDEFGHJKMNPQRSTVWXYZ0-2")
    expect(() => payerReferenceId("x".repeat(47), 1)).toThrow(/48/)
  })

  it("sends upper-case currency, ECOMMERCE and items without our Medusa ids", () => {
    const items = payerItemsFor(order, [{ item_id: "item_chair", quantity: 2 }], { includeShipping: false })
    const body = payerCreateOrderRequest({
      currencyCode: "sek",
      referenceId: "pinv_1",
      description: "Order #1",
      customer: { customerType: "ORGANISATION", regNumber: "5560360793", address: {} as any },
      items,
    })
    expect(body.currencyCode).toBe("SEK")
    expect(body.purchaseChannel).toBe("ECOMMERCE")
    expect(body.items[0]).not.toHaveProperty("line_item_id")
    expect(body.items[0]).not.toHaveProperty("shipping_method_id")
    expect(body.items[0]).toMatchObject({ quantity: 2, unitPrice: 25000, subtotalPrice: 50000 })
  })
})
