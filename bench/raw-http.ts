// The baseline of the client benchmark: one plain node:http request (the same global keep-alive agent axios uses),
// its body read and parsed as JSON. No retries, no error mapping, nothing else.
import http from "node:http"

export interface RawAnswer {
  status: number
  body: any
}

export function rawRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8")
        let parsed: any = undefined
        try {
          parsed = text ? JSON.parse(text) : undefined
        } catch {
          parsed = text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed })
      })
      res.on("error", reject)
    })
    req.on("error", reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

/** A JSON request that must answer 2xx; the error names the status only (bodies may carry personal data). */
export async function rawJson(method: string, url: string, headers: Record<string, string>, body?: unknown) {
  const answer = await rawRequest(
    method,
    url,
    body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
    body === undefined ? undefined : JSON.stringify(body),
  )
  if (answer.status < 200 || answer.status >= 300)
    throw new Error(`raw ${method} ${new URL(url).pathname} -> ${answer.status}`)
  return answer.body
}
