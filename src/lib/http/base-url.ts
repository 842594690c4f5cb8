/**
 * The one rule both PSP clients' `baseUrl` options follow. A merchant token, a Payer client secret and a
 * shopper's personal number travel in those requests: plain http would show them to anyone on the way, so
 * http is accepted for a server on this machine only (the project's sandboxes, a local tunnel).
 */

/** An absolute http(s) URL. */
export function isAbsoluteHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false
  try {
    const url = new URL(value)
    return url.protocol === "https:" || url.protocol === "http:"
  } catch {
    return false
  }
}

/**
 * localhost, 127.0.0.0/8 or ::1 (bracketed or not). Names under `.localhost` are not accepted: whether they
 * resolve to this machine depends on the resolver.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "")
  if (host === "localhost" || host === "::1") return true
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return !!octets && octets.slice(1).every((octet) => Number(octet) <= 255)
}

/** Why a `baseUrl` option is refused, naming the option, or null when it is an https URL or loopback http. */
export function baseUrlProblem(option: string, value: unknown): string | null {
  if (!isAbsoluteHttpUrl(value)) return `\`${option}\` must be an absolute http(s) URL`
  const url = new URL(value)
  if (url.protocol === "https:" || isLoopbackHost(url.hostname)) return null
  return `\`${option}\` must use https (plain http is accepted only for a loopback address: localhost, 127.0.0.0/8, ::1)`
}
