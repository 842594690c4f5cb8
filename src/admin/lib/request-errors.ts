/**
 * The text of a failed request for a toast or an error state: the JS SDK's FetchError carries the route's
 * `message` (Payer's or the plugin's own, naming the field), which is what a merchant can act on.
 */
export function errorMessage(error: unknown, fallback: string): string {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : ""
  return message.trim() || fallback
}

/** The HTTP status of a failed JS SDK request, if it has one. */
export function errorStatus(error: unknown): number | undefined {
  const status = error && typeof error === "object" ? (error as { status?: unknown }).status : undefined
  return typeof status === "number" ? status : undefined
}
