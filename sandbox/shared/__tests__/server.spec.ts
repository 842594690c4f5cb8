import { startSandboxServer, SandboxServer, SandboxRequest } from "../server"

describe("sandbox/shared/server", () => {
  let server: SandboxServer
  let counter = 0
  let resets = 0
  let seen: SandboxRequest[] = []

  beforeEach(async () => {
    counter = 0
    resets = 0
    seen = []
    server = await startSandboxServer({
      name: "test",
      onReset: () => {
        resets++
        counter = 0
      },
      routes: [
        { method: "GET", pattern: "/counter", handler: () => ({ status: 200, body: { counter } }) },
        {
          method: "POST",
          pattern: "/counter",
          handler: (req) => {
            seen.push(req)
            counter++
            return { status: 201, body: { counter } }
          },
        },
        {
          method: "GET",
          pattern: "/things/:id/parts/:partId",
          handler: (_req, params) => ({ status: 200, body: { params } }),
        },
        {
          method: "POST",
          pattern: "/echo",
          handler: async (req) => ({ status: 200, body: { body: req.body, raw: req.rawBody, query: req.query } }),
        },
        {
          method: "GET",
          pattern: "/custom",
          handler: () => ({
            status: 418,
            body: { x: 1 },
            headers: { "content-type": "application/problem+json", "x-extra": "yes" },
          }),
        },
        { method: "GET", pattern: "/empty", handler: () => ({ status: 204 }) },
        {
          method: "GET",
          pattern: "/boom",
          handler: () => {
            throw new Error("kaboom")
          },
        },
      ],
    })
  })

  afterEach(async () => {
    await server.close()
  })

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url + path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    })

  it("listens on a random local port and exposes its url", () => {
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
  })

  it("routes by method and pattern, with params and a tolerated trailing slash", async () => {
    const res = await fetch(`${server.url}/things/a%20b/parts/42/`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ params: { id: "a b", partId: "42" } })

    const created = await post("/counter", {})
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({ counter: 1 })
    expect(await (await fetch(`${server.url}/counter/`)).json()).toEqual({ counter: 1 })
  })

  it("answers 404 JSON for unknown routes and for a known path with another method", async () => {
    const res = await fetch(`${server.url}/nope`)
    expect(res.status).toBe(404)
    expect(res.headers.get("content-type")).toContain("json")
    expect((await res.json()).status).toBe(404)
    expect((await fetch(`${server.url}/counter`, { method: "DELETE" })).status).toBe(404)
    expect((await fetch(`${server.url}/things/1/parts`)).status).toBe(404)
  })

  it("parses JSON, form-urlencoded and query strings", async () => {
    const json = await (await post("/echo?a=1&b=two", { hello: ["world"] })).json()
    expect(json).toEqual({ body: { hello: ["world"] }, raw: '{"hello":["world"]}', query: { a: "1", b: "two" } })

    const form = await fetch(`${server.url}/echo`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&scope=a+b",
    })
    expect((await form.json()).body).toEqual({ grant_type: "client_credentials", scope: "a b" })

    const broken = await fetch(`${server.url}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    })
    const brokenBody = await broken.json()
    expect(brokenBody.body).toBeUndefined()
    expect(brokenBody.raw).toBe("{not json")
  })

  it("passes handler status, headers and bodies through; no body when none is given", async () => {
    const res = await fetch(`${server.url}/custom`)
    expect(res.status).toBe(418)
    expect(res.headers.get("content-type")).toBe("application/problem+json")
    expect(res.headers.get("x-extra")).toBe("yes")
    const empty = await fetch(`${server.url}/empty`)
    expect(empty.status).toBe(204)
    expect(await empty.text()).toBe("")
  })

  it("turns a throwing handler into a 500 JSON answer and records it", async () => {
    const res = await fetch(`${server.url}/boom`)
    expect(res.status).toBe(500)
    expect((await res.json()).detail).toBe("kaboom")
    expect(server.requests.map((r) => [r.path, r.status])).toEqual([["/boom", 500]])
  })

  it("records every non-control request with its status and redacts the authorization header", async () => {
    await post("/counter?x=1", { a: 1 }, { authorization: "Bearer secret-token" })
    await fetch(`${server.url}/nope`)
    await fetch(`${server.url}/_sandbox/requests`)
    expect(server.requests).toHaveLength(2)
    const [first, second] = server.requests
    expect(first).toMatchObject({ method: "POST", path: "/counter", query: { x: "1" }, body: { a: 1 }, status: 201 })
    expect(first.headers.authorization).toBe("<redacted>")
    expect(JSON.stringify(server.requests)).not.toContain("secret-token")
    expect(new Date(first.at).toString()).not.toBe("Invalid Date")
    expect(second).toMatchObject({ method: "GET", path: "/nope", status: 404 })
    // the handler itself still sees the real header
    expect(seen[0].headers.authorization).toBe("Bearer secret-token")
  })

  it("failNext answers failStatus without handling, then counts down", async () => {
    server.setFaults({ failNext: 2 })
    const a = await post("/counter", {})
    const b = await post("/counter", {})
    expect([a.status, b.status]).toEqual([503, 503])
    expect(counter).toBe(0)
    expect(server.faults.failNext).toBe(0)
    const c = await post("/counter", {})
    expect(c.status).toBe(201)
    expect(counter).toBe(1)
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 201])

    server.setFaults({ failNext: 1, failStatus: 502 })
    expect((await fetch(`${server.url}/counter`)).status).toBe(502)
  })

  it("dropNext handles the request (state changes) and destroys the socket without answering", async () => {
    server.setFaults({ dropNext: 1 })
    await expect(post("/counter", {})).rejects.toThrow()
    expect(counter).toBe(1)
    expect(server.requests[0]).toMatchObject({ path: "/counter", status: "dropped" })
    const next = await post("/counter", {})
    expect(next.status).toBe(201)
    expect(counter).toBe(2)
  })

  it("timeoutNext holds the request unhandled (state unchanged) and unanswered until the client gives up", async () => {
    server.setFaults({ timeoutNext: 1, timeoutHoldMs: 5000 })
    const gaveUp = await fetch(`${server.url}/counter`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(300),
    }).catch((e) => e)
    expect(gaveUp).toMatchObject({ name: "TimeoutError" })
    expect(counter).toBe(0)
    expect(server.requests[0]).toMatchObject({ path: "/counter", status: "timed out" })
    expect(server.faults.timeoutNext).toBe(0)
    const next = await post("/counter", {})
    expect(next.status).toBe(201)
    expect(counter).toBe(1)
  })

  it("only= aims failNext/dropNext at matching requests and lets the others through", async () => {
    server.setFaults({ failNext: 1, only: "^POST /counter$" })
    const get = await fetch(`${server.url}/counter`)
    expect(get.status).not.toBe(503)
    expect(server.faults.failNext).toBe(1)
    const postRes = await post("/counter", {})
    expect(postRes.status).toBe(503)
    expect(server.faults.failNext).toBe(0)
    expect(() => server.setFaults({ only: "(" })).toThrow()
    await fetch(`${server.url}/_sandbox/reset`, { method: "POST" })
    expect(server.faults.only).toBeUndefined()
  })

  it("latencyMs delays every answer", async () => {
    server.setFaults({ latencyMs: 1000 })
    const started = Date.now()
    const res = await fetch(`${server.url}/counter`)
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(990)
    // control endpoints are not delayed (a wide margin: CI machines are busy)
    const t2 = Date.now()
    await fetch(`${server.url}/_sandbox/faults`)
    expect(Date.now() - t2).toBeLessThan(900)
  })

  it("latencyOnly delays only the requests it matches", async () => {
    server.setFaults({ latencyMs: 60_000, latencyOnly: "^GET /counter$" })
    let delayedAnswered = false
    const delayed = fetch(`${server.url}/counter`)
      .then(() => (delayedAnswered = true))
      .catch(() => undefined)
    // another request is answered at once (with 60 s latency this test would time out)
    const res = await fetch(`${server.url}/no-such-route`)
    expect(res.status).toBe(404)
    expect(delayedAnswered).toBe(false)
    expect(() => server.setFaults({ latencyOnly: "(" })).toThrow()
    await fetch(`${server.url}/_sandbox/reset`, { method: "POST" })
    expect(server.faults.latencyOnly).toBeUndefined()
    await server.close()
    await delayed
  })

  it("rejects bad fault switches", () => {
    expect(() => server.setFaults({ failNext: -1 })).toThrow()
    expect(() => server.setFaults({ bogus: 1 } as any)).toThrow()
    expect(() => server.setFaults({ latencyMs: 1.5 })).toThrow()
    expect(server.faults).toEqual({
      latencyMs: 0,
      failNext: 0,
      failStatus: 503,
      dropNext: 0,
      timeoutNext: 0,
      timeoutHoldMs: 30_000,
    })
  })

  describe("control endpoints", () => {
    it("GET/DELETE /_sandbox/requests list and clear the record", async () => {
      await fetch(`${server.url}/counter`)
      const listed = await (await fetch(`${server.url}/_sandbox/requests`)).json()
      expect(listed.requests).toHaveLength(1)
      expect(listed.requests[0]).toMatchObject({ method: "GET", path: "/counter", status: 200 })
      const cleared = await fetch(`${server.url}/_sandbox/requests`, { method: "DELETE" })
      expect(cleared.status).toBe(200)
      expect(server.requests).toHaveLength(0)
    })

    it("POST /_sandbox/faults sets partial faults, ignores faults itself and validates", async () => {
      const res = await post("/_sandbox/faults", { failNext: 1, failStatus: 500 })
      expect(res.status).toBe(200)
      expect((await res.json()).faults).toEqual({
        latencyMs: 0,
        failNext: 1,
        failStatus: 500,
        dropNext: 0,
        timeoutNext: 0,
        timeoutHoldMs: 30_000,
      })
      // control calls do not consume the fault
      expect((await fetch(`${server.url}/_sandbox/requests`)).status).toBe(200)
      expect((await fetch(`${server.url}/counter`)).status).toBe(500)
      expect((await post("/_sandbox/faults", { failNext: "x" })).status).toBe(400)
      expect((await post("/_sandbox/faults", [1])).status).toBe(400)
    })

    it("POST /_sandbox/reset clears faults, requests and calls onReset", async () => {
      await post("/counter", {})
      server.setFaults({ failNext: 5, latencyMs: 10, dropNext: 1 })
      const res = await post("/_sandbox/reset", {})
      expect(res.status).toBe(200)
      expect(resets).toBe(1)
      expect(counter).toBe(0)
      expect(server.requests).toHaveLength(0)
      expect(server.faults).toEqual({
        latencyMs: 0,
        failNext: 0,
        failStatus: 503,
        dropNext: 0,
        timeoutNext: 0,
        timeoutHoldMs: 30_000,
      })
      expect((await post("/counter", {})).status).toBe(201)
    })

    it("unknown control endpoints answer 404 and are not recorded", async () => {
      expect((await fetch(`${server.url}/_sandbox/whatever`)).status).toBe(404)
      expect(server.requests).toHaveLength(0)
    })
  })

  it("close() ends keep-alive connections and pending latency, and is idempotent", async () => {
    await fetch(`${server.url}/counter`) // leaves a keep-alive socket in undici's pool
    server.setFaults({ latencyMs: 60_000 })
    const pending = fetch(`${server.url}/counter`)
    pending.catch(() => undefined)
    await new Promise((r) => setTimeout(r, 50))
    await server.close()
    await server.close()
    await expect(pending).rejects.toThrow()
    await expect(fetch(`${server.url}/counter`)).rejects.toThrow()
  })

  it("can listen on a fixed port", async () => {
    const probe = await startSandboxServer({ routes: [] })
    const port = probe.port
    await probe.close()
    const fixed = await startSandboxServer({ port, routes: [], name: "fixed" })
    try {
      expect(fixed.port).toBe(port)
      const res = await fetch(`${fixed.url}/x`)
      expect(res.status).toBe(404)
      expect(res.headers.get("x-sandbox")).toBe("fixed")
    } finally {
      await fixed.close()
    }
  })
})
