import type { PayerInvoice } from "../../../../lib/payer"
import { originalAfterCredit } from "../credit-effects"

/** The credit invoice as Payer answers the credit POST. */
const answer = (totalAmount: number, outstandingAmount: number | undefined, extra: Partial<PayerInvoice> = {}) =>
  ({ invoiceNumber: 2001, type: "CREDIT", status: "PAID", totalAmount, outstandingAmount, ...extra }) as PayerInvoice

const unpaid = { total_amount: 64899, credited_amount: 0, outstanding_amount: 64899 }
const linked = (...totals: number[]) => totals.map((total_amount) => ({ total_amount, standalone: false }))

describe("originalAfterCredit: the original's state read off the credit's own answer", () => {
  it("a full credit of an unpaid invoice: CREDITED, nothing outstanding", () => {
    expect(
      originalAfterCredit({ original: unpaid, answer: answer(64899, 0), standalone: false, credits: linked(64899) }),
    ).toEqual({ credited_amount: 64899, payer_status: "CREDITED", outstanding_amount: 0 })
  })

  it("a partial credit of an unpaid invoice: PARTIALLY_CREDITED, the debt lowered by what it absorbed", () => {
    expect(
      originalAfterCredit({ original: unpaid, answer: answer(10000, 0), standalone: false, credits: linked(10000) }),
    ).toEqual({ credited_amount: 10000, payer_status: "PARTIALLY_CREDITED", outstanding_amount: 54899 })
  })

  it("a credit of a paid invoice keeps its total as its own outstanding: the original's debt stays as it is", () => {
    const paid = { ...unpaid, outstanding_amount: 0 }
    expect(
      originalAfterCredit({ original: paid, answer: answer(10000, 10000), standalone: false, credits: linked(10000) }),
    ).toEqual({ credited_amount: 10000, payer_status: "PARTIALLY_CREDITED", outstanding_amount: 0 })
  })

  it("a record still showing a debt Payer saw paid stays above Payer's, never below", () => {
    // Payer had 0 outstanding (paid, not synced yet): the credit absorbed nothing, the record keeps its 64899
    // until the status sync; it never claims less than Payer, so pay-with-credit's check cannot refuse wrongly.
    expect(
      originalAfterCredit({
        original: unpaid,
        answer: answer(10000, 10000),
        standalone: false,
        credits: linked(10000),
      }),
    ).toEqual({ credited_amount: 10000, payer_status: "PARTIALLY_CREDITED", outstanding_amount: 64899 })
  })

  it("the last of several credits: CREDITED once the plugin's linked credits cover the total", () => {
    const partly = { ...unpaid, credited_amount: 35000, outstanding_amount: 29899 }
    expect(
      originalAfterCredit({
        original: partly,
        answer: answer(29899, 0),
        standalone: false,
        credits: linked(25000, 10000, 29899),
      }),
    ).toEqual({ credited_amount: 64899, payer_status: "CREDITED", outstanding_amount: 0 })
  })

  it("a standalone credit leaves Payer's view of the original alone and only counts in credited_amount", () => {
    expect(
      originalAfterCredit({
        original: unpaid,
        answer: answer(5000, 5000, { standalone: true }),
        standalone: true,
        credits: [{ total_amount: 5000, standalone: true }],
      }),
    ).toEqual({ credited_amount: 5000 })
  })

  it("reads the original when only Payer knows the status: standalone credits make the sum ambiguous", () => {
    const withStandalone = { ...unpaid, credited_amount: 5000 }
    expect(
      originalAfterCredit({
        original: withStandalone,
        answer: answer(59899, 0),
        standalone: false,
        credits: [{ total_amount: 5000, standalone: true }, ...linked(59899)],
      }),
    ).toBeNull()
  })

  it.each([
    ["no outstandingAmount", answer(10000, undefined)],
    ["no totalAmount", answer(undefined as unknown as number, 0)],
    ["an outstanding above the total", answer(10000, 10001)],
    ["a negative outstanding", answer(10000, -1)],
    ["amounts that are not whole öre", answer(100.5, 0)],
  ])("reads the original when the answer has %s", (_, given) => {
    expect(originalAfterCredit({ original: unpaid, answer: given, standalone: false, credits: linked(10000) })).toBe(
      null,
    )
  })
})
