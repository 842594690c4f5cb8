/**
 * What a fetched Payer event asks of the invoice records. No event is believed on its own: it only names the
 * invoices to read again from Payer, and the re-read invoice changes the record the way the status sync does
 * (syncUpdateFor). A payment event does not say whether the invoice is now paid in full, a write-off does not say
 * which status follows, and the credit events name the credit invoice; reading the invoice answers all three.
 */
import { creditUsedPaidInvoice, payloadNumber, type PayerEvent } from "../payer"

export type PayerEventPlan =
  /** read these invoices again (only those the shop holds records of) */
  | { kind: "reread"; invoice_numbers: number[] }
  /** a type the plugin does not handle: acknowledged, nothing changes */
  | { kind: "unknown_type" }
  /** a handled type whose payload names no invoice: acknowledged, nothing changes (the sync still runs) */
  | { kind: "no_invoice" }

function unique(numbers: Array<number | null>): number[] {
  return [...new Set(numbers.filter((n): n is number => n !== null))]
}

export function planForPayerEvent(event: PayerEvent): PayerEventPlan {
  const p = event.payload
  let numbers: number[]
  switch (event.type) {
    case "INVOICE_PAYMENT_RECEIVED":
    case "WRITE_OFF_PAYMENT_CREATED":
      numbers = unique([payloadNumber(p.invoiceNumber)])
      break
    case "CREDIT_USED":
      // the credit invoice itself, and the invoice it paid when the credit was used as a payment
      numbers = unique([payloadNumber(p.creditInvoiceNumber), creditUsedPaidInvoice(p)])
      break
    default:
      return { kind: "unknown_type" }
  }
  return numbers.length ? { kind: "reread", invoice_numbers: numbers } : { kind: "no_invoice" }
}

/** An event type as it may appear in a log line: Payer's upper-case names, anything else cut and masked. */
export function loggableEventType(type: string): string {
  return type.slice(0, 64).replace(/[^A-Za-z0-9_]/g, "?")
}
