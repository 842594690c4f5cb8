// What the demo shop sells and where: three countries, each with its own currency, VAT rates, shipping and its
// payment providers. Prices are tax inclusive and in integer minor units (öre, øre, cents); the seed converts
// them to the Admin API's major units exactly.

export const PAYMENT_PROVIDERS = ["pp_payex-invoice_payex", "pp_payer-b2b_payer", "pp_system_default"]
/** Swedbank Pay invoice (Payment Order v3.1): SEK and NOK only, so in Sweden and Norway. */
export const SWEDBANKPAY_PROVIDER = "pp_swedbankpay-invoice_swedbankpay"

export type CountryCode = "se" | "no" | "fi"
export type Currency = "sek" | "nok" | "eur"

export interface DemoCountry {
  code: CountryCode
  /** the region's payment providers */
  paymentProviders: string[]
  regionName: string
  currency: Currency
  /** VAT on everything without a product rate, shipping included */
  defaultVat: number
  shipping: { name: string; priceMinor: number; description: string }
}

export const COUNTRIES: DemoCountry[] = [
  {
    code: "se",
    paymentProviders: [...PAYMENT_PROVIDERS, SWEDBANKPAY_PROVIDER],
    regionName: "Sverige",
    currency: "sek",
    defaultVat: 25,
    shipping: { name: "PostNord Sverige", priceMinor: 4900, description: "2-3 dagar" },
  },
  {
    code: "no",
    paymentProviders: [...PAYMENT_PROVIDERS, SWEDBANKPAY_PROVIDER],
    regionName: "Norge",
    currency: "nok",
    defaultVat: 25,
    shipping: { name: "Posten Norge", priceMinor: 9900, description: "2-4 dager" },
  },
  {
    code: "fi",
    paymentProviders: PAYMENT_PROVIDERS,
    regionName: "Suomi",
    currency: "eur",
    defaultVat: 24,
    shipping: { name: "Posti", priceMinor: 590, description: "2-4 päivää" },
  },
]

export interface DemoProduct {
  handle: string
  title: string
  description: string
  sku: string
  prices: Record<Currency, number>
  /** VAT % per country where it differs from the country's default rate */
  vat: Partial<Record<CountryCode, number>>
  stock: number
}

export const PRODUCTS: DemoProduct[] = [
  {
    handle: "demo-chair-ekbacken",
    title: "Stol Ekbacken",
    description: "Solid oak chair. Standard VAT: 25 % SE and NO, 24 % FI.",
    sku: "DEMO-CHAIR",
    prices: { sek: 249500, nok: 269500, eur: 21900 },
    vat: {},
    stock: 1000,
  },
  {
    handle: "demo-coffee-mellanrost",
    title: "Kaffe Mellanrost 500 g",
    description: "Food: 12 % VAT in Sweden, 15 % in Norway, 14 % in Finland.",
    sku: "DEMO-COFFEE",
    prices: { sek: 8990, nok: 11900, eur: 849 },
    vat: { se: 12, no: 15, fi: 14 },
    stock: 1000,
  },
  {
    handle: "demo-book-oresund",
    title: "Bok om Öresund",
    description: "Books: 6 % VAT in Sweden, 10 % in Finland; the standard rate in Norway's demo region.",
    sku: "DEMO-BOOK",
    prices: { sek: 24900, nok: 29900, eur: 2490 },
    vat: { se: 6, fi: 10 },
    stock: 1000,
  },
]

/** The business customer the Payer checkout is prefilled with (Payer needs a Swedish organisation number). */
export const BUSINESS_CUSTOMER = {
  email: "anna.andersson@ekbacken.example",
  first_name: "Anna",
  last_name: "Andersson",
  company_name: "Ekbacken Möbler AB",
  phone: "+46701234567",
  org_number: "556036-0793",
  vat_id: "SE556036079301",
  invoice_email: "faktura@ekbacken.example",
  address: { address_1: "Industrivägen 4", postal_code: "19792", city: "Bro", country_code: "se" },
}

export const SALES_CHANNEL_NAME = "Demo webshop"
export const PUBLISHABLE_KEY_TITLE = "Demo storefront"
export const STOCK_LOCATION_NAME = "Demo warehouse"

/** Exact minor -> major units for the Admin API (which takes 2494.5 for 249450 öre); 2 decimals in all three. */
export function majorUnits(minor: number): number {
  if (!Number.isSafeInteger(minor)) throw new Error(`${minor} is not a whole number of minor units`)
  return Number(
    `${minor < 0 ? "-" : ""}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, "0")}`,
  )
}
