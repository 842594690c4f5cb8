// Chromium for the demo storefront test: Debian's binary and the screenshot folder of integration-tests/browser/
// (chromium.ts), with a shopper's viewport. Not launchAdminBrowser itself: that empties .cache/screenshots/ for the
// admin test's own steps, and `npm test` runs the admin test first; this one replaces only its demo-*.png files.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { chromium, type BrowserContext, type Page } from "playwright-core"
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS } from "../browser/chromium"

export interface ShopperBrowser {
  context: BrowserContext
  newPage(): Promise<Page>
  /** full-page screenshot `.cache/screenshots/demo-<name>.png`; answers the file */
  shot(page: Page, name: string): Promise<string>
  close(): Promise<void>
}

/** Starts chromium; throws (so the test fails, never skips) when it cannot start. */
export async function launchShopperBrowser(): Promise<ShopperBrowser> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  for (const f of readdirSync(SCREENSHOTS)) if (/^demo-.*\.png$/.test(f)) rmSync(path.join(SCREENSHOTS, f))
  const profile = mkdtempSync(path.join(tmpdir(), "payex-payer-demo-chromium-"))
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1100, height: 900 },
      locale: "sv-SE",
      timeout: 60_000,
    })
  } catch (e) {
    rmSync(profile, { recursive: true, force: true })
    throw new Error(`chromium (${CHROMIUM}) did not start: ${(e as Error).message}`)
  }
  context.setDefaultTimeout(30_000)
  return {
    context,
    newPage: () => context.newPage(),
    async shot(page, name) {
      const file = path.join(SCREENSHOTS, `demo-${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
