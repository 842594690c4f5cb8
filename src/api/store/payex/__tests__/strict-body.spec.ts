import { Readable } from "node:stream"
import { MedusaError } from "@medusajs/framework/utils"
import { strictJsonBody, validateStrictBody } from "../strict-body"
import { StorePayexAuthorize, StorePayexLegalAddress } from "../store-payex-validators"

const SESSION = "payses_01JQ3ZK8V6X9T2M4N5P7R8S9TB"
const DIGITS = ["600307", "071161", "196003"]

async function validate(schema: any, body: unknown): Promise<{ error?: MedusaError; validated?: unknown }> {
  const req: any = { body }
  let error: MedusaError | undefined
  await validateStrictBody(schema)(req, {} as any, (e?: unknown) => {
    error = e as MedusaError
  })
  return { error, validated: req.validatedBody }
}

function rawRequest(raw: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  const req: any = Readable.from([Buffer.from(raw)])
  req.headers = headers
  req.is = (type: string) => (headers["content-type"] ?? "").startsWith(type)
  return req
}

async function parse(req: any): Promise<{ error?: MedusaError; body?: unknown }> {
  return new Promise((resolve) =>
    strictJsonBody()(req, {} as any, (e?: unknown) => resolve({ error: e as MedusaError, body: req.body })),
  )
}

describe("validateStrictBody", () => {
  it.each<[string, unknown]>([
    ["a number", 196003071161],
    ["an array", [196003071161]],
    ["an array of strings", ["600307-1161"]],
    ["an object", { value: "600307-1161" }],
    ["a boolean", true],
  ])("refuses a personal number sent as %s naming the field, without its digits", async (_what, value) => {
    for (const schema of [StorePayexLegalAddress, StorePayexAuthorize]) {
      const { error } = await validate(schema, {
        payment_session_id: SESSION,
        social_security_number: value,
        zip_code: "19792",
        msisdn: "+46739000001",
      })
      expect(error).toBeInstanceOf(MedusaError)
      expect(error!.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error!.message).toContain("social_security_number: must be a string")
      for (const d of DIGITS) expect(error!.message).not.toContain(d)
    }
  })

  it("names missing and wrong-typed fields and unknown ones, echoing no value and no odd field name", async () => {
    const { error } = await validate(StorePayexAuthorize, {
      payment_session_id: SESSION,
      social_security_number: "600307-1161",
      msisdn: 46739000001,
      "196003071161": 1,
      extra: "x",
    })
    expect(error!.message).toContain("msisdn: must be a string")
    expect(error!.message).toContain("(unnamed field), extra: unknown fields")
    expect(error!.message).not.toMatch(/46739000001|196003071161/)
    const missing = await validate(StorePayexLegalAddress, { payment_session_id: SESSION, zip_code: "19792" })
    expect(missing.error!.message).toBe("social_security_number: is required")
  })

  it("refuses a payment session id that is not one, without echoing it", async () => {
    const { error } = await validate(StorePayexLegalAddress, {
      payment_session_id: "600307-1161",
      social_security_number: "600307-1161",
      zip_code: "19792",
    })
    expect(error!.message).toBe("payment_session_id: has the wrong format")
  })

  it("passes a valid body on as validatedBody", async () => {
    const body = { payment_session_id: SESSION, social_security_number: "600307-1161", zip_code: "19792" }
    expect(await validate(StorePayexLegalAddress, body)).toEqual({ error: undefined, validated: body })
  })
})

describe("strictJsonBody", () => {
  it("parses a JSON object", async () => {
    expect(await parse(rawRequest(`{"a":"b"}`))).toEqual({ error: undefined, body: { a: "b" } })
  })

  it.each([
    `{"social_security_number": x196003071161}`,
    `x{"social_security_number":"600307-1161"}`,
    `{"social_security_number":"600307-1161"`,
  ])("refuses malformed JSON with a fixed message (%s)", async (raw) => {
    const { error } = await parse(rawRequest(raw))
    expect(error).toBeInstanceOf(MedusaError)
    expect(error!.message).toBe("The request body is not valid JSON")
  })

  it("refuses a body that is not a JSON object, not JSON at all, compressed or too large", async () => {
    expect((await parse(rawRequest(`["600307-1161"]`))).error!.message).toBe("The request body must be a JSON object")
    expect(
      (await parse(rawRequest(`ssn=600307-1161`, { "content-type": "application/x-www-form-urlencoded" }))).error!
        .message,
    ).toBe("The request body must be JSON (Content-Type: application/json)")
    expect(
      (await parse(rawRequest(`{}`, { "content-type": "application/json", "content-encoding": "gzip" }))).error!
        .message,
    ).toBe("The request body must not be compressed")
    expect((await parse(rawRequest(`{"a":"${"x".repeat(20000)}"}`))).error!.message).toBe(
      "The request body is larger than 16384 bytes",
    )
  })
})
