/** POST /oauth2/token: client credentials grant with HTTP Basic client authentication. */
import { randomBytes } from "node:crypto"
import type { Route } from "../../shared/server"
import { badRequest, toErrorResponse, unauthorized, unsupportedMediaType } from "../errors"
import type { PayerContext } from "./common"

const BASIC_CHALLENGE = { "www-authenticate": 'Basic realm="oauth2/client"' }

export function authRoutes(ctx: PayerContext): Route[] {
  return [
    {
      method: "POST",
      pattern: "/oauth2/token",
      handler: (req) => {
        try {
          const match = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")
          if (!match) {
            throw unauthorized(
              "Full authentication is required: send Authorization: Basic base64(clientId:clientSecret)",
              BASIC_CHALLENGE,
            )
          }
          const decoded = Buffer.from(match[1], "base64").toString("utf8")
          const colon = decoded.indexOf(":")
          const clientId = colon < 0 ? decoded : decoded.slice(0, colon)
          const clientSecret = colon < 0 ? "" : decoded.slice(colon + 1)
          if (clientId !== ctx.config.clientId || clientSecret !== ctx.config.clientSecret) {
            throw unauthorized("Bad client credentials", BASIC_CHALLENGE)
          }
          const type = req.headers["content-type"] ?? ""
          if (!/application\/x-www-form-urlencoded/i.test(type)) {
            throw unsupportedMediaType(
              `Content-Type '${type || "(none)"}' is not supported; use application/x-www-form-urlencoded`,
            )
          }
          const grantType = req.body?.grant_type
          if (!grantType) throw badRequest("grant_type is required")
          if (grantType !== "client_credentials") throw badRequest(`Unsupported grant type: ${grantType}`)

          const token = randomBytes(32).toString("base64url")
          const now = Date.now()
          const ttl = ctx.config.tokenTtlSeconds
          ctx.store.tokens.set(token, { token, issuedAt: now, expiresAt: now + ttl * 1000 })
          ctx.store.tokensIssued++
          return {
            status: 200,
            body: { access_token: token, expires_in: ttl, scope: "", token_type: "bearer" },
            headers: { "cache-control": "no-store" },
          }
        } catch (e) {
          return toErrorResponse(e, req.path)
        }
      },
    },
  ]
}
