/**
 * Payer-style error bodies. The API text only lists status codes; the project decided on Spring Boot's
 * default error shape `{ timestamp, status, error, message, path }`, with `message` naming the field at fault.
 */
import type { SandboxResponse } from "../shared/server"

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
  503: "Service Unavailable",
}

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? "Error"
}

export interface PayerErrorBody {
  timestamp: string
  status: number
  error: string
  message: string
  path: string
}

/** Thrown by validation and domain code; turned into a Spring-style answer by the route wrapper. */
export class PayerApiError extends Error {
  readonly status: number
  readonly headers?: Record<string, string>

  constructor(status: number, message: string, headers?: Record<string, string>) {
    super(message)
    this.name = "PayerApiError"
    this.status = status
    this.headers = headers
  }
}

export const badRequest = (message: string) => new PayerApiError(400, message)
export const notFound = (message: string) => new PayerApiError(404, message)
export const conflict = (message: string) => new PayerApiError(409, message)
export const unauthorized = (message: string, headers?: Record<string, string>) =>
  new PayerApiError(401, message, headers)
export const unsupportedMediaType = (message: string) => new PayerApiError(415, message)

export function errorResponse(
  status: number,
  message: string,
  path: string,
  headers?: Record<string, string>,
): SandboxResponse {
  const body: PayerErrorBody = {
    timestamp: new Date().toISOString(),
    status,
    error: reasonPhrase(status),
    message,
    path,
  }
  return { status, body, headers }
}

/** Any thrown value -> answer. Unexpected errors become 500 (a sandbox bug, visible in the message). */
export function toErrorResponse(e: unknown, path: string): SandboxResponse {
  if (e instanceof PayerApiError) return errorResponse(e.status, e.message, path, e.headers)
  const message = e instanceof Error ? e.message : String(e)
  return errorResponse(500, `Sandbox error: ${message}`, path)
}
