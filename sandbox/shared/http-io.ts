/** Request/response plumbing of the sandbox server core: body reading and parsing, headers, JSON answers. */
import type http from "node:http"
import type { SandboxResponse } from "./server"

export const MAX_BODY_BYTES = 1024 * 1024

export function parseBody(contentType: string | undefined, raw: string): any {
  if (raw.length === 0) return undefined
  const type = (contentType ?? "").toLowerCase()
  if (type.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw))
  }
  if (type.includes("json") || (type === "" && /^\s*[[{]/.test(raw))) {
    try {
      return JSON.parse(raw)
    } catch {
      return undefined
    }
  }
  return undefined
}

export function normaliseHeaders(headers: http.IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(headers)) {
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value
  }
  return out
}

export function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooBig = false
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooBig = true
      else chunks.push(chunk)
    })
    req.on("end", () => resolve(tooBig ? null : Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

export function send(res: http.ServerResponse, response: SandboxResponse, name: string): void {
  if (res.destroyed || res.headersSent) return
  const headers: Record<string, string> = { "x-sandbox": name }
  let payload: string | undefined
  if (response.body !== undefined) {
    if (typeof response.body === "string") {
      payload = response.body
      headers["content-type"] = "text/plain; charset=utf-8"
    } else {
      payload = JSON.stringify(response.body)
      headers["content-type"] = "application/json; charset=utf-8"
    }
  }
  for (const [key, value] of Object.entries(response.headers ?? {})) headers[key.toLowerCase()] = value
  if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload))
  res.writeHead(response.status, headers)
  res.end(payload)
}

export function errorBody(status: number, title: string, detail: string): SandboxResponse {
  return {
    status,
    body: { type: "about:blank", title, status, detail },
    headers: { "content-type": "application/problem+json" },
  }
}
