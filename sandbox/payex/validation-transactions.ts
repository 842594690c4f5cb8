/** Validation of the transaction requests: authorization, capture, cancellation, reversal. See validation.ts. */
import { isIP } from "node:net"
import { parseConsumerSsn, SSN_FORMAT_HINT } from "./identity"
import { ProblemCollector } from "./problems"
import type { ConsumerRecord, ItemDescription, VatSummaryRow } from "./state"
import { findTestPerson, normaliseZip } from "./test-data"
import type { Country, SandboxAddress } from "./test-data"
import {
  checkActivity,
  checkAddress,
  checkDescription,
  checkOptionalString,
  checkPayeeReference,
  isInt,
  isObject,
  isText,
} from "./validation"
import type { Obj } from "./validation"

export const VAT_PERCENTS = [0, 600, 800, 1000, 1200, 1400, 1500, 2200, 2400, 2500] as const
export const TRANSACTION_DESCRIPTION_MAX = 50
export const MSISDN_PATTERN = /^\+[1-9]\d{6,14}$/

export interface AuthorizationInput {
  /** lookup key of the person (see test-data.ts); never logged */
  key: string
  consumer: ConsumerRecord
  legalAddress: SandboxAddress
  billingAddress?: SandboxAddress
}

export function validateAuthorization(body: Obj, country: Country): AuthorizationInput {
  const c = new ProblemCollector()
  const tx = isObject(body.transaction) ? body.transaction : {}
  checkActivity(c, tx)
  let key: string | null = null
  const consumer = body.consumer as Obj | undefined
  if (c.check(isObject(consumer), "consumer", "consumer is required")) {
    const ssn = consumer!.socialSecurityNumber
    key = typeof ssn === "string" ? parseConsumerSsn(country, ssn) : null
    c.check(key !== null, "consumer.socialSecurityNumber", `socialSecurityNumber must be ${SSN_FORMAT_HINT[country]}`)
    c.check(
      typeof consumer!.msisdn === "string" && MSISDN_PATTERN.test(consumer!.msisdn),
      "consumer.msisdn",
      "msisdn is required: + and country code, digits only, no spaces",
    )
    c.check(
      typeof consumer!.ip === "string" && isIP(consumer!.ip) !== 0,
      "consumer.ip",
      "ip is required: the consumer's IPv4 or IPv6 address",
    )
    if (consumer!.email != null) {
      c.check(
        typeof consumer!.email === "string" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(consumer!.email),
        "consumer.email",
        "email is not a valid e-mail address",
      )
    }
    checkOptionalString(c, "consumer.name", consumer!.name)
    checkOptionalString(c, "consumer.customerNumber", consumer!.customerNumber)
  }
  const legalAddress = checkAddress(c, "legalAddress", body.legalAddress, country)
  const billingAddress =
    body.billingAddress != null ? checkAddress(c, "billingAddress", body.billingAddress) : undefined
  // "The legal address must be the registered address of the consumer": known test persons are checked by zip.
  const person = key ? findTestPerson(country, key) : undefined
  if (person && legalAddress && isText(legalAddress.zipCode)) {
    c.check(
      normaliseZip(legalAddress.zipCode) === normaliseZip(person.address.zipCode),
      "legalAddress.zipCode",
      "zipCode does not match the consumer's registered address",
    )
  }
  c.throwIfAny()
  const ssn: string = consumer!.socialSecurityNumber
  return {
    key: key!,
    consumer: {
      ssnLast4: ssn.slice(-4),
      ...(consumer!.customerNumber != null ? { customerNumber: consumer!.customerNumber } : {}),
      ...(consumer!.name != null ? { name: consumer!.name } : {}),
      ...(consumer!.email != null ? { email: consumer!.email } : {}),
      msisdn: consumer!.msisdn,
      ip: consumer!.ip,
    },
    legalAddress: legalAddress!,
    ...(billingAddress ? { billingAddress } : {}),
  }
}

export interface CaptureInput {
  amount: number
  vatAmount: number
  payeeReference: string
  description: string
  itemDescriptions: ItemDescription[]
  vatSummary: VatSummaryRow[]
}

/** round-half-up(amount * vatPercent / (10000 + vatPercent)), exact in integers. */
export function vatIncluded(amount: number, vatPercent: number): number {
  const a = BigInt(amount)
  const p = BigInt(vatPercent)
  const d = 10000n + p
  return Number((2n * a * p + d) / (2n * d))
}

function checkAmounts(c: ProblemCollector, tx: Obj): boolean {
  const amountOk = c.check(
    isInt(tx.amount) && tx.amount > 0,
    "transaction.amount",
    "amount must be a positive integer (minor units)",
  )
  const vatOk = c.check(
    isInt(tx.vatAmount) && tx.vatAmount >= 0,
    "transaction.vatAmount",
    "vatAmount must be an integer >= 0",
  )
  if (amountOk && vatOk) c.check(tx.vatAmount <= tx.amount, "transaction.vatAmount", "vatAmount must not exceed amount")
  return amountOk && vatOk
}

export function validateCapture(body: Obj, remainingCaptureAmount: number): CaptureInput {
  const c = new ProblemCollector()
  const tx = body.transaction as Obj
  checkActivity(c, tx)
  const amountsOk = checkAmounts(c, tx)
  checkPayeeReference(c, "transaction.payeeReference", tx.payeeReference)
  checkDescription(c, "transaction.description", tx.description, TRANSACTION_DESCRIPTION_MAX)

  let itemsOk = c.check(
    Array.isArray(tx.itemDescriptions) && tx.itemDescriptions.length > 0,
    "transaction.itemDescriptions",
    "itemDescriptions must be a non-empty array",
  )
  if (itemsOk) {
    tx.itemDescriptions.forEach((item: unknown, i: number) => {
      const name = `transaction.itemDescriptions[${i}]`
      if (!c.check(isObject(item), name, "must be an object")) return (itemsOk = false)
      const it = item as Obj
      if (!c.check(isInt(it.amount) && it.amount >= 0, `${name}.amount`, "amount must be an integer >= 0"))
        itemsOk = false
      c.check(isText(it.description), `${name}.description`, "description is required")
    })
  }

  let vatOk = c.check(
    Array.isArray(tx.vatSummary) && tx.vatSummary.length > 0,
    "transaction.vatSummary",
    "vatSummary must be a non-empty array",
  )
  if (vatOk) {
    const seen = new Set<number>()
    tx.vatSummary.forEach((row: unknown, i: number) => {
      const name = `transaction.vatSummary[${i}]`
      if (!c.check(isObject(row), name, "must be an object")) return (vatOk = false)
      const r = row as Obj
      const amountOk = c.check(
        isInt(r.amount) && r.amount >= 0,
        `${name}.amount`,
        "amount must be an integer >= 0 (VAT included)",
      )
      const percentOk = c.check(
        isInt(r.vatPercent) && (VAT_PERCENTS as readonly number[]).includes(r.vatPercent),
        `${name}.vatPercent`,
        `vatPercent must be an integer in basis points, one of ${VAT_PERCENTS.join(", ")}`,
      )
      const vatAmountOk = c.check(
        isInt(r.vatAmount) && r.vatAmount >= 0,
        `${name}.vatAmount`,
        "vatAmount must be an integer >= 0",
      )
      if (percentOk) c.check(!seen.has(r.vatPercent), `${name}.vatPercent`, "each vatPercent may appear only once")
      if (percentOk) seen.add(r.vatPercent)
      if (amountOk && percentOk && vatAmountOk) {
        const expected = vatIncluded(r.amount, r.vatPercent)
        c.check(
          r.vatAmount === expected,
          `${name}.vatAmount`,
          `vatAmount must be ${expected} (${r.vatPercent / 100}% VAT included in ${r.amount})`,
        )
      }
      if (!(amountOk && vatAmountOk)) vatOk = false
    })
  }

  if (amountsOk && itemsOk) {
    const sum = tx.itemDescriptions.reduce((s: number, it: Obj) => s + it.amount, 0)
    c.check(
      sum === tx.amount,
      "transaction.itemDescriptions",
      `the item amounts add up to ${sum}, not amount ${tx.amount}`,
    )
  }
  if (amountsOk && vatOk) {
    const sum = tx.vatSummary.reduce((s: number, r: Obj) => s + r.amount, 0)
    const vat = tx.vatSummary.reduce((s: number, r: Obj) => s + r.vatAmount, 0)
    c.check(
      sum === tx.amount,
      "transaction.vatSummary",
      `the vatSummary amounts add up to ${sum}, not amount ${tx.amount}`,
    )
    c.check(
      vat === tx.vatAmount,
      "transaction.vatAmount",
      `the vatSummary vatAmounts add up to ${vat}, not vatAmount ${tx.vatAmount}`,
    )
  }
  if (amountsOk) {
    c.check(
      tx.amount <= remainingCaptureAmount,
      "transaction.amount",
      `amount exceeds the remaining capture amount ${remainingCaptureAmount}`,
    )
  }
  c.throwIfAny()
  return {
    amount: tx.amount,
    vatAmount: tx.vatAmount,
    payeeReference: tx.payeeReference,
    description: tx.description,
    itemDescriptions: tx.itemDescriptions.map((it: Obj) => ({ amount: it.amount, description: it.description })),
    vatSummary: tx.vatSummary.map((r: Obj) => ({ amount: r.amount, vatPercent: r.vatPercent, vatAmount: r.vatAmount })),
  }
}

export function validateCancellation(body: Obj): { payeeReference: string; description: string } {
  const c = new ProblemCollector()
  const tx = body.transaction as Obj
  checkActivity(c, tx)
  checkPayeeReference(c, "transaction.payeeReference", tx.payeeReference)
  checkDescription(c, "transaction.description", tx.description, TRANSACTION_DESCRIPTION_MAX)
  c.throwIfAny()
  return { payeeReference: tx.payeeReference, description: tx.description }
}

export function validateReversal(
  body: Obj,
  remainingReversalAmount: number,
): { amount: number; vatAmount: number; payeeReference: string; description: string } {
  const c = new ProblemCollector()
  const tx = body.transaction as Obj
  checkActivity(c, tx)
  const amountsOk = checkAmounts(c, tx)
  checkPayeeReference(c, "transaction.payeeReference", tx.payeeReference)
  checkDescription(c, "transaction.description", tx.description, TRANSACTION_DESCRIPTION_MAX)
  if (amountsOk) {
    c.check(
      tx.amount <= remainingReversalAmount,
      "transaction.amount",
      `amount exceeds the remaining reversal amount ${remainingReversalAmount}`,
    )
  }
  c.throwIfAny()
  return { amount: tx.amount, vatAmount: tx.vatAmount, payeeReference: tx.payeeReference, description: tx.description }
}
