// medusa-config of the shop the two-instance test runs twice (copied into .cache/instances-host/ and built there): the
// plugin as README's "Configure" registers it, plus Medusa's Redis modules exactly as README's "Several server
// instances" lists them. Both processes load this one file; only PORT differs between them.
import { defineConfig } from "@medusajs/framework/utils"

const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: start this host through integration-tests/instances/`)
  return value
}
const backendUrl = `http://127.0.0.1:${process.env.PORT || 9000}`
const REDIS_URL = env("REDIS_URL")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env("DATABASE_URL"),
    // README: the admin's login sessions in Redis too, so a session made on one instance holds on the other.
    redisUrl: REDIS_URL,
    http: {
      // Both instances serve the same test clients; each instance's own address is enough for CORS here.
      storeCors: backendUrl,
      adminCors: backendUrl,
      authCors: backendUrl,
      // Shared by both processes, as every instance of one shop must share them (tokens from A are valid on B).
      jwtSecret: env("JWT_SECRET"),
      cookieSecret: env("COOKIE_SECRET"),
    },
    // `medusa start` runs with NODE_ENV=production, where Medusa marks the session cookie Secure and express-session
    // then never sets it over this plain-http loopback host.
    cookieOptions: { secure: false, sameSite: "lax" },
  },
  // No admin build: the test drives the Admin API only, and building the dashboard would cost a minute of CI.
  admin: { disable: true },
  plugins: [
    {
      resolve: "medusa-plugin-payex-payer",
      options: {
        payer: {
          clientId: "sandbox-client",
          clientSecret: "sandbox-secret",
          baseUrl: env("PAYER_BASE_URL"),
          invoiceOn: "fulfillment",
          dueDays: 30,
          deliveryType: "EMAIL",
          timeoutMs: 10000,
        },
      },
    },
  ],
  modules: [
    // README "Several server instances", verbatim.
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: REDIS_URL } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: REDIS_URL } } },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl: REDIS_URL } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl: REDIS_URL },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        webhook_delay: 200,
        providers: [
          {
            resolve: "medusa-plugin-payex-payer/providers/payex",
            id: "payex",
            options: {
              token: "sandbox-merchant-token",
              payeeId: "5cabf558-5283-482f-b252-4d58e06f6f3b",
              payeeName: "Demo Store",
              baseUrl: env("PAYEX_BASE_URL"),
              callbackUrl: `${backendUrl}/hooks/payment/payex-invoice_payex`,
              captureOn: "fulfillment",
              timeoutMs: 10000,
              // Every request of the test comes from 127.0.0.1: the per-client budget must not be what refuses the
              // 6th lookup (the per-session cap is what the test checks).
              legalAddressRateLimit: { max: 1000, windowSeconds: 600 },
            },
          },
          { resolve: "medusa-plugin-payex-payer/providers/payer", id: "payer" },
        ],
      },
    },
  ],
})
