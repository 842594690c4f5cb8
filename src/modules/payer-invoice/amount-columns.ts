/**
 * The amount columns of the invoice records are numeric (model.bigNumber(): a numeric column plus a raw_ jsonb
 * companion), so they hold any amount Medusa can. The rest of the plugin works with plain JS numbers of minor
 * units, so the module service converts on the way out and checks on the way in: an amount that is not a safe
 * integer (beyond 2^53 - 1 minor units, or fractional) is refused with an error naming the field instead of being
 * rounded silently.
 */
import { MedusaError } from "@medusajs/framework/utils"

export const INVOICE_AMOUNT_FIELDS = ["total_amount", "vat_amount", "credited_amount", "outstanding_amount"] as const
export const LINE_AMOUNT_FIELDS = ["unit_amount", "total_amount"] as const

type Row = Record<string, unknown>

function isRow(value: unknown): value is Row {
  return !!value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)
}

/**
 * The one reader of a stored amount column (number, numeric string, BigNumber-like or raw { value }) -> a safe
 * integer of minor units, or an error naming the field. Everything above the module gets these integers;
 * turning them into major units for an answer is lib/money's majorUnits.
 */
export function safeMinorUnits(value: unknown, field: string): number {
  let candidate: unknown = value
  if (isRow(value)) candidate = "numeric" in value ? value.numeric : value.value
  const n = typeof candidate === "string" && candidate.trim() !== "" ? Number(candidate) : candidate
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} must be a whole number of minor units within ±${Number.MAX_SAFE_INTEGER} (got ${typeof candidate === "string" || typeof candidate === "number" ? candidate : typeof candidate})`,
    )
  }
  return n
}

/** One record as the service hands it out: amounts as safe integers, raw_ companions left out. */
function readRow(row: Row, fields: readonly string[], table: string): Row {
  const out: Row = { ...row }
  for (const field of fields) {
    delete out[`raw_${field}`]
    if (!(field in row) || row[field] === null || row[field] === undefined) {
      const raw = row[`raw_${field}`]
      if (isRow(raw) && raw.value !== undefined) out[field] = safeMinorUnits(raw, `${table}.${field}`)
      continue
    }
    out[field] = safeMinorUnits(row[field], `${table}.${field}`)
  }
  if (Array.isArray(row.lines)) out.lines = row.lines.map((line) => (isRow(line) ? readLine(line) : line))
  if (isRow(row.invoice)) out.invoice = readInvoice(row.invoice)
  return out
}

export function readInvoice<T>(row: T): T {
  return (isRow(row) ? readRow(row, INVOICE_AMOUNT_FIELDS, "payer_invoice") : row) as T
}

export function readLine<T>(row: T): T {
  return (isRow(row) ? readRow(row, LINE_AMOUNT_FIELDS, "payer_invoice_line") : row) as T
}

/** Refuses amounts that are not safe integers before they are written; anything else passes untouched. */
export function checkWrite(data: unknown, fields: readonly string[], table: string): void {
  const rows = Array.isArray(data) ? data : [data]
  for (const row of rows) {
    if (!isRow(row)) continue
    // updateX({ selector, data }) form
    if (isRow(row.data) && isRow(row.selector)) checkWrite(row.data, fields, table)
    for (const field of fields) {
      if (row[field] !== undefined && row[field] !== null) safeMinorUnits(row[field], `${table}.${field}`)
    }
  }
}

type AsyncMethod = (...args: unknown[]) => Promise<unknown>

/** Generated methods whose answers carry records, and how to read them. */
const READERS: Record<string, (row: unknown) => unknown> = {
  retrievePayerInvoice: readInvoice,
  listPayerInvoices: readInvoice,
  listAndCountPayerInvoices: readInvoice,
  createPayerInvoices: readInvoice,
  updatePayerInvoices: readInvoice,
  retrievePayerInvoiceLine: readLine,
  listPayerInvoiceLines: readLine,
  listAndCountPayerInvoiceLines: readLine,
  createPayerInvoiceLines: readLine,
  updatePayerInvoiceLines: readLine,
}
const WRITES: Record<string, { fields: readonly string[]; table: string }> = {
  createPayerInvoices: { fields: INVOICE_AMOUNT_FIELDS, table: "payer_invoice" },
  updatePayerInvoices: { fields: INVOICE_AMOUNT_FIELDS, table: "payer_invoice" },
  createPayerInvoiceLines: { fields: LINE_AMOUNT_FIELDS, table: "payer_invoice_line" },
  updatePayerInvoiceLines: { fields: LINE_AMOUNT_FIELDS, table: "payer_invoice_line" },
}

function readAnswer(answer: unknown, read: (row: unknown) => unknown): unknown {
  if (Array.isArray(answer)) {
    // listAndCount answers [rows, count]
    return answer.length === 2 && Array.isArray(answer[0]) && typeof answer[1] === "number"
      ? [answer[0].map(read), answer[1]]
      : answer.map(read)
  }
  return read(answer)
}

/**
 * Wraps the module service's generated CRUD methods (per instance, so the generated signatures stay as they are
 * and Medusa's query, which calls these methods, reads the same): answers hand the amount columns out as safe
 * integers, and writes refuse unsafe amounts before they reach the database.
 */
export function wrapAmountColumns(service: object): void {
  const methods = service as Record<string, AsyncMethod>
  for (const [name, read] of Object.entries(READERS)) {
    const generated = methods[name]
    if (typeof generated !== "function") continue
    const write = WRITES[name]
    methods[name] = async (...args: unknown[]) => {
      // create(data), update(data), update(id | selector, data): whichever argument holds the rows
      if (write) for (const arg of args) checkWrite(arg, write.fields, write.table)
      return readAnswer(await generated.apply(service, args), read)
    }
  }
}
