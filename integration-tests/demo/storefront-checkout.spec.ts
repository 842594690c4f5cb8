// The demo storefront in Debian's chromium, as a shopper uses it: a Swedish PayEx invoice checkout (a refused person
// first, then an approved one), a Norwegian PayEx checkout with a typed address, a Payer company checkout, and
// Swedbank Pay's redirect flow (approve on the sandbox's page in Sweden; come back unpaid, cancel, then approve in
// Norway). Each ends on the confirmation page; the order is then read through the Admin API for its payment provider
// and total.
import type { Page } from "playwright-core"
import { ADMIN_LOGIN } from "../../demo/medusa/medusa-server"
import { BUSINESS_CUSTOMER, COUNTRIES, PRODUCTS } from "../../demo/seed/demo-catalog"
import { launchShopperBrowser, type ShopperBrowser } from "./demo-browser"
import { readDemoState } from "./demo-state"

jest.setTimeout(180_000)

const state = readDemoState()
let browser: ShopperBrowser
let adminToken: string

interface AdminOrder {
  id: string
  display_id: number
  total: number
  currency_code: string
  payment_collections: Array<{ payments: Array<{ provider_id: string; amount: number; data: unknown }> }>
}

/** Expected order total in minor units: the items' tax-inclusive prices and the country's shipping. */
function expectedTotalMinor(country: "se" | "no" | "fi", items: Record<string, number>): number {
  const c = COUNTRIES.find((x) => x.code === country)!
  const lines = Object.entries(items).map(([sku, qty]) => PRODUCTS.find((p) => p.sku === sku)!.prices[c.currency] * qty)
  return lines.reduce((a, b) => a + b, c.shipping.priceMinor)
}

async function orderByDisplayId(displayId: number): Promise<AdminOrder> {
  const fields = "id,display_id,total,currency_code,*payment_collections,*payment_collections.payments"
  const res = await fetch(`${state.medusaUrl}/admin/orders?fields=${fields}&limit=50&order=-created_at`, {
    headers: { authorization: `Bearer ${adminToken}` },
  })
  expect(res.status).toBe(200)
  const { orders } = (await res.json()) as { orders: AdminOrder[] }
  const order = orders.find((o) => o.display_id === displayId)
  if (!order) throw new Error(`order #${displayId} is not in the Admin API's latest orders`)
  return order
}

/** Shop -> quantities -> contact and delivery (prefilled) -> payment view. */
async function toPayment(page: Page, country: string, quantities: Record<string, number>) {
  await page.goto(state.storefrontUrl)
  await page.getByLabel("Country").selectOption(country)
  await page.getByTestId(`shop-${country}`).waitFor() // the products with that country's prices
  for (const [sku, qty] of Object.entries(quantities)) {
    const title = PRODUCTS.find((p) => p.sku === sku)!.title
    await page.getByLabel(`Quantity of ${title}`).fill(String(qty))
  }
  await page.getByRole("button", { name: "Go to checkout" }).click()
  await page.getByRole("button", { name: "Continue to payment" }).click()
  await page.getByRole("heading", { name: "Choose how to pay" }).waitFor()
}

/** The confirmation page's order number, once it is shown. */
async function confirmedOrderNumber(page: Page): Promise<number> {
  await page.getByRole("heading", { name: "Thank you for your order" }).waitFor({ timeout: 60_000 })
  const text = await page.getByTestId("order-number").innerText()
  return Number(text.replace("#", ""))
}

function expectPayment(order: AdminOrder, provider: string, totalMinor: number) {
  expect(Math.round(order.total * 100)).toBe(totalMinor)
  const payments = order.payment_collections.flatMap((c) => c.payments)
  expect(payments.map((p) => p.provider_id)).toEqual([provider])
  expect(Math.round(payments[0].amount * 100)).toBe(totalMinor)
}

beforeAll(async () => {
  browser = await launchShopperBrowser()
  const res = await fetch(`${state.medusaUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN_LOGIN),
  })
  expect(res.status).toBe(200)
  adminToken = ((await res.json()) as { token: string }).token
})

afterAll(async () => {
  await browser?.close()
})

test("Sweden, Invoice (PayEx): a mistyped and a refused person are told so, an approved one sees the address and gets an order", async () => {
  const page = await browser.newPage()
  const items = { "DEMO-CHAIR": 1, "DEMO-COFFEE": 2, "DEMO-BOOK": 1 }
  await toPayment(page, "se", items)
  await page.getByLabel("Invoice (PayEx)").check()

  // A mistyped personal number (wrong check digit) is refused before PayEx is asked, in words a shopper reads.
  await page.getByLabel("Personal identity number").fill("600307-1162")
  await page.getByLabel("Postal code").first().fill("19792") // the lookup's; the typed address has one too
  await page.getByRole("button", { name: "Get my address" }).click()
  await page.getByRole("alert").getByText("The personal identity number is not valid").waitFor()

  await page.getByRole("button", { name: "121212-1212 (refused)" }).click()
  await page.getByRole("button", { name: "Get my address" }).click()
  await page.getByTestId("approved-address").getByText("Tolvan Tolvansson").waitFor()
  await page.getByRole("button", { name: "Confirm and place order" }).click()
  await page.getByRole("alert").getByText("PayEx did not approve payment by invoice").waitFor()
  await browser.shot(page, "se-credit-refused")

  await page.getByRole("button", { name: "600307-1161 (approved)" }).click()
  await page.getByRole("button", { name: "Get my address" }).click()
  await page.getByTestId("approved-address").getByText("Lisa Testsson").waitFor()
  await browser.shot(page, "se-approved-address")
  await page.getByRole("button", { name: "Confirm and place order" }).click()
  const displayId = await confirmedOrderNumber(page)
  await browser.shot(page, "se-confirmation")

  // The personal number went into the two route bodies only: not into the browser's storage ...
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie)
  expect(stored).not.toMatch(/600307|121212/)
  const order = await orderByDisplayId(displayId)
  expectPayment(order, "pp_payex-invoice_payex", expectedTotalMinor("se", items))
  // ... nor into the payment's data.
  expect(JSON.stringify(order)).not.toMatch(/600307-?1161|196003071161|121212-?1212/)
  await page.close()
})

test("Norway, Invoice (PayEx): the shopper types the invoice address and gets an order", async () => {
  const page = await browser.newPage()
  const items = { "DEMO-CHAIR": 1, "DEMO-COFFEE": 1 }
  await toPayment(page, "no", items)
  await page.getByLabel("Invoice (PayEx)").check()
  await page.getByRole("button", { name: "26026708248" }).click()
  await expect(page.getByLabel("Street address").last().inputValue()).resolves.toBe("Karl Johans gate 1")
  await browser.shot(page, "no-address-form")
  await page.getByRole("button", { name: "Place order" }).click()
  const displayId = await confirmedOrderNumber(page)
  await browser.shot(page, "no-confirmation")
  expectPayment(await orderByDisplayId(displayId), "pp_payex-invoice_payex", expectedTotalMinor("no", items))
  await page.close()
})

test("Sweden, Company invoice (Payer): the company's details place an order", async () => {
  const page = await browser.newPage()
  const items = { "DEMO-CHAIR": 2 }
  await toPayment(page, "se", items)
  await page.getByLabel("Company invoice (Payer)").check()
  await expect(page.getByLabel("Company name").inputValue()).resolves.toBe(BUSINESS_CUSTOMER.company_name)
  // A mistyped organisation number is marked before anything is sent.
  await page.getByLabel("Organisation number").fill("556036-0794")
  await page.getByRole("button", { name: "Place order" }).click()
  await page.getByRole("alert").getByText("valid Swedish organisation number").waitFor()
  await page.getByLabel("Organisation number").fill(BUSINESS_CUSTOMER.org_number)
  await browser.shot(page, "payer-company-form")
  await page.getByRole("button", { name: "Place order" }).click()
  const displayId = await confirmedOrderNumber(page)
  await browser.shot(page, "payer-confirmation")
  expectPayment(await orderByDisplayId(displayId), "pp_payer-b2b_payer", expectedTotalMinor("se", items))
  await page.close()
})

const SWEDBANKPAY = "pp_swedbankpay-invoice_swedbankpay"

/** Payment view -> "Invoice (Swedbank Pay)" -> the sandbox's shopper page (a top-level navigation); answers its URL. */
async function toSwedbankPayPage(page: Page): Promise<URL> {
  await page.getByLabel("Invoice (Swedbank Pay)").check()
  await page.getByRole("button", { name: "Continue to Swedbank Pay" }).click()
  await page.waitForURL(/\/psp\/paymentorders\/[^/]+\/shopper/)
  await page.getByRole("heading", { name: "PayEx sandbox payment" }).waitFor()
  return new URL(page.url())
}

test("Sweden, Invoice (Swedbank Pay): the shopper approves on Swedbank Pay's page, comes back and gets an order", async () => {
  const page = await browser.newPage()
  const items = { "DEMO-CHAIR": 1, "DEMO-COFFEE": 2 }
  const total = expectedTotalMinor("se", items)
  await toPayment(page, "se", items)
  const shopperPage = await toSwedbankPayPage(page)
  expect(shopperPage.origin).not.toBe(new URL(state.storefrontUrl).origin)
  // Swedbank Pay's page shows the cart's total (the provider sent the cart's lines).
  await expect(page.locator("#amount").innerText()).resolves.toBe(`${(total / 100).toFixed(2)} SEK`)
  await browser.shot(page, "swedbankpay-page")
  await page.getByRole("button", { name: "Approve" }).click()

  const displayId = await confirmedOrderNumber(page)
  expect(new URL(page.url()).origin).toBe(new URL(state.storefrontUrl).origin)
  await expect(page.getByText("Paid with Invoice (Swedbank Pay)").isVisible()).resolves.toBe(true)
  await browser.shot(page, "swedbankpay-confirmation")
  // The tab's checkout is forgotten once it is an order; only ids were ever stored.
  await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0)
  expectPayment(await orderByDisplayId(displayId), SWEDBANKPAY, total)
  await page.close()
})

test("Norway, Invoice (Swedbank Pay): back unpaid -> no order; a cancel returns to the payment choice; then approved", async () => {
  const page = await browser.newPage()
  const items = { "DEMO-BOOK": 1, "DEMO-COFFEE": 1 }
  await toPayment(page, "no", items)
  await toSwedbankPayPage(page)

  // Coming back to completeUrl without finishing on Swedbank Pay's page is no payment: no order, and a way back.
  await page.goto(`${state.storefrontUrl}/checkout/swedbankpay/complete`)
  const notPlaced = page.getByTestId("swedbankpay-not-completed")
  await notPlaced.getByRole("alert").getByText("The payment at Swedbank Pay was not completed").waitFor()
  await browser.shot(page, "swedbankpay-not-completed")
  await page.getByRole("button", { name: "Choose how to pay" }).click()

  await toSwedbankPayPage(page)
  await page.getByRole("button", { name: "Cancel" }).click()
  await page.waitForURL(`${state.storefrontUrl}/checkout`)
  await page.getByTestId("payment-note").getByText("You cancelled the payment at Swedbank Pay").waitFor()
  await page.getByRole("heading", { name: "Choose how to pay" }).waitFor()
  await browser.shot(page, "swedbankpay-cancelled")

  // The same cart, a new payment session: approved this time.
  await toSwedbankPayPage(page)
  await page.getByRole("button", { name: "Approve" }).click()
  const displayId = await confirmedOrderNumber(page)
  expectPayment(await orderByDisplayId(displayId), SWEDBANKPAY, expectedTotalMinor("no", items))
  await page.close()
})
