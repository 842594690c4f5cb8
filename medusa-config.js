// Host configuration used by this repository's integration tests, demo and local development.
// It runs the plugin's source (src/) as the Medusa project and registers its payment provider against the
// PayEx sandbox (npm run sandbox:payex). A real shop installs the npm package instead: see README.md.
const { loadEnv, defineConfig } = require("@medusajs/framework/utils")

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`
// The storefront Swedbank Pay sends the shopper back to (the demo's, or a test's).
const storefrontUrl = process.env.STOREFRONT_URL || "http://localhost:8000"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: { disable: process.env.MEDUSA_ADMIN_DISABLE !== "false" },
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // Shorter than the 5 s default so tests and the demo see callbacks quickly.
        webhook_delay: Number(process.env.PAYMENT_WEBHOOK_DELAY_MS || 5000),
        providers: [
          {
            resolve: "./src/providers/payex",
            id: "payex",
            options: {
              token: process.env.PAYEX_TOKEN || "sandbox-merchant-token",
              payeeId: process.env.PAYEX_PAYEE_ID || "5cabf558-5283-482f-b252-4d58e06f6f3b",
              payeeName: "Demo Store",
              baseUrl: process.env.PAYEX_BASE_URL || "http://localhost:9411",
              callbackUrl: `${backendUrl}/hooks/payment/payex-invoice_payex`,
              captureOn: process.env.PAYEX_CAPTURE_ON || "fulfillment",
              timeoutMs: Number(process.env.PAYEX_TIMEOUT_MS || 10000),
              maxRetries: Number(process.env.PAYEX_MAX_RETRIES || 2),
              // Per-client cap of the store routes that take a personal number: a number or { max, windowSeconds }
              // as JSON, e.g. '{"max":20,"windowSeconds":600}' (the default when unset).
              legalAddressRateLimit: process.env.PAYEX_LEGAL_ADDRESS_RATE_LIMIT
                ? JSON.parse(process.env.PAYEX_LEGAL_ADDRESS_RATE_LIMIT)
                : undefined,
            },
          },
          {
            // Swedbank Pay invoice through the Payment Order API v3.1; here against the same sandbox as PayEx.
            resolve: "./src/providers/swedbankpay",
            id: "swedbankpay",
            options: {
              token: process.env.SWEDBANKPAY_TOKEN || process.env.PAYEX_TOKEN || "sandbox-merchant-token",
              payeeId:
                process.env.SWEDBANKPAY_PAYEE_ID ||
                process.env.PAYEX_PAYEE_ID ||
                "5cabf558-5283-482f-b252-4d58e06f6f3b",
              payeeName: "Demo Store",
              baseUrl: process.env.SWEDBANKPAY_BASE_URL || process.env.PAYEX_BASE_URL || "http://localhost:9411",
              completeUrl: `${storefrontUrl}/checkout/swedbankpay/complete`,
              cancelUrl: `${storefrontUrl}/checkout`,
              termsOfServiceUrl: `${storefrontUrl}/terms`,
              hostUrls: [storefrontUrl],
              callbackUrl: `${backendUrl}/hooks/payment/swedbankpay-invoice_swedbankpay`,
              captureOn: process.env.PAYEX_CAPTURE_ON || "fulfillment",
              timeoutMs: Number(process.env.PAYEX_TIMEOUT_MS || 10000),
              maxRetries: Number(process.env.PAYEX_MAX_RETRIES || 2),
            },
          },
          // Payer B2B: no credentials here; they are the payer-invoice module's (the plugin's `payer` option).
          { resolve: "./src/providers/payer", id: "payer", options: {} },
        ],
      },
    },
    {
      // In a host this module comes with the plugin and gets the plugin's options:
      //   plugins: [{ resolve: "medusa-plugin-payex-payer", options: { payer: { ... } } }]
      // Here the plugin's source is the project itself, so the module is listed with the same options.
      resolve: "./src/modules/payer-invoice",
      options: {
        payer: {
          clientId: process.env.PAYER_CLIENT_ID || "sandbox-client",
          clientSecret: process.env.PAYER_CLIENT_SECRET || "sandbox-secret",
          baseUrl: process.env.PAYER_BASE_URL || "http://localhost:9412",
          invoiceOn: process.env.PAYER_INVOICE_ON || "fulfillment",
          dueDays: Number(process.env.PAYER_DUE_DAYS || 30),
          deliveryType: process.env.PAYER_DELIVERY_TYPE || "EMAIL",
          timeoutMs: Number(process.env.PAYER_TIMEOUT_MS || 10000),
          maxRetries: Number(process.env.PAYER_MAX_RETRIES || 2),
          // Payer event callbacks: this shop's public URL of /hooks/payer/events (unset: no events, the sync only).
          eventsCallbackUrl: process.env.PAYER_EVENTS_CALLBACK_URL || undefined,
        },
      },
    },
  ],
})
