// medusa-config of the throw-away shop the browser test runs (copied into .cache/admin-host/ and built there).
// It registers the plugin exactly as README.md's "Configure" section tells a shop to: the packed npm package under
// `plugins`, its two payment providers under Medusa's payment module. Every address comes from the environment the
// harness sets (sandboxes and the server on free loopback ports).
import { defineConfig } from "@medusajs/framework/utils"

const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: start this host through integration-tests/browser/host/`)
  return value
}
const backendUrl = `http://localhost:${process.env.PORT || 9000}`

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env("DATABASE_URL"),
    http: {
      storeCors: backendUrl,
      adminCors: backendUrl,
      authCors: backendUrl,
      jwtSecret: "browser-test-jwt-secret",
      cookieSecret: "browser-test-cookie-secret",
    },
    // `medusa start` runs with NODE_ENV=production, where Medusa marks the session cookie Secure; this host is served
    // over plain http on loopback, so the admin's login would never get its cookie back without this.
    cookieOptions: { secure: false, sameSite: "lax" },
  },
  admin: { path: "/app" },
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
            },
          },
          { resolve: "medusa-plugin-payex-payer/providers/payer", id: "payer" },
        ],
      },
    },
  ],
})
