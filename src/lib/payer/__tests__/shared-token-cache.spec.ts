import nock from "nock"
import { sharedTokenCache, tokenCacheKey } from "../token-cache"
import { BASE, CLIENT_ID, CLIENT_SECRET, makeClient, mockToken, setupNock } from "./helpers"

setupNock()

const basicOf = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`

function mockBatch(times: number, bearer: string, base = BASE) {
  return nock(base)
    .get("/api/v2/orders/invoices/batch")
    .query(true)
    .matchHeader("authorization", `Bearer ${bearer}`)
    .times(times)
    .reply(200, { invoices: [], nextInvoiceNumber: null })
}

function mockTokenFor(id: string, secret: string, accessToken: string, base = BASE) {
  return nock(base)
    .post("/oauth2/token", "grant_type=client_credentials")
    .matchHeader("authorization", basicOf(id, secret))
    .once()
    .reply(200, { access_token: accessToken, expires_in: 3599 })
}

describe("the token cache shared per process", () => {
  it("gives two clients with the same credentials one token request", async () => {
    const first = makeClient().client
    const second = makeClient().client
    const token = mockToken("shared-token")
    mockBatch(4, "shared-token")
    await first.getInvoicesBatch()
    await second.getInvoicesBatch()
    await first.getInvoicesBatch()
    await second.getInvoicesBatch()
    expect(token.isDone()).toBe(true)
    // mockToken answers once: a second token request would have failed a call above.
  })

  it("shares one in-flight token request between clients asking at the same moment", async () => {
    const clients = Array.from({ length: 5 }, () => makeClient().client)
    nock(BASE).post("/oauth2/token").once().delay(50).reply(200, { access_token: "in-flight", expires_in: 3599 })
    mockBatch(5, "in-flight")
    await Promise.all(clients.map((c) => c.getInvoicesBatch()))
  })

  it("keeps different credentials apart: another client id, secret or base URL fetches its own token", async () => {
    const other = "https://other-payer.test"
    const clients = [
      makeClient().client,
      makeClient({ clientId: "second-shop" }).client,
      makeClient({ clientSecret: "another-secret-0123456789" }).client,
      makeClient({ baseUrl: other }).client,
    ]
    mockTokenFor(CLIENT_ID, CLIENT_SECRET, "tok-a")
    mockTokenFor("second-shop", CLIENT_SECRET, "tok-b")
    mockTokenFor(CLIENT_ID, "another-secret-0123456789", "tok-c")
    mockTokenFor(CLIENT_ID, CLIENT_SECRET, "tok-d", other)
    mockBatch(1, "tok-a")
    mockBatch(1, "tok-b")
    mockBatch(1, "tok-c")
    mockBatch(1, "tok-d", other)
    for (const client of clients) await client.getInvoicesBatch()
  })

  it("treats a base URL with a trailing slash as the same environment", async () => {
    const plain = makeClient().client
    const slashed = makeClient({ baseUrl: `${BASE}/` }).client
    mockToken("one-token")
    mockBatch(2, "one-token")
    await plain.getInvoicesBatch()
    await slashed.getInvoicesBatch()
  })

  it("on a 401 renews once for all clients: the other client picks up the new token", async () => {
    const first = makeClient().client
    const second = makeClient().client
    mockToken("old-token")
    mockBatch(1, "old-token")
    await first.getInvoicesBatch()
    // Payer revoked it: both clients get a 401 with the old token at once, and only one renewal follows.
    nock(BASE).get("/api/v2/orders/invoices/batch").query(true).times(2).reply(401)
    mockToken("new-token")
    mockBatch(2, "new-token")
    await Promise.all([first.getInvoicesBatch(), second.getInvoicesBatch()])
  })

  it("hands out the same cache for the same credentials, and a key without the secret in it", () => {
    const identity = { baseUrl: BASE, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }
    expect(sharedTokenCache(identity)).toBe(sharedTokenCache({ ...identity }))
    expect(sharedTokenCache(identity)).not.toBe(sharedTokenCache({ ...identity, clientSecret: "other-secret" }))
    const key = tokenCacheKey(identity)
    expect(key).not.toContain(CLIENT_SECRET)
    expect(key).not.toContain(Buffer.from(CLIENT_SECRET).toString("base64"))
    expect(key).toContain(CLIENT_ID)
  })
})
