// The plugin's order-page widgets in a real admin: a Medusa host built with the plugin (global-setup.ts), both
// sandboxes, three orders seeded through the HTTP APIs, and Debian's chromium logged in as the merchant.
// Contract of testids and labels: src/admin/README.md. The tests run in order and share the Payer order's state.
import { copyFileSync, mkdirSync } from "node:fs"
import path from "node:path"
import { startPayerSandbox, type PayerSandbox } from "../../sandbox/payer"
import { startPayexSandbox, type PayexSandbox } from "../../sandbox/payex"
import { freePort, waitFor } from "../helpers/environment"
import { launchAdminBrowser, logIn, openOrder, type AdminBrowser } from "./chromium"
import { HOST_SERVER_DIR, REPO_ROOT } from "./host/build-admin-host"
import { readHostState, type BrowserHostState } from "./host/host-state"
import { startMedusa, type RunningHost } from "./host/medusa-cli"
import { creditsAtSandbox, payerCard, sandboxInvoice, toast } from "./payer-card"
import { payerInvoicesOf, seedOrders, type SeededOrders } from "./seed-orders"
import { shownAmount, visible } from "./shown-text"

let state: BrowserHostState
let payex: PayexSandbox
let payer: PayerSandbox
let host: RunningHost
let orders: SeededOrders
let browser: AdminBrowser

async function open(orderId: string) {
  const { data } = await orders.api.get(`/admin/orders/${orderId}?fields=display_id`, orders.admin)
  await openOrder(browser.page, host.url, orderId, data.order.display_id)
}

/**
 * A card screenshot for README.md's "In the admin" section, with BROWSER_TEST_UPDATE_DOCS=1 only: a plain run
 * leaves the committed pictures alone (each run's dates would change them).
 */
function toDocs(file: string, name: string) {
  if (!process.env.BROWSER_TEST_UPDATE_DOCS) return
  mkdirSync(path.join(REPO_ROOT, "docs"), { recursive: true })
  copyFileSync(file, path.join(REPO_ROOT, "docs", name))
}

beforeAll(async () => {
  const found = readHostState()
  if (!found) throw new Error("global-setup.ts did not prepare the host (no .cache/browser-host.json)")
  state = found
  // First, so a machine without a usable chromium fails in seconds instead of after the seeding.
  browser = await launchAdminBrowser()
  payex = await startPayexSandbox()
  payer = await startPayerSandbox()
  const started = Date.now()
  host = await startMedusa({
    cwd: HOST_SERVER_DIR,
    port: await freePort(),
    env: { DATABASE_URL: state.databaseUrl, PAYEX_BASE_URL: payex.url, PAYER_BASE_URL: payer.url },
  })
  process.stderr.write(`browser host: medusa start answered /health after ${(Date.now() - started) / 1000}s\n`)
  orders = await seedOrders(host.url, state.admin.email, state.admin.password)
  await logIn(browser.page, host.url, state.admin.email, state.admin.password)
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await payex?.close()
  await payer?.close()
})

describe("the PayEx card", () => {
  it("shows the payment captured by the fulfillment, with the amount PayEx captured", async () => {
    const payment = [...payex.payments.values()].find((p) => p.payeeInfo?.orderReference === orders.payexSessionId)
    if (!payment) throw new Error("the PayEx sandbox has no payment for the order's session")
    const captured = payment.transactions
      .filter((t) => t.type === "Capture" && t.state === "Completed")
      .reduce((sum, t) => sum + t.amount, 0)
    expect(captured).toBe(payment.amount) // one fulfillment of everything: PayEx captured it all
    expect(payment.remainingCaptureAmount).toBe(0)

    await open(orders.payexOrderId)
    const card = browser.page.getByTestId("payex-invoice-card")
    await card.getByTestId("payex-amount-captured").waitFor()
    expect(visible(await card.getByRole("heading").first().textContent())).toBe("PayEx invoice")
    expect(visible(await card.getByTestId("payex-state").textContent())).toBe("Captured")
    expect(visible(await card.getByTestId("payex-amount-captured").textContent())).toBe(shownAmount(captured))
    expect(visible(await card.getByTestId("payex-amount-remaining").textContent())).toBe(shownAmount(0))
    const address = payment.approvedLegalAddress ?? payment.legalAddress
    if (!address) throw new Error("the PayEx sandbox has no legal address for the payment")
    const addressee = visible(await card.getByTestId("payex-addressee").textContent())
    expect(addressee).toContain(address.addressee)
    expect(addressee).toContain(address.city)
    expect(addressee).not.toMatch(/\d{6}[-+]?\d{4}/) // never a personal number
    const capture = payment.transactions.find((t) => t.type === "Capture")!
    await expect(card.getByTestId(`payex-transaction-${capture.number}`).textContent()).resolves.toContain(
      capture.payeeReference,
    )
    expect(await browser.page.getByTestId("payer-invoices-card").count()).toBe(0)
    toDocs(await browser.shot("payex-card", card), "admin-payex-card.png")
    await browser.shot("payex-order-page")
  })
})

describe("the Payer card", () => {
  let first: number
  let second: number

  beforeAll(async () => {
    if (!orders) return // the file's beforeAll failed, and every test reports why
    const records = (await payerInvoicesOf(orders.api, orders.admin, orders.payerOrderId)).filter(
      (r) => r.kind === "invoice",
    )
    ;[first, second] = records.map((r) => Number(r.number))
  })

  it("lists the order's two invoices with the numbers and OCRs Payer gave them", async () => {
    await open(orders.payerOrderId)
    const payerCardOf = payerCard(browser.page)
    await payerCardOf.row(second).waitFor()
    expect(await payerCardOf.numbers()).toEqual([String(first), String(second)])
    for (const n of [first, second]) {
      const atPayer = sandboxInvoice(payer, n)
      expect(atPayer.type).toBe("NORMAL")
      expect(await payerCardOf.cell(n, "ocr")).toBe(atPayer.referenceNumber)
      expect(await payerCardOf.cell(n, "kind")).toBe("Invoice")
      expect(await payerCardOf.cell(n, "total")).toBe(shownAmount(atPayer.totalAmount))
      expect(await payerCardOf.cell(n, "outstanding")).toBe(shownAmount(atPayer.outstandingAmount))
    }
    expect(await browser.page.getByTestId("payex-invoice-card").count()).toBe(0)
    await browser.shot("payer-card", payerCardOf.card)
  })

  it("credits one unit of a line by its position: a credit row appears and the outstanding amount drops by its unit amount", async () => {
    const ui = payerCard(browser.page)
    const before = sandboxInvoice(payer, second)
    const line = before.items.find((i) => i.quantity >= 2) // one unit of a line that has more than one
    if (!line) throw new Error(`invoice ${second} has no line of two units or more`)
    const creditsBefore = creditsAtSandbox(payer, second).length

    await ui.action(second, "Credit")
    await ui.drawer.getByTestId("payer-credit-mode-by-line").click()
    await ui.drawer.getByTestId(`payer-credit-quantity-${line.position}`).fill("1")
    await browser.shot("payer-credit-by-line-drawer")
    await ui.submitAndConfirm("payer-credit-submit", "Credit")
    await toast(browser.page, "Credit invoice created").waitFor()

    const credit = await waitFor(
      "the credit invoice at Payer",
      async () => creditsAtSandbox(payer, second)[creditsBefore],
    )
    expect(credit.totalAmount).toBe(line.unitPrice)
    expect(sandboxInvoice(payer, second).outstandingAmount).toBe(before.outstandingAmount - line.unitPrice)
    const record = (await payerInvoicesOf(orders.api, orders.admin, orders.payerOrderId)).find(
      (r) => r.number == second,
    )
    expect(Math.round(record.outstanding * 100)).toBe(before.outstandingAmount - line.unitPrice) // the plugin's record agrees
    await ui.row(credit.invoiceNumber).waitFor()
    expect(await ui.cell(credit.invoiceNumber, "kind")).toBe("Credit invoice")
    expect(await ui.cell(credit.invoiceNumber, "ocr")).toBe(credit.referenceNumber)
    expect(await ui.cell(credit.invoiceNumber, "total")).toBe(shownAmount(line.unitPrice))
    await waitFor(
      "the new outstanding amount in the row",
      async () => (await ui.cell(second, "outstanding")) === shownAmount(before.outstandingAmount - line.unitPrice),
    )
    // The invoice's lines show the credited unit against its position.
    await ui.card.getByTestId(`payer-invoice-expand-${second}`).click()
    const cells = ui.card
      .getByTestId(`payer-invoice-lines-${second}`)
      .getByTestId(`payer-invoice-line-${line.position}`)
    expect((await cells.locator("td").allTextContents()).map(visible)).toEqual([
      String(line.position),
      line.description,
      String(line.quantity),
      "1",
      shownAmount(line.unitPrice),
      `${line.vatPercentage / 100} %`,
    ])
    await browser.shot("payer-credited-by-line")
    await ui.card.getByTestId(`payer-invoice-expand-${second}`).click()
  })

  it("credits a manual line at one of the invoice's VAT rates", async () => {
    const ui = payerCard(browser.page)
    const before = sandboxInvoice(payer, first)
    const vat = before.items[0].vatPercentage / 100 // basis points -> the select's value, e.g. 25
    const creditsBefore = creditsAtSandbox(payer, first).length

    await ui.action(first, "Credit")
    await ui.drawer.getByTestId("payer-credit-mode-manual").click()
    await ui.drawer.getByTestId("payer-credit-manual-description-0").fill("Goodwill: late delivery")
    await ui.drawer.getByTestId("payer-credit-manual-quantity-0").fill("1")
    await ui.drawer.getByTestId("payer-credit-manual-unit-amount-0").fill("10.00")
    await ui.drawer.getByTestId("payer-credit-manual-vat-0").selectOption(String(vat))
    await browser.shot("payer-manual-credit-drawer")
    await ui.submitAndConfirm("payer-credit-submit", "Credit")
    await toast(browser.page, "Credit invoice created").waitFor()

    const credit = await waitFor(
      "the manual credit at Payer",
      async () => creditsAtSandbox(payer, first)[creditsBefore],
    )
    expect(credit.totalAmount).toBe(1000)
    expect(credit.items).toHaveLength(1)
    expect(credit.items[0]).toMatchObject({
      quantity: 1,
      unitPrice: 1000,
      vatPercentage: before.items[0].vatPercentage,
    })
    expect(credit.items[0].description).toContain("Goodwill: late delivery")
    expect(sandboxInvoice(payer, first).outstandingAmount).toBe(before.outstandingAmount - 1000)
    await ui.row(credit.invoiceNumber).waitFor()
    await waitFor(
      "the new outstanding amount in the row",
      async () => (await ui.cell(first, "outstanding")) === shownAmount(before.outstandingAmount - 1000),
    )
    await browser.shot("payer-credited-manually")
    // Both invoices and their credit invoices: the README's picture of the card.
    toDocs(await browser.shot("payer-card-with-credits", ui.card), "admin-payer-card.png")
  })

  it("sends a copy of an invoice", async () => {
    const ui = payerCard(browser.page)
    const sendsBefore = sandboxInvoice(payer, first).sends.length
    await ui.action(first, "Send copy")
    await ui.drawer.getByTestId("payer-send-delivery-type").selectOption("EMAIL")
    await ui.submitAndConfirm("payer-send-submit", "Send copy")
    await toast(browser.page, "Copy sent").waitFor()
    await browser.shot("payer-copy-sent")
    const sends = sandboxInvoice(payer, first).sends
    expect(sends.slice(sendsBefore).map((s) => s.deliveryType)).toEqual(["EMAIL"])
  })

  it("refuses a credit of more than remains and shows why", async () => {
    const ui = payerCard(browser.page)
    const before = sandboxInvoice(payer, first)
    const creditsBefore = creditsAtSandbox(payer, first).length
    const tooMuch = before.outstandingAmount + 1
    await ui.action(first, "Credit")
    await ui.drawer.getByTestId("payer-credit-mode-manual").click()
    await ui.drawer.getByTestId("payer-credit-manual-description-0").fill("More than remains")
    await ui.drawer.getByTestId("payer-credit-manual-quantity-0").fill("1")
    await ui.drawer
      .getByTestId("payer-credit-manual-unit-amount-0")
      .fill(`${Math.floor(tooMuch / 100)}.${String(tooMuch % 100).padStart(2, "0")}`)
    await ui.drawer.getByTestId("payer-credit-manual-vat-0").selectOption(String(before.items[0].vatPercentage / 100))
    const answer = browser.page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes(`/admin/payer-invoices/${first}/credits`),
    )
    await ui.submitAndConfirm("payer-credit-submit", "Credit")
    const refused = await answer
    expect(refused.status()).toBe(400)
    const { message } = await refused.json()
    expect(message).toMatch(/exceeds what remains/)
    await toast(browser.page, message).waitFor()
    await expect(ui.drawer.isVisible()).resolves.toBe(true) // the drawer stays open to correct the amount
    await browser.shot("payer-over-credit-refused")
    expect(creditsAtSandbox(payer, first)).toHaveLength(creditsBefore)
    expect(sandboxInvoice(payer, first).outstandingAmount).toBe(before.outstandingAmount)
    await browser.page.keyboard.press("Escape")
  })
})

describe("an order paid with pp_system_default", () => {
  it("shows neither card", async () => {
    await open(orders.systemOrderId)
    // The order page's own payment section has rendered; the widgets would have rendered with it.
    await browser.page.getByRole("heading", { name: "Payments" }).first().waitFor()
    await browser.page.waitForLoadState("networkidle")
    expect(await browser.page.getByTestId("payex-invoice-card").count()).toBe(0)
    expect(await browser.page.getByTestId("payer-invoices-card").count()).toBe(0)
    await browser.shot("system-order-page")
  })
})
