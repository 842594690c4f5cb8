/**
 * Test persons of the PayEx sandbox (fictitious people; the numbers are PayEx's public test numbers
 * plus Skatteverket's well-known "Tolvan" test number). Keys are the 10-digit Swedish form
 * `YYMMDDNNNN` (century dropped, so `600307-1161` and `196003071161` find the same person) and the
 * 11-digit Norwegian number.
 *
 * | country | authorization form | approvedlegaladdress form | zip   | credit        |
 * |---------|--------------------|---------------------------|-------|---------------|
 * | SE      | 600307-1161        | 196003071161              | 19792 | approved      |
 * | SE      | 971020-2392        | 199710202392              | 17674 | approved      |
 * | SE      | 121212-1212        | 191212121212              | 12345 | NOT approved  |
 * | NO      | 26026708248        | (Sweden only)             | 0154  | approved      |
 *
 * Any other number with a valid format (and checksum) is an "unknown person": approvedlegaladdress answers
 * 404 notfound, and authorization succeeds when a complete legalAddress is sent.
 */

export type Country = "SE" | "NO" | "FI"

export interface SandboxAddress {
  addressee: string
  coAddress?: string
  streetAddress: string
  zipCode: string
  city: string
  countryCode: Country
}

export interface TestPerson {
  country: Country
  /** SE: YYMMDDNNNN; NO: the 11 digits */
  key: string
  address: SandboxAddress
  creditApproved: boolean
}

export const TEST_PERSONS: readonly TestPerson[] = Object.freeze([
  {
    country: "SE",
    key: "6003071161",
    address: {
      addressee: "Lisa Testsson",
      streetAddress: "Testvägen 1",
      zipCode: "19792",
      city: "Bro",
      countryCode: "SE",
    },
    creditApproved: true,
  },
  {
    country: "SE",
    key: "9710202392",
    address: {
      addressee: "Erik Provsson",
      coAddress: "c/o Sandlåda",
      streetAddress: "Provgatan 22",
      zipCode: "17674",
      city: "Järfälla",
      countryCode: "SE",
    },
    creditApproved: true,
  },
  {
    country: "SE",
    key: "1212121212",
    address: {
      addressee: "Tolvan Tolvansson",
      streetAddress: "Tolvgatan 12",
      zipCode: "12345",
      city: "Stockholm",
      countryCode: "SE",
    },
    creditApproved: false,
  },
  {
    country: "NO",
    key: "26026708248",
    address: {
      addressee: "Ola Nordmann",
      streetAddress: "Karl Johans gate 1",
      zipCode: "0154",
      city: "Oslo",
      countryCode: "NO",
    },
    creditApproved: true,
  },
] as TestPerson[])

export function findTestPerson(country: Country, key: string): TestPerson | undefined {
  return TEST_PERSONS.find((p) => p.country === country && p.key === key)
}

/** Zip codes compare without spaces ("197 92" == "19792"). */
export const normaliseZip = (zip: string) => zip.replace(/\s+/g, "")
