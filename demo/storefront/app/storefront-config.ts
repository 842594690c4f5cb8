// The shop's public settings the demo serves at /config.json: nothing secret (a publishable key is public by design).
export interface StorefrontConfig {
  /** Medusa's port; the page calls it on its own host name (localhost or 127.0.0.1) */
  medusaPort: number
  /** the origins the page may call (its Content-Security-Policy) */
  medusaOrigins: string[]
  publishableKey: string
  regions: Array<{ country: "se" | "no" | "fi"; regionId: string; name: string; currency: string }>
  /** the seeded business customer, to prefill the company form */
  businessCustomer: {
    company_name: string
    org_number: string
    vat_id: string
    email: string
    phone: string
    your_reference: string
  }
}
