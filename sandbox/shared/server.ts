/**
 * A tiny generic HTTP server core for the project's sandboxes (PayEx, Payer).
 * Node's `http` module only, no dependencies. Not shipped in the npm package.
 *
 * - Routes are matched by method and a path pattern with `:params`; a trailing slash is tolerated.
 * - Bodies: JSON and application/x-www-form-urlencoded are parsed into `body`; anything else is left
 *   in `rawBody` only. A body that claims to be JSON but does not parse gives `body === undefined`
 *   (the route handler decides how to answer that, e.g. with a problem document).
 * - Fault switches (latency, failNext, dropNext, timeoutNext) apply to every non-control request.
 * - Control endpoints under `/_sandbox/` are never recorded, need no auth and ignore faults.
 */
import http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { errorBody, normaliseHeaders, parseBody, readBody, send } from "./http-io"
import { compile, match, splitPath } from "./route-matching"

export type SandboxRequest = {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | undefined>
  body: any
  rawBody: string
}

export type SandboxResponse = { status: number; body?: unknown; headers?: Record<string, string> }

export type Route = {
  method: string
  /** like "/psp/invoice/payments/:id/captures"; a trailing slash is tolerated */
  pattern: string
  handler: (req: SandboxRequest, params: Record<string, string>) => SandboxResponse | Promise<SandboxResponse>
}

export interface Faults {
  /** delay before every answer (ms) */
  latencyMs: number
  /** the next N requests are answered `failStatus` without being handled (state unchanged) */
  failNext: number
  /** status used by failNext (default 503) */
  failStatus: number
  /** the next N requests are handled (state changes) and then the socket is destroyed without an answer */
  dropNext: number
  /**
   * the next N requests are NOT handled (state unchanged) and not answered: the connection is held for
   * `timeoutHoldMs`, then closed, so a client with a shorter timeout gives up first (a PSP that hangs)
   */
  timeoutNext: number
  /** how long timeoutNext holds a request (default 30 s) */
  timeoutHoldMs: number
  /**
   * Optional target for failNext/dropNext: a regular expression matched against "METHOD /path"
   * (e.g. "POST /captures$"); other requests pass untouched. Latency still applies to all.
   */
  only?: string
  /**
   * Optional target for latencyMs: a regular expression matched against "METHOD /path" (e.g.
   * "^POST /psp/invoice/payments$"); when set, only matching requests are delayed.
   */
  latencyOnly?: string
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** the authorization value is redacted to "<redacted>" */
  headers: Record<string, string | undefined>
  body: any
  status: number | "dropped" | "timed out"
  at: string
}

export interface SandboxServer {
  url: string
  port: number
  requests: RecordedRequest[]
  faults: Faults
  setFaults(partial: Partial<Faults>): void
  clearRequests(): void
  close(): Promise<void>
}

export const DEFAULT_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  failNext: 0,
  failStatus: 503,
  dropNext: 0,
  timeoutNext: 0,
  timeoutHoldMs: 30_000,
  only: undefined,
  latencyOnly: undefined,
})

const CONTROL_PREFIX = "/_sandbox/"

/** Throws on a bad value so that POST /_sandbox/faults can answer 400. */
export function validateFaults(partial: unknown): Partial<Faults> {
  if (!partial || typeof partial !== "object" || Array.isArray(partial)) throw new Error("faults must be a JSON object")
  const out: Partial<Faults> = {}
  for (const [key, value] of Object.entries(partial as Record<string, unknown>)) {
    if (key === "only" || key === "latencyOnly") {
      if (value !== undefined && value !== null && typeof value !== "string")
        throw new Error(`fault switch "${key}" must be a string`)
      if (typeof value === "string") new RegExp(value) // throws on a bad pattern
      out[key] = typeof value === "string" && value ? value : undefined
      continue
    }
    if (!(key in DEFAULT_FAULTS)) throw new Error(`unknown fault switch "${key}"`)
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new Error(`fault switch "${key}" must be a non-negative integer`)
    }
    if (key === "failStatus" && (value < 100 || value > 599)) throw new Error(`failStatus must be an HTTP status`)
    ;(out as Record<string, number>)[key] = value
  }
  return out
}

export function startSandboxServer(opts: {
  port?: number
  host?: string
  routes: Route[]
  onReset?: () => void
  name?: string
}): Promise<SandboxServer> {
  const name = opts.name ?? "sandbox"
  const host = opts.host ?? "127.0.0.1"
  const routes = opts.routes.map(compile)
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let closed = false

  const state: SandboxServer = {
    url: "",
    port: 0,
    requests: [],
    faults: { ...DEFAULT_FAULTS },
    setFaults(partial: Partial<Faults>) {
      Object.assign(state.faults, validateFaults(partial))
    },
    clearRequests() {
      state.requests.length = 0
    },
    close: () => Promise.resolve(),
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || closed) return resolve()
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })

  function control(method: string, path: string, body: any): SandboxResponse | null {
    const route = `${method} ${path.replace(/\/+$/, "")}`
    switch (route) {
      case "GET /_sandbox/requests":
        return { status: 200, body: { requests: state.requests } }
      case "DELETE /_sandbox/requests":
        state.clearRequests()
        return { status: 200, body: { requests: [] } }
      case "GET /_sandbox/faults":
        return { status: 200, body: { faults: state.faults } }
      case "POST /_sandbox/faults":
        try {
          state.setFaults(body)
        } catch (e) {
          return errorBody(400, "Invalid fault switches", (e as Error).message)
        }
        return { status: 200, body: { faults: state.faults } }
      case "POST /_sandbox/reset":
        Object.assign(state.faults, DEFAULT_FAULTS)
        state.clearRequests()
        opts.onReset?.()
        return { status: 200, body: { reset: true } }
      default:
        return null
    }
  }

  async function dispatch(req: SandboxRequest): Promise<SandboxResponse> {
    const segments = splitPath(req.path)
    for (const route of routes) {
      if (route.method !== req.method) continue
      const params = match(route, segments)
      if (params) {
        try {
          return await route.handler(req, params)
        } catch (e) {
          return errorBody(500, "Sandbox handler error", (e as Error)?.message ?? String(e))
        }
      }
    }
    return errorBody(404, "Not Found", `No ${name} route for ${req.method} ${req.path}`)
  }

  function record(req: SandboxRequest, status: RecordedRequest["status"]) {
    const headers = { ...req.headers }
    if (headers.authorization !== undefined) headers.authorization = "<redacted>"
    const { method, path, query, body } = req
    state.requests.push({ method, path, query, headers, body, status, at: new Date().toISOString() })
  }

  async function handle(nodeReq: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(nodeReq.url ?? "/", "http://sandbox.local")
    const method = (nodeReq.method ?? "GET").toUpperCase()
    const path = url.pathname
    const headers = normaliseHeaders(nodeReq.headers)
    const rawBody = await readBody(nodeReq)
    const isControl = path.startsWith(CONTROL_PREFIX)

    if (rawBody === null) return send(res, errorBody(413, "Payload Too Large", "body over 1 MiB"), name)
    const body = parseBody(headers["content-type"], rawBody)

    if (isControl) {
      const answer =
        control(method, path, body) ?? errorBody(404, "Not Found", `Unknown control endpoint ${method} ${path}`)
      return send(res, answer, name)
    }

    const query = Object.fromEntries(url.searchParams)
    const request: SandboxRequest = { method, path, query, headers, body, rawBody }
    // Fault decisions are taken on arrival, so concurrent requests consume the counters in arrival order.
    const faults = state.faults
    const targeted = !faults.only || new RegExp(faults.only).test(`${method} ${path}`)
    const fail = targeted && faults.failNext > 0
    if (fail) faults.failNext--
    const drop = targeted && !fail && faults.dropNext > 0
    if (drop) faults.dropNext--
    const hang = targeted && !fail && !drop && faults.timeoutNext > 0
    if (hang) faults.timeoutNext--
    const latency =
      !faults.latencyOnly || new RegExp(faults.latencyOnly).test(`${method} ${path}`) ? faults.latencyMs : 0

    if (hang) {
      record(request, "timed out")
      await sleep(faults.timeoutHoldMs)
      nodeReq.socket.destroy()
      return
    }
    const answer = fail
      ? errorBody(faults.failStatus, "Sandbox injected failure", `failNext fault (${name})`)
      : await dispatch(request)
    await sleep(latency)

    record(request, drop ? "dropped" : answer.status)

    if (drop) {
      nodeReq.socket.destroy()
      return
    }
    send(res, answer, name)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => send(res, errorBody(500, "Sandbox error", (e as Error)?.message ?? String(e)), name))
  })
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })

  state.close = () =>
    new Promise<void>((resolve) => {
      if (closed) return resolve()
      closed = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      server.close(() => resolve())
      server.closeAllConnections()
      for (const socket of sockets) socket.destroy()
    })

  return new Promise<SandboxServer>((resolve, reject) => {
    server.once("error", reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject)
      const port = (server.address() as AddressInfo).port
      const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host
      state.port = port
      state.url = `http://${urlHost}:${port}`
      resolve(state)
    })
  })
}
