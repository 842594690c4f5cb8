import { PayerApiError } from "../../../../lib/payer"
import { refusedByPayer } from "../failures"

const api = (init: Partial<ConstructorParameters<typeof PayerApiError>[0]>) =>
  new PayerApiError({ method: "POST", path: "/api/v2/orders/invoices/credit/full", code: "http", ...init })

describe("refusedByPayer: only a failure that proves no credit was made releases the amount", () => {
  it.each([
    ["Payer's 400", api({ status: 400, payerMessage: "exceeds" }), true],
    ["Payer's 404", api({ status: 404 }), true],
    ["no token", api({ path: "/oauth2/token", code: "network", detail: "ECONNREFUSED" }), true],
    ["a check before sending", new Error("externalInvoiceNumber is longer than 36 characters"), true],
    ["a timeout", api({ code: "timeout", detail: "ETIMEDOUT" }), false],
    ["a dropped connection", api({ code: "network", detail: "ECONNRESET" }), false],
    ["a 503 after the retries", api({ status: 503 }), false],
    ["an unrecovered 409", api({ status: 409 }), false],
    ["a 2xx without an invoice", api({ detail: "response has no invoice" }), false],
  ])("%s -> %p", (_what, error, refused) => {
    expect(refusedByPayer(error)).toBe(refused)
  })
})
