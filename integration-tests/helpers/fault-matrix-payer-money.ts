// The fault matrix's rows for what a credit invoice's outstanding amount can do: pay another invoice
// (pay-with-credit) and go back to the customer (payout). See fault-matrix-payer-calls.ts for the row shape.
import { answerOf, type FaultKind } from "./fault-matrix"
import { answerLost, type MatrixKit, type PayerCallCase, withStandaloneCredit } from "./fault-matrix-payer-calls"
import { orderPayment, payerRecords } from "./payer-credits"

const keyed = (kit: MatrixKit, key: string) => ({ headers: { ...kit.admin().headers, "idempotency-key": key } })

/** Medusa's refunds are what they were before the call (moving a credit's outstanding amount refunds nothing). */
async function refundsUnchanged(kit: MatrixKit, s: any) {
  const payment = await orderPayment(kit.api, kit.admin(), s.orderId)
  expect(payment.refunds.map((r: any) => r.amount)).toEqual(s.refundsBefore)
  expect(payment.captures.map((c: any) => c.amount)).toEqual([648.99])
}

const payWithCreditCall: PayerCallCase = {
  call: "pay-with-credit",
  only: "^POST /api/v2/orders/invoices/pay-with-credit$",
  setup: withStandaloneCredit,
  act: (kit, s) =>
    answerOf(
      kit.api.post(
        `/admin/payer-invoices/${s.credit.number}/pay-with-credit`,
        { to_invoice_number: s.invoice.invoice_number, amount: "10.00" },
        keyed(kit, s.key),
      ),
    ),
  retry: (kit, s) => payWithCreditCall.act(kit, s),
  ok: (a) => a.status === 200 && !!a.data.credit_invoice,
  result: (a) => [a.data.credit_invoice.outstanding, a.data.invoice.outstanding],
  async verify(kit, s, final) {
    const payer = kit.payer()
    const credit = payer.state.invoices.get(Number(s.credit.number))!
    const target = payer.state.invoices.get(Number(s.invoice.invoice_number))!
    expect(credit.payments.map((p) => [p.source, p.amount])).toEqual([["CREDIT_INVOICE", 1000]])
    expect(
      target.payments
        .map((p) => [p.source, p.amount, p.counterpartInvoiceNumber])
        .filter(([src]) => src !== "CUSTOMER"),
    ).toEqual([["CREDIT_INVOICE", 1000, credit.invoiceNumber]])
    expect(credit.outstandingAmount).toBe(4000)
    const records = await payerRecords(kit.container(), s.orderId)
    const byNumber = (n: number) => records.find((r) => r.invoice_number === String(n))!
    expect(byNumber(credit.invoiceNumber).outstanding_amount).toBe(credit.outstandingAmount)
    expect(byNumber(target.invoiceNumber).outstanding_amount).toBe(target.outstandingAmount)
    expect(final.data).toMatchObject({
      credit_invoice: { outstanding: credit.outstandingAmount / 100 },
      invoice: { outstanding: target.outstandingAmount / 100 },
    })
    await refundsUnchanged(kit, s)
  },
}

const payoutCall: PayerCallCase = {
  call: "payout",
  only: "^POST /api/v2/orders/invoices/payout-credit$",
  setup: withStandaloneCredit,
  act: (kit, s) => answerOf(kit.api.post(`/admin/payer-invoices/${s.credit.number}/payout`, {}, keyed(kit, s.key))),
  retry: (kit, s) => payoutCall.act(kit, s),
  ok: (a) => a.status === 200 && !!a.data.payout,
  result: (a) => a.data.payout,
  async verify(kit, s, final, kind: FaultKind) {
    const credit = kit.payer().state.invoices.get(Number(s.credit.number))!
    const payouts = credit.payments.filter((p) => p.source === "PAYOUT")
    expect(payouts.map((p) => p.amount)).toEqual([5000])
    expect(credit.outstandingAmount).toBe(0)
    const record = (await payerRecords(kit.container(), s.orderId)).find((r) => r.invoice_number === s.credit.number)!
    expect(record.outstanding_amount).toBe(0)
    expect(final.data.payout).toMatchObject({ amount: 50, currency_code: "sek" })
    if (answerLost(kind)) {
      // Payer keeps no payout receipt to read again: the amount is known from the credit, the receipt is not.
      expect(final.data.payout.payout_job_id).toBeNull()
      expect(record.last_error).toMatch(/receipt/)
    } else {
      expect(final.data.payout.payout_job_id).toBe(payouts[0].payoutJobId)
      expect(record.last_error).toBeNull()
    }
    await refundsUnchanged(kit, s)
  },
}

export const PAYER_CALLS_ON_CREDITS: PayerCallCase[] = [payWithCreditCall, payoutCall]
