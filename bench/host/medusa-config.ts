// medusa-config of the one shop the bench runs (copied into .cache/bench-host/ and built there): the plugin from its
// npm tarball as README's "Configure" registers it, the PayEx and Payer providers next to Medusa's pp_system_default,
// Medusa's in-memory event bus, workflow engine, cache and locking (one process). Values come from bench/host.ts.
import { defineConfig } from "@medusajs/framework/utils"

const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: start this host through bench/host.ts`)
  return value
}
const backendUrl = `http://127.0.0.1:${process.env.PORT || 9000}`

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env("DATABASE_URL"),
    http: {
      storeCors: backendUrl,
      adminCors: backendUrl,
      authCors: backendUrl,
      jwtSecret: env("JWT_SECRET"),
      cookieSecret: env("COOKIE_SECRET"),
    },
  },
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
        },
      },
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // Callbacks are processed this long after they arrive (Medusa's default is 5 s), as in the project's tests.
        webhook_delay: 200,
        providers: [
          {
            resolve: "medusa-plugin-payex-payer/providers/payex",
            id: "payex",
            options: {
              token: "sandbox-merchant-token",
              payeeId: "5cabf558-5283-482f-b252-4d58e06f6f3b",
              payeeName: "Bench Store",
              baseUrl: env("PAYEX_BASE_URL"),
              callbackUrl: `${backendUrl}/hooks/payment/payex-invoice_payex`,
              captureOn: "fulfillment",
              // Every shopper of the bench comes from 127.0.0.1: the per-client budget must not refuse them.
              legalAddressRateLimit: { max: 100000, windowSeconds: 600 },
            },
          },
          { resolve: "medusa-plugin-payex-payer/providers/payer", id: "payer" },
        ],
      },
    },
  ],
})
