import { z } from "@medusajs/framework/zod"

// Shapes only: ranges, positions and what remains on the invoice are checked against the invoice record
// (lib/mapping/payer-credits.ts), whose errors name the field (`items[0].quantity`).
const amount = z.union([z.number(), z.string()])
const standalone = { standalone: z.boolean().optional() }

export const AdminPayerCredit = z.discriminatedUnion("type", [
  z.object({ type: z.literal("full"), ...standalone }),
  z.object({
    type: z.literal("partial"),
    items: z.array(z.object({ position: z.number(), quantity: z.number() })),
    ...standalone,
  }),
  z.object({
    type: z.literal("manual"),
    lines: z.array(
      z.object({ description: z.string(), quantity: z.number(), unit_amount: amount, vat_percent: amount }),
    ),
    ...standalone,
  }),
])
export type AdminPayerCreditType = z.infer<typeof AdminPayerCredit>

export const AdminPayerSendInvoice = z.object({ delivery_type: z.string() })
export type AdminPayerSendInvoiceType = z.infer<typeof AdminPayerSendInvoice>

export const AdminPayerPayWithCredit = z.object({
  to_invoice_number: z.union([z.string().min(1), z.number()]),
  amount,
})
export type AdminPayerPayWithCreditType = z.infer<typeof AdminPayerPayWithCredit>
