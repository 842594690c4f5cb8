// Debian's chromium driven by playwright-core (no browser download, ever): one fresh profile per run, the admin's
// login through the dashboard's own form, and screenshots of each step in .cache/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core"

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
export const SCREENSHOTS = path.resolve(__dirname, "../../.cache/screenshots")

// Headless, and nothing that talks to Google or anything off this machine.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
]

export interface AdminBrowser {
  context: BrowserContext
  page: Page
  /** full-page screenshot, or only `of` when given; answers the file */
  shot(name: string, of?: Locator): Promise<string>
  close(): Promise<void>
}

/** Starts chromium; throws (so the test fails, never skips) when it cannot start. */
export async function launchAdminBrowser(): Promise<AdminBrowser> {
  rmSync(SCREENSHOTS, { recursive: true, force: true }) // only this run's steps
  mkdirSync(SCREENSHOTS, { recursive: true })
  const profile = mkdtempSync(path.join(tmpdir(), "payex-payer-chromium-"))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1680, height: 1050 }, // a merchant's desktop: the order page's two columns side by side
      locale: "en-US",
      timeout: 60_000,
    })
  } catch (e) {
    rmSync(profile, { recursive: true, force: true })
    throw new Error(`chromium (${CHROMIUM}) did not start: ${(e as Error).message}`)
  }
  context.setDefaultTimeout(30_000)
  const page = context.pages()[0] ?? (await context.newPage())
  let step = 0
  return {
    context,
    page,
    async shot(name, of) {
      step++
      const file = path.join(SCREENSHOTS, `${String(step).padStart(2, "0")}-${name}.png`)
      if (of) await of.screenshot({ path: file })
      else await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** The dashboard's login form at /app/login; resolves once the admin has left the login page. */
export async function logIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.startsWith("/app/login"), {
    timeout: 60_000,
  })
}

/**
 * Opens an order's page and waits until the dashboard has rendered the order: its display id as the page's heading
 * (the breadcrumb shows it before the order has loaded) and the Summary section.
 */
export async function openOrder(page: Page, baseUrl: string, orderId: string, displayId: number) {
  await page.goto(`${baseUrl}/app/orders/${orderId}`)
  await page.getByRole("heading", { name: `#${displayId}`, exact: true }).waitFor({ timeout: 60_000 })
  await page.getByRole("heading", { name: "Summary", exact: true }).waitFor({ timeout: 60_000 })
}
