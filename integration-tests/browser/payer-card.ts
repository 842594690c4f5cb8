// The Payer card as a merchant uses it, by the testids and labels of src/admin/README.md: rows and their cells, the
// row's action menu, the drawers' confirmation dialog and the toasts that follow.
import type { Locator, Page } from "playwright-core"
import type { PayerSandbox } from "../../sandbox/payer"
import type { StoredInvoice } from "../../sandbox/payer/state"
import { visible } from "./shown-text"

export type PayerCell = "number" | "ocr" | "kind" | "total" | "credited" | "outstanding" | "status" | "due-date"

export function payerCard(page: Page) {
  const card = page.getByTestId("payer-invoices-card")
  const row = (invoiceNumber: number | string) => card.getByTestId(`payer-invoice-row-${invoiceNumber}`)
  const drawer = page.getByRole("dialog")

  return {
    card,
    row,
    drawer,
    async cell(invoiceNumber: number | string, name: PayerCell): Promise<string> {
      return visible(await row(invoiceNumber).getByTestId(`payer-invoice-${name}`).textContent())
    },
    /** Every row's invoice number, top to bottom, as the table shows them. */
    async numbers(): Promise<string[]> {
      const cells = await card.getByTestId("payer-invoice-number").allTextContents()
      return cells.map(visible)
    },
    /** Opens the row's action menu and picks the item with this label, which opens its drawer. */
    async action(invoiceNumber: number, label: string) {
      await card.getByTestId(`payer-invoice-actions-${invoiceNumber}`).click()
      await page.getByRole("menuitem", { name: label, exact: true }).click()
      await drawer.waitFor()
    },
    /** Submits the drawer with `submitTestId` and confirms in the dialog whose confirm button says `label`. */
    async submitAndConfirm(submitTestId: string, label: string) {
      await drawer.getByTestId(submitTestId).click()
      const prompt = page.getByRole("alertdialog")
      await prompt.getByRole("button", { name: label, exact: true }).click()
      await prompt.waitFor({ state: "hidden" })
    },
  }
}

/** A toast (Medusa UI's Toaster is sonner) with this text. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator("[data-sonner-toast]").filter({ hasText: text })
}

/** A copy of the invoice as the Payer sandbox holds it now (the sandbox updates its own objects in place). */
export function sandboxInvoice(payer: PayerSandbox, invoiceNumber: number): StoredInvoice {
  const invoice = payer.state.invoices.get(invoiceNumber)
  if (!invoice) throw new Error(`the Payer sandbox has no invoice ${invoiceNumber}`)
  return structuredClone(invoice)
}

/** The credit invoices the Payer sandbox holds against an invoice, oldest first. */
export function creditsAtSandbox(payer: PayerSandbox, invoiceNumber: number): StoredInvoice[] {
  return [...payer.state.invoices.values()].filter(
    (i) => i.type === "CREDIT" && i.creditedInvoiceNumber === invoiceNumber,
  )
}
