// The demo storefront: a static page and its small TypeScript app, bundled for the browser with esbuild when the
// demo starts (well under a second; nothing is written to disk), served on 127.0.0.1 with the shop's public settings
// at /config.json. The page talks to Medusa's Store API directly (CORS allows this origin).
import { readFileSync } from "node:fs"
import http from "node:http"
import path from "node:path"
import { build } from "esbuild"
import { REPO_ROOT } from "../cli-options"
import type { StorefrontConfig } from "./app/storefront-config"

const PUBLIC_DIR = path.join(__dirname, "public")

/** The page imports the plugin's storefront helper as a shop would; here it resolves to the plugin's source. */
async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, "app/main.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2020",
    sourcemap: "inline",
    alias: { "medusa-plugin-payex-payer/storefront": path.join(REPO_ROOT, "src/storefront/index.ts") },
    logLevel: "silent",
  })
  return result.outputFiles[0].text
}

export interface RunningStorefront {
  url: string
  close(): Promise<void>
}

export async function startStorefront(port: number, config: StorefrontConfig): Promise<RunningStorefront> {
  const files: Record<string, { type: string; body: string }> = {
    "/": { type: "text/html; charset=utf-8", body: readFileSync(path.join(PUBLIC_DIR, "index.html"), "utf8") },
    "/styles.css": { type: "text/css; charset=utf-8", body: readFileSync(path.join(PUBLIC_DIR, "styles.css"), "utf8") },
    "/app.js": { type: "text/javascript; charset=utf-8", body: await bundleApp() },
    "/config.json": { type: "application/json", body: JSON.stringify(config) },
  }
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://storefront.local").pathname
    // The page is one app: /order/... and any other path get the page, which renders from the path.
    const file = files[pathname] ?? (req.method === "GET" && !path.extname(pathname) ? files["/"] : undefined)
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found")
      return
    }
    res
      .writeHead(200, {
        "content-type": file.type,
        "cache-control": "no-store",
        // The page needs only itself and Medusa; nothing else may be loaded or sent anywhere.
        "content-security-policy": `default-src 'self'; connect-src 'self' ${config.medusaOrigins.join(" ")}; img-src 'self' data:`,
        "referrer-policy": "no-referrer",
      })
      .end(req.method === "HEAD" ? undefined : file.body)
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => resolve())
  })
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
