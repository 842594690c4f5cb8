import { z } from "@medusajs/framework/zod"

export const AdminIssuePayerInvoice = z.object({
  fulfillment_id: z.string().min(1),
})

export type AdminIssuePayerInvoiceType = z.infer<typeof AdminIssuePayerInvoice>
