import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/**
 * Body handling for the store routes that take a personal number. Medusa's own JSON parser puts an excerpt
 * of a malformed body in its error ("Unexpected token ... "{"social_security_number": 1960...") and its error
 * handler logs every 4xx message; its zod messages quote the received value ("got: '196003071161'"). Both
 * would echo a personal number into the response and the server log. These routes therefore turn Medusa's
 * parser off (`bodyParser: false` in middlewares.ts) and use the two middlewares below, whose messages are
 * fixed texts that name the field and never contain anything the client sent.
 */

const MAX_BODY_BYTES = 16 * 1024

function refuse(message: string) {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function readRaw(req: MedusaRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on("end", () =>
      tooLarge
        ? reject(refuse(`The request body is larger than ${MAX_BODY_BYTES} bytes`))
        : resolve(Buffer.concat(chunks)),
    )
    req.on("error", () => reject(refuse("The request body could not be read")))
  })
}

/** Parses a JSON object body; every failure is a 400 with a fixed message (no excerpt of the body). */
export function strictJsonBody() {
  return async function strictJsonBodyParser(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      if (!req.is("application/json")) throw refuse("The request body must be JSON (Content-Type: application/json)")
      const encoding = String(req.headers["content-encoding"] ?? "identity").toLowerCase()
      if (encoding !== "identity") throw refuse("The request body must not be compressed")
      const raw = await readRaw(req)
      let body: unknown
      try {
        body = JSON.parse(raw.toString("utf8"))
      } catch {
        throw refuse("The request body is not valid JSON")
      }
      if (!body || typeof body !== "object" || Array.isArray(body))
        throw refuse("The request body must be a JSON object")
      req.body = body
      next()
    } catch (e) {
      next(e)
    }
  }
}

/** Field names may be echoed only when they look like field names (a key could itself be a personal number). */
function fieldName(key: PropertyKey): string {
  const name = String(key)
  return /^[A-Za-z_][A-Za-z_]{0,40}$/.test(name) ? name : "(unnamed field)"
}

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.length
    ? issue.path.map((p) => (typeof p === "number" ? String(p) : fieldName(p))).join(".")
    : "body"
}

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (acc, key) => (acc && typeof acc === "object" ? (acc as Record<PropertyKey, unknown>)[key] : undefined),
    body,
  )
}

/** A fixed text per kind of problem, naming the field. Never the value, never a received type's content. */
export function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const field = pathOf(issue)
  switch (issue.code) {
    case "invalid_type":
      return valueAt(body, issue.path) === undefined
        ? `${field}: is required`
        : `${field}: must be ${issue.expected === "object" ? "an object" : `a ${issue.expected}`}`
    case "unrecognized_keys":
      return `${issue.keys.map(fieldName).join(", ")}: unknown field${issue.keys.length > 1 ? "s" : ""}${issue.path.length ? ` in ${field}` : ""}`
    case "too_small":
      return `${field}: is too short`
    case "too_big":
      return `${field}: is too long`
    case "invalid_format":
      return issue.format === "email" ? `${field}: is not a valid e-mail address` : `${field}: has the wrong format`
    default:
      return `${field}: is not valid`
  }
}

/**
 * Validates the parsed body against `schema` (unknown top-level fields refused, as Medusa's own validator
 * does) and puts the result in `req.validatedBody`. The 400's message names the fields, nothing else.
 */
export function validateStrictBody(schema: z.ZodObject) {
  const strict = schema.strict()
  return async function validateStrictStoreBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    const result = await strict.safeParseAsync(req.body)
    if (result.success) {
      req.validatedBody = result.data
      return next()
    }
    next(
      refuse(
        result.error.issues
          .slice(0, 5)
          .map((i) => describeIssue(i, req.body))
          .join("; "),
      ),
    )
  }
}
