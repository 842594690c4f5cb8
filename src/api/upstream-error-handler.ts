import { errorHandler, type MedusaErrorHandlerFunction } from "@medusajs/framework/http"
import { upstreamOutageStatus } from "../lib/http/upstream-outage"

const medusaErrorHandler = errorHandler()

/**
 * Medusa's own error handler, except for a PSP outage (lib/http/upstream-outage.ts): Medusa knows no 502/503 and
 * answers any error it does not map with a 500, which tells a storefront or an admin nothing. An outage is answered
 * with its 502/503 and the plugin's message, which says to try again and keeps the PSP's own text (already free of
 * personal numbers); every other error goes to Medusa's handler unchanged.
 *
 * Medusa takes the last `errorHandler` its middleware files define: a project that defines its own replaces this
 * one, and then answers outages as it chooses (README, Troubleshooting).
 */
export const upstreamErrorHandler: MedusaErrorHandlerFunction = (error, req, res, next) => {
  const status = upstreamOutageStatus(error)
  if (!status) return medusaErrorHandler(error, req, res, next)
  const upstream = typeof error.upstream === "string" ? error.upstream : "payment service"
  req.scope?.resolve?.("logger")?.warn?.(`${upstream} outage at ${req.path} answered ${status}: ${error.message}`)
  res.status(status).json({
    type: status === 503 ? "upstream_unavailable" : "upstream_error",
    upstream,
    message: error.message,
  })
}
