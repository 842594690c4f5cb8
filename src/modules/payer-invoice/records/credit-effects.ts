/**
 * What a credit did to the invoice it credits, read off the credit's own answer instead of reading the
 * original back from Payer (issue 10: an admin credit is one call). Payer's answer is the credit invoice; what
 * it did to the original follows from Payer's rules for a linked credit (as the sandbox models them, see
 * sandbox/README.md "Payer sandbox"): creditedAmount grows by the credit's total, the original's debt absorbs
 * what it can (min(outstanding, total)) and the credit keeps the rest as its own outstandingAmount; the status
 * becomes CREDITED once creditedAmount reaches the total, else PARTIALLY_CREDITED. A standalone credit leaves
 * the original's amounts and status alone.
 *
 * The answer does not carry the original's creditedAmount, so the status is only written when the plugin's
 * records settle it either way; otherwise (and when the answer lacks an amount) the caller reads the original.
 * Pure: no database, no Payer.
 */
import type { PayerInvoice } from "../../../lib/payer"

export interface CreditedOriginal {
  total_amount: number
  /** The larger of Payer's creditedAmount when last read and the plugin's issued credits (see read.ts). */
  credited_amount: number
  /** Never below Payer's (payments and credits only lower it), which keeps pay-with-credit's check safe. */
  outstanding_amount: number
}

export interface IssuedCreditOfOriginal {
  total_amount: number
  standalone: boolean
}

export interface OriginalAfterCredit {
  credited_amount: number
  payer_status?: string
  outstanding_amount?: number
}

const isAmount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0
const sum = (credits: IssuedCreditOfOriginal[]) => credits.reduce((s, c) => s + Number(c.total_amount), 0)

/**
 * The original's new fields after `answer`, the answer of the credit POST that made the credit (not a lookup:
 * a credit looked up later may have been used since, and its outstandingAmount no longer says what the
 * original absorbed). `credits`: the original's issued credit records, this one included. null: the answer
 * does not say enough; read the original from Payer.
 */
export function originalAfterCredit(input: {
  original: CreditedOriginal
  answer: PayerInvoice
  standalone: boolean
  credits: IssuedCreditOfOriginal[]
}): OriginalAfterCredit | null {
  const { answer, standalone, credits } = input
  const total = Number(input.original.total_amount)
  const credited = Number(input.original.credited_amount)
  const outstanding = Number(input.original.outstanding_amount)
  const localSum = sum(credits)
  if (standalone) return { credited_amount: Math.max(credited, localSum) }

  const creditTotal = answer.totalAmount
  const creditLeft = answer.outstandingAmount
  if (!isAmount(creditTotal) || creditTotal < 1 || !isAmount(creditLeft) || creditLeft > creditTotal) return null
  const creditedAfter = Math.max(credited + creditTotal, localSum)
  // Payer counts at least the plugin's own linked credits: once they cover the total, it is fully credited,
  // and a fully credited invoice owes nothing (each linked credit took what was still owed).
  if (sum(credits.filter((c) => !c.standalone)) >= total) {
    return { credited_amount: creditedAfter, payer_status: "CREDITED", outstanding_amount: 0 }
  }
  // Payer's creditedAmount was at most the record's, so it is still short of the total: partially credited.
  // (A credit made in Payer's own portal since the last read could make it CREDITED; PARTIALLY_CREDITED is not
  // a settled status, so the status sync still reads the invoice and corrects it.)
  if (credited + creditTotal < total) {
    const absorbed = creditTotal - creditLeft
    return {
      credited_amount: creditedAfter,
      payer_status: "PARTIALLY_CREDITED",
      outstanding_amount: Math.max(0, outstanding - absorbed),
    }
  }
  return null // in between (standalone credits, or credits made outside the plugin): only Payer knows
}
